package dev.scimctl.cli;

import dev.scimctl.config.EnvVars;
import dev.scimctl.testing.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The help topics say what the code does: every environment variable it reads, every output format it writes. */
class HelpTopicsTest {
    /** Reads of the environment in Java: env.get("X"), env().getOrDefault("X", …), env("X"), System.getenv("X"). */
    private static final Pattern JAVA_ENV_READ = Pattern.compile(
            "(?:\\benv\\b|\\benv\\(\\)|getenv)\\s*(?:\\.\\s*(?:get|getOrDefault|containsKey)\\s*)?\\(\\s*\"([A-Z][A-Z0-9_]+)\"");
    /** Expansions in the launchers: $X and ${X…}. */
    private static final Pattern SHELL_VAR = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]+)");
    /** bash's own variables, which no user sets. */
    private static final Set<String> SHELL_OWN = Set.of("BASH_SOURCE", "BASH_CMDS", "PWD", "OLDPWD", "PATH", "IFS", "SECONDS");
    private static final List<Path> LAUNCHERS = List.of(Path.of("scimctl"), Path.of("src/dist/bin/scimctl"));

    @TempDir
    Path dir;

    @Test
    void environment_topic_names_every_variable_the_code_and_the_launchers_read() throws Exception {
        String topic = new CliRunner(dir).run("help", "environment").assertExit(0).out();
        Set<String> read = variablesRead();
        assertThat(read).contains("SCIMCTL_URL", "NO_COLOR", "SCIMCTL_OPTS", "JAVA_HOME");
        Set<String> undocumented = new TreeSet<>();
        for (String name : read) {
            if (!Pattern.compile("(?m)^\\s+" + name + "\\b").matcher(topic).find()) {
                undocumented.add(name);
            }
        }
        assertThat(undocumented).as("read by scimctl but not listed in help/environment.txt").isEmpty();
    }

    @Test
    void environment_topic_lists_no_scimctl_variable_that_nothing_reads() throws Exception {
        String topic = new CliRunner(dir).run("help", "environment").assertExit(0).out();
        Set<String> read = variablesRead();
        Matcher m = Pattern.compile("\\bSCIMCTL_[A-Z0-9_]+").matcher(topic);
        Set<String> stale = new TreeSet<>();
        while (m.find()) {
            if (!read.contains(m.group())) {
                stale.add(m.group());
            }
        }
        assertThat(stale).as("listed in help/environment.txt but read nowhere").isEmpty();
    }

    @Test
    void environment_topic_states_the_precedence() {
        String topic = new CliRunner(dir).run("help", "environment").assertExit(0).out();
        assertThat(topic).contains("a command-line flag, then the").contains("environment, then the profile");
    }

    @Test
    void formats_topic_covers_each_format_a_command_offers_and_the_stability_promise() {
        String topic = new CliRunner(dir).run("help", "formats").assertExit(0).out();
        Set<String> offered = new TreeSet<>(List.of("table", "tsv"));
        for (var c : dev.scimctl.testing.Commands.leaves()) {
            var output = c.getCommandSpec().findOption("--output");
            if (output != null && output.completionCandidates() != null) {
                output.completionCandidates().forEach(offered::add);
            }
        }
        for (String format : offered) {
            assertThat(topic).as("help formats describes '" + format + "'").containsPattern("(?m)^  " + format + "\\s");
        }
        assertThat(topic).contains("no header").contains("Stable").contains("formula");
    }

    private static Set<String> variablesRead() throws IOException, IllegalAccessException {
        Set<String> names = new TreeSet<>();
        for (Field f : EnvVars.class.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == String.class) {
                f.setAccessible(true);
                names.add((String) f.get(null));
            }
        }
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = JAVA_ENV_READ.matcher(Files.readString(file));
                while (m.find()) {
                    names.add(m.group(1));
                }
            }
        }
        for (Path launcher : LAUNCHERS) {
            Matcher m = SHELL_VAR.matcher(Files.readString(launcher));
            while (m.find()) {
                if (!SHELL_OWN.contains(m.group(1))) {
                    names.add(m.group(1));
                }
            }
        }
        return names;
    }
}
