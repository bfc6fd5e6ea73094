package dev.scimctl;

import dev.scimctl.testing.Commands;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core speaks in domain terms: a message built in scim/, csv/, importer/, mapping/ or config/ names no option of
 * the command line (cli/ turns the facts an exception carries into words with flag names). Each string literal of
 * those packages is scanned for {@code --name} where the picocli model has such an option.
 *
 * <p>{@link #DEBT} is what was there when this test was written, by file: it may only shrink. Moving a message out
 * of the core lowers a count here (the test fails until it is lowered, so the list stays true); a new one fails.
 */
class CoreMessagesTest {
    private static final Set<String> CORE = Set.of("scim", "csv", "importer", "mapping", "config");
    private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\\\n]|\\\\.)*\"");
    private static final Pattern FLAG = Pattern.compile("--[a-z][a-z-]*");

    /** Flag names per file of the core, as found on 2026-12-02 (issue 15): to be moved to cli/, never added to. */
    private static final Map<String, Integer> DEBT = Map.ofEntries(
            Map.entry("config/SettingsResolver.java", 12),
            Map.entry("csv/Columns.java", 1),
            Map.entry("csv/Delimiters.java", 2),
            Map.entry("csv/OrganizationIds.java", 1),
            Map.entry("csv/Rule.java", 2),
            Map.entry("csv/rules/AmbiguousColumnRule.java", 1),
            Map.entry("csv/rules/MissingColumnRule.java", 4),
            Map.entry("csv/rules/RealnameRule.java", 1),
            Map.entry("importer/Journal.java", 4),
            Map.entry("importer/Planner.java", 1),
            Map.entry("importer/RemoteState.java", 1),
            Map.entry("importer/ServerCapabilities.java", 2),
            Map.entry("importer/UndoPlanner.java", 2),
            Map.entry("importer/UndoRun.java", 1),
            Map.entry("mapping/MappingEdits.java", 5),
            Map.entry("mapping/MappingFile.java", 4),
            Map.entry("scim/ConnectionCheck.java", 7),
            Map.entry("scim/Failures.java", 3),
            Map.entry("scim/ScimClient.java", 1),
            Map.entry("scim/ScimErrorException.java", 2),
            Map.entry("scim/probe/ServerProbe.java", 7),
            Map.entry("scim/probe/WriteProbe.java", 4));

    @Test
    void core_messages_name_no_option_beyond_the_recorded_debt() throws IOException {
        Set<String> options = Commands.all().stream().flatMap(c -> c.getCommandSpec().options().stream())
                .flatMap(o -> Stream.of(o.names())).filter(n -> n.startsWith("--")).collect(Collectors.toSet());
        assertThat(options).contains("--url", "--output");
        Path root = Path.of("src/main/java/dev/scimctl");
        Map<String, Integer> found = new TreeMap<>();
        Map<String, String> examples = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            files.filter(p -> p.toString().endsWith(".java") && CORE.contains(root.relativize(p).getName(0).toString()))
                    .forEach(p -> {
                        String name = root.relativize(p).toString().replace('\\', '/');
                        Matcher literal = LITERAL.matcher(read(p));
                        while (literal.find()) {
                            Matcher flag = FLAG.matcher(literal.group());
                            while (flag.find()) {
                                if (options.contains(flag.group())) {
                                    found.merge(name, 1, Integer::sum);
                                    examples.putIfAbsent(name, literal.group());
                                }
                            }
                        }
                    });
        }
        Map<String, String> over = new TreeMap<>();
        found.forEach((file, n) -> {
            if (n > DEBT.getOrDefault(file, 0)) {
                over.put(file, n + " flag names (e.g. " + examples.get(file) + "); allowed " + DEBT.getOrDefault(file, 0));
            }
        });
        assertThat(over).as("new CLI flag names in core messages: put the words in cli/, carry facts").isEmpty();
        Map<String, String> stale = new TreeMap<>();
        DEBT.forEach((file, n) -> {
            if (found.getOrDefault(file, 0) < n) {
                stale.put(file, "now " + found.getOrDefault(file, 0) + ", recorded " + n);
            }
        });
        assertThat(stale).as("debt paid off: lower these counts in DEBT").isEmpty();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
