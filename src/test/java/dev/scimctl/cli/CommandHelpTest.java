package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.options.ConnectionOptions;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help every command must have, checked over the whole tree so that a new command cannot skip it (see
 * docs/architecture.md, "Every command's help"). What a command declares is read from its own {@code @Command}:
 * the root's footer and exit codes are inherited by subcommands, and an inherited one must not count.
 */
class CommandHelpTest {
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
    void every_leaf_command_declares_its_exit_codes_and_only_documented_ones() {
        List<String> problems = new ArrayList<>();
        for (CommandLine c : Commands.leaves()) {
            Class<?> type = c.getCommandSpec().userObject().getClass();
            ExitCodes declared = type.getAnnotation(ExitCodes.class);
            if (declared == null) {
                problems.add(Commands.name(c) + ": " + type.getSimpleName() + " has no @ExitCodes({ExitCode.OK, "
                        + "ExitCode.USAGE, …}): declare the codes it can return (docs/architecture.md, \"Exit codes\")");
                continue;
            }
            Set<Integer> codes = new HashSet<>();
            for (int code : declared.value()) {
                codes.add(code);
                if (ExitCode.Meaning.ALL.stream().noneMatch(m -> m.code() == code)) {
                    problems.add(Commands.name(c) + ": exit code " + code + " is not one of ExitCode.Meaning");
                }
            }
            if (!codes.contains(ExitCode.OK) || !codes.contains(ExitCode.USAGE)) {
                problems.add(Commands.name(c) + ": every command can exit 0 and 2 (a wrong option): declare both");
            }
            boolean connects = mixins(c.getCommandSpec()).stream()
                    .anyMatch(m -> m.userObject() instanceof ConnectionOptions)
                    && !Commands.name(c).equals("scimctl config show"); // resolves the settings, never connects
            if (connects && !codes.containsAll(Set.of(ExitCode.INPUT, ExitCode.AUTH, ExitCode.UNREACHABLE,
                    ExitCode.SERVER))) {
                problems.add(Commands.name(c) + ": it talks to a server, so it can exit 3 (token file), 4, 5 and 6: "
                        + "declare them");
            }
            for (String detail : declared.details()) {
                int colon = detail.indexOf(':');
                if (colon < 1 || !codes.contains(Integer.parseInt(detail.substring(0, colon).trim()))) {
                    problems.add(Commands.name(c) + ": detail '" + detail + "' is not \"CODE:text\" of a declared code");
                }
            }
            if (!Arrays.asList(declared(c).exitCodeList()).isEmpty()) {
                problems.add(Commands.name(c) + ": a hand-written exitCodeList; @ExitCodes generates it");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void a_mixin_with_exit_codes_gives_only_details_each_of_a_documented_code() {
        List<String> problems = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        for (CommandLine c : Commands.leaves()) {
            for (CommandSpec m : mixins(c.getCommandSpec())) {
                ExitCodes declared = m.userObject().getClass().getAnnotation(ExitCodes.class);
                if (declared == null || !seen.add(m.userObject().getClass())) {
                    continue;
                }
                if (declared.value().length > 0) {
                    problems.add(m.userObject().getClass().getSimpleName() + ": codes on a mixin (the command lists "
                            + "the codes it returns; a mixin says what they mean)");
                }
                for (String detail : declared.details()) {
                    int colon = detail.indexOf(':');
                    if (colon < 1 || ExitCode.Meaning.ALL.stream()
                            .noneMatch(x -> Integer.toString(x.code()).equals(detail.substring(0, colon).trim()))) {
                        problems.add(m.userObject().getClass().getSimpleName() + ": detail '" + detail + "' is not "
                                + "\"CODE:text\" of a documented code");
                    }
                }
            }
        }
        assertThat(seen).as("mixins with @ExitCodes").isNotEmpty();
        assertThat(problems).isEmpty();
    }

    @Test
    void a_code_reads_the_command_s_own_details_else_its_mixins_joined() {
        Map<String, String> get = command("scimctl users get").getCommandSpec().usageMessage().exitCodeList();
        assertThat(get.get("2")).isEqualTo("usage: " + text(ConnectionOptions.NO_URL_OR_TOKEN));
        assertThat(get.get("3")).isEqualTo("input: " + text(ConnectionOptions.UNREADABLE));
        assertThat(get.get("4")).isEqualTo("auth: " + ExitCode.Meaning.of(ExitCode.AUTH).summary());

        // Its own mixin (the users, --yes) adds to the connection's, inner mixin first.
        Map<String, String> delete = command("scimctl users delete").getCommandSpec().usageMessage().exitCodeList();
        assertThat(delete.get("2")).isEqualTo("usage: " + text(ConnectionOptions.NO_URL_OR_TOKEN) + "; "
                + text(Confirmation.NO_TERMINAL));

        // The support bundle writes a missing URL into the bundle: its own 2 replaces the connection's.
        Map<String, String> bundle = command("scimctl support bundle").getCommandSpec().usageMessage().exitCodeList();
        assertThat(bundle.get("2")).doesNotContain("URL").startsWith("usage: a wrong option");
    }

    private static CommandLine command(String name) {
        return Commands.all().stream().filter(c -> Commands.name(c).equals(name)).findFirst().orElseThrow();
    }

    private static String text(String detail) {
        return detail.substring(detail.indexOf(':') + 1);
    }

    /** Every mixin of a command, the mixins inside mixins too. */
    private static List<CommandSpec> mixins(CommandSpec spec) {
        List<CommandSpec> all = new ArrayList<>();
        for (CommandSpec m : spec.mixins().values()) {
            all.add(m);
            all.addAll(mixins(m));
        }
        return all;
    }

    @Test
    void the_help_of_a_command_lists_exactly_its_declared_codes_with_the_shared_labels() {
        for (CommandLine c : Commands.leaves()) {
            ExitCodes declared = c.getCommandSpec().userObject().getClass().getAnnotation(ExitCodes.class);
            Map<String, String> list = c.getCommandSpec().usageMessage().exitCodeList();
            assertThat(list.keySet()).as(Commands.name(c)).containsExactlyElementsOf(
                    Arrays.stream(declared.value()).mapToObj(Integer::toString).toList());
            list.forEach((code, text) -> assertThat(text).as(Commands.name(c) + " " + code)
                    .startsWith(ExitCode.Meaning.of(Integer.parseInt(code)).label() + ": "));
        }
    }

    @Test
    void the_exit_codes_topic_lists_every_code_with_its_meaning() {
        CliResult r = new CliRunner(dir).run("help", "exit-codes").assertExit(0);
        for (ExitCode.Meaning m : ExitCode.Meaning.ALL) {
            assertThat(r.out()).containsPattern("(?m)^  " + m.code() + " +" + m.label() + " ");
        }
        assertThat(r.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
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
