package dev.scimctl.cli;

import dev.scimctl.cli.options.ParallelOption;
import dev.scimctl.mapping.MappingFile;
import dev.scimctl.scim.ListQuery;
import dev.scimctl.testing.Commands;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * help.properties against the command tree: no text that no command reads (a key misspelt, or left behind by a
 * removed option), and no command, option or parameter without one (picocli would print an empty description).
 */
class HelpTextTest {
    @Test
    void every_key_is_read_when_the_help_of_every_command_is_printed() {
        Recording text = new Recording(HelpText.bundle());
        CommandLine root = RootCommand.commandLine(Commands.quietContext());
        HelpText.attach(root, text);
        List<CommandLine> all = new ArrayList<>();
        collect(root, all);
        all.forEach(CommandLine::getUsageMessage);

        Set<String> unread = new TreeSet<>(text.keySet());
        unread.removeAll(text.read);
        assertThat(unread).as("keys in help.properties that no command's help reads").isEmpty();
    }

    @Test
    void every_command_option_and_parameter_has_a_description() {
        List<String> missing = new ArrayList<>();
        for (CommandLine c : Commands.all()) {
            CommandSpec spec = c.getCommandSpec();
            if (blank(spec.usageMessage().description())) {
                missing.add(Commands.name(c));
            }
            List<ArgSpec> args = new ArrayList<>(spec.options());
            args.addAll(spec.positionalParameters());
            for (ArgSpec a : args) {
                if (blank(a.description())) {
                    missing.add(Commands.name(c) + " " + (a.isOption()
                            ? ((CommandLine.Model.OptionSpec) a).longestName() : a.paramLabel()));
                }
            }
        }
        assertThat(missing).as("no description in help.properties (COMMAND.usage.description, COMMAND.OPTION, "
                + "OPTION, LABEL[INDEX])").isEmpty();
    }

    @Test
    void the_limits_the_help_states_are_those_the_code_enforces() {
        ResourceBundle text = HelpText.bundle();
        assertThat(text.getString("concurrency")).contains("(1 to " + ListQuery.MAX_PARALLELISM + ")");
        assertThat(text.getString("parallel")).contains("(1-" + ParallelOption.MAX + ";");
        assertThat(text.getString("mapping")).contains("Default: " + MappingFile.DEFAULT_NAME + " ");
    }

    private static boolean blank(String[] lines) {
        return String.join("", lines).isBlank();
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        c.getSubcommands().values().stream().distinct().forEach(sub -> collect(sub, out));
    }

    /** The bundle, noting each key whose text is fetched (a look-up of a key that is not there fetches nothing). */
    private static final class Recording extends ResourceBundle {
        private final ResourceBundle text;
        final Set<String> read = Collections.synchronizedSet(new TreeSet<>());

        Recording(ResourceBundle text) {
            this.text = text;
        }

        @Override
        protected Object handleGetObject(String key) {
            if (text.containsKey(key)) {
                read.add(key);
                return text.getObject(key);
            }
            return null;
        }

        @Override
        protected Set<String> handleKeySet() {
            return text.keySet();
        }

        @Override
        public Enumeration<String> getKeys() {
            return text.getKeys();
        }
    }
}
