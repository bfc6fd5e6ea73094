package dev.scimctl.cli;

import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help every command must have, checked over the whole tree so that a new command cannot skip it (see
 * docs/architecture.md, "Every command's help"). What a command declares is read from its own {@code @Command}:
 * the root's footer and exit codes are inherited by subcommands, and an inherited one must not count.
 */
class CommandHelpTest {
    /** The exit codes of 'scimctl help exit-codes'. */
    private static final Set<String> DOCUMENTED_CODES = Set.of("0", "1", "2", "3", "4", "5", "6", "130");

    @TempDir
    Path dir;

    @Test
    void every_command_has_a_description() {
        List<String> missing = new ArrayList<>();
        for (CommandLine c : Commands.all()) {
            String[] description = declared(c).description();
            if (description.length == 0 || description[0].isBlank()) {
                missing.add(Commands.name(c));
            }
        }
        assertThat(missing).as("commands without @Command(description = …)").isEmpty();
    }

    @Test
    void every_leaf_command_has_examples_that_run_scimctl() {
        List<String> missing = new ArrayList<>();
        for (CommandLine c : Commands.leaves()) {
            Command command = declared(c);
            boolean examples = command.footerHeading().contains("Example")
                    && Arrays.stream(command.footer()).anyMatch(line -> line.trim().startsWith("scimctl ")
                    || line.contains("| scimctl ") || line.matches("\\s+[A-Z_]+=\\S* scimctl .*"));
            if (!examples) {
                missing.add(Commands.name(c));
            }
        }
        assertThat(missing).as("commands without footerHeading = \"%nExamples:%n\" and a footer of "
                + "'  scimctl …' lines").isEmpty();
    }

    @Test
    void every_leaf_command_lists_its_exit_codes_and_only_documented_ones() {
        List<String> problems = new ArrayList<>();
        for (CommandLine c : Commands.leaves()) {
            Command command = declared(c);
            if (command.exitCodeList().length == 0 || !command.exitCodeListHeading().contains("Exit codes")) {
                problems.add(Commands.name(c) + ": no exitCodeListHeading = \"%nExit codes:%n\" with an exitCodeList");
            }
            for (String entry : command.exitCodeList()) {
                String code = entry.substring(0, Math.max(0, entry.indexOf(':'))).trim();
                if (!DOCUMENTED_CODES.contains(code)) {
                    problems.add(Commands.name(c) + ": exit code '" + entry + "' is not one of 'scimctl help exit-codes'");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void every_command_answers_help_with_its_description_examples_and_exit_codes() {
        List<String> problems = new ArrayList<>();
        for (CommandLine c : Commands.all()) {
            List<String> args = new ArrayList<>(Arrays.asList(Commands.name(c).split(" ")));
            args.remove(0);
            args.add("--help");
            CliResult r = new CliRunner(dir).run(args.toArray(String[]::new));
            String firstLine = declared(c).description()[0];
            String expected = firstLine.substring(0, Math.min(30, firstLine.length()));
            if (r.exitCode() != 0 || !r.out().replaceAll("\\s+", " ").contains(expected.replaceAll("\\s+", " "))) {
                problems.add(String.join(" ", args) + "\n" + r.describe());
            } else if (c.getSubcommands().isEmpty() && !(r.out().contains("Example") && r.out().contains("Exit codes"))) {
                problems.add(String.join(" ", args) + ": no examples or exit codes\n" + r.describe());
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void help_names_every_topic_and_prints_each() {
        CliResult usage = new CliRunner(dir).run("help", "--help").assertExit(0);
        for (String topic : HelpCommand.TOPICS.keySet()) {
            assertThat(usage.out()).contains(topic);
            CliResult r = new CliRunner(dir).run("help", topic).assertExit(0);
            assertThat(r.out()).isNotBlank();
            assertThat(r.err()).isEmpty();
        }
    }

    private static Command declared(CommandLine c) {
        Object user = c.getCommandSpec().userObject();
        Command command = user.getClass().getAnnotation(Command.class);
        assertThat(command).as("@Command on " + user.getClass()).isNotNull();
        return command;
    }
}
