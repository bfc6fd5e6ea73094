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
import java.util.ResourceBundle;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The help every command must have, checked over the whole tree so that a new command cannot skip it (see
 * docs/architecture.md, "Every command's help"). What a command says is read from its own keys in help.properties:
 * the root's footer is every command's default and its exit codes are inherited, and an inherited one must not count.
 */
class CommandHelpTest {
    @TempDir
    Path dir;

    @Test
    void every_command_has_a_description() {
        List<String> missing = new ArrayList<>();
        for (CommandLine c : Commands.all()) {
            String[] description = own(c, "usage.description");
            if (description.length == 0 || description[0].isBlank()) {
                missing.add(Commands.name(c));
            }
        }
        assertThat(missing).as("commands without COMMAND.usage.description in help.properties").isEmpty();
    }

    @Test
    void every_leaf_command_has_examples_that_run_scimctl() {
        List<String> missing = new ArrayList<>();
        for (CommandLine c : Commands.leaves()) {
            boolean examples = c.getCommandSpec().usageMessage().footerHeading().contains("Example")
                    && Arrays.stream(own(c, "usage.footer")).anyMatch(line -> line.trim().startsWith("scimctl ")
                    || line.contains("| scimctl ") || line.matches("\\s+[A-Z_]+=\\S* scimctl .*"));
            if (!examples) {
                missing.add(Commands.name(c));
            }
        }
        assertThat(missing).as("commands without COMMAND.usage.footer in help.properties, '  scimctl …' lines "
                + "under an Examples: heading").isEmpty();
    }

    @Test
    void every_command_that_runs_says_what_success_means_and_returns_only_documented_codes() {
        List<String> problems = new ArrayList<>();
        ResourceBundle text = HelpText.bundle();
        for (CommandLine c : runnable()) {
            String q = c.getCommandSpec().qualifiedName(".");
            Set<Integer> codes = declaredCodes(c.getCommandSpec());
            for (int code : codes) {
                if (ExitCode.Meaning.ALL.stream().noneMatch(m -> m.code() == code)) {
                    problems.add(Commands.name(c) + ": exit code " + code + " is not one of ExitCode.Meaning");
                }
            }
            if (!text.containsKey(q + ".exit.0")) {
                problems.add(Commands.name(c) + ": no " + q + ".exit.0 in help.properties: say what success means "
                        + "(docs/architecture.md, \"Exit codes\")");
            }
            // The map-groups editor and config show resolve the settings, but never connect.
            boolean connects = mixins(c.getCommandSpec()).stream()
                    .anyMatch(m -> m.userObject() instanceof ConnectionOptions) && c.getSubcommands().isEmpty()
                    && !Commands.name(c).equals("scimctl config show");
            if (connects && !codes.containsAll(Set.of(ExitCode.INPUT, ExitCode.AUTH, ExitCode.UNREACHABLE,
                    ExitCode.SERVER))) {
                problems.add(Commands.name(c) + ": it talks to a server, so it can exit 3 (token file), 4, 5 and 6: "
                        + "declare them, or mix in ServerOptions");
            }
            for (String key : text.keySet()) {
                if (key.startsWith(q + ".exit.") && !codes.contains(Integer.parseInt(key.substring(q.length() + 6)))) {
                    problems.add(Commands.name(c) + ": " + key + " is about a code it does not return");
                }
            }
            if (!Arrays.asList(declared(c).exitCodeList()).isEmpty()) {
                problems.add(Commands.name(c) + ": a hand-written exitCodeList; @ExitCodes generates it");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void every_exit_text_is_about_a_documented_code() {
        List<String> problems = new ArrayList<>();
        for (String key : HelpText.bundle().keySet()) {
            int at = key.lastIndexOf(".exit.");
            if (at >= 0 && ExitCode.Meaning.ALL.stream()
                    .noneMatch(m -> key.endsWith(".exit." + m.code()))) {
                problems.add(key + ": not a documented code (ExitCode.Meaning)");
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void a_code_reads_the_command_s_own_details_else_its_mixins_joined() {
        ResourceBundle text = HelpText.bundle();
        Map<String, String> get = command("scimctl users get").getCommandSpec().usageMessage().exitCodeList();
        assertThat(get.get("2")).isEqualTo("usage: " + text.getString("ConnectionOptions.exit.2"));
        assertThat(get.get("3")).isEqualTo("input: " + text.getString("ConnectionOptions.exit.3"));
        assertThat(get.get("4")).isEqualTo("auth: " + ExitCode.Meaning.of(ExitCode.AUTH).summary());

        // Its own mixin (the users, --yes) adds to the connection's, inner mixin first; ${bundle:KEY} is KEY's text.
        Map<String, String> delete = command("scimctl users delete").getCommandSpec().usageMessage().exitCodeList();
        assertThat(delete.get("2")).isEqualTo("usage: " + text.getString("ConnectionOptions.exit.2") + "; "
                + text.getString("exit.no-terminal"));

        // The support bundle writes a missing URL into the bundle: its own 2 replaces the connection's.
        Map<String, String> bundle = command("scimctl support bundle").getCommandSpec().usageMessage().exitCodeList();
        assertThat(bundle.get("2")).doesNotContain("URL").startsWith("usage: a wrong option");
    }

    private static CommandLine command(String name) {
        return Commands.all().stream().filter(c -> Commands.name(c).equals(name)).findFirst().orElseThrow();
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
    void the_help_of_a_command_lists_ok_usage_and_the_codes_it_and_its_mixins_declare_in_order() {
        for (CommandLine c : runnable()) {
            Map<String, String> list = c.getCommandSpec().usageMessage().exitCodeList();
            assertThat(list.keySet()).as(Commands.name(c)).containsExactlyElementsOf(
                    declaredCodes(c.getCommandSpec()).stream().map(String::valueOf).toList());
            list.forEach((code, text) -> assertThat(text).as(Commands.name(c) + " " + code)
                    .startsWith(ExitCode.Meaning.of(Integer.parseInt(code)).label() + ": "));
        }
        assertThat(command("scimctl config show").getCommandSpec().usageMessage().exitCodeList().keySet())
                .as("config show resolves the settings (3) but never connects (4, 5, 6)").containsExactly("0", "2", "3");
    }

    /** The commands that run: every leaf, and a group that does something itself (map-groups, import). */
    private static List<CommandLine> runnable() {
        return Commands.all().stream().filter(c -> c.getParent() != null
                && (c.getCommandSpec().userObject() instanceof Runnable
                || c.getCommandSpec().userObject() instanceof java.util.concurrent.Callable<?>)).toList();
    }

    /** OK, USAGE, and the @ExitCodes of the command and of its mixins (inside mixins too, and their superclasses). */
    private static java.util.SortedSet<Integer> declaredCodes(CommandSpec spec) {
        java.util.SortedSet<Integer> codes = new java.util.TreeSet<>(List.of(ExitCode.OK, ExitCode.USAGE));
        List<CommandSpec> all = new ArrayList<>(mixins(spec));
        all.add(spec);
        for (CommandSpec s : all) {
            for (Class<?> type = s.userObject().getClass(); type != null; type = type.getSuperclass()) {
                ExitCodes declared = type.getAnnotation(ExitCodes.class);
                if (declared != null) {
                    Arrays.stream(declared.value()).forEach(codes::add);
                }
            }
        }
        return codes;
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
            String firstLine = own(c, "usage.description")[0];
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

    /** The command's own text for a usage key (COMMAND.key, or its lines COMMAND.key.0, .1 …), not the default. */
    private static String[] own(CommandLine c, String key) {
        String qualified = c.getCommandSpec().qualifiedName(".") + "." + key;
        ResourceBundle bundle = HelpText.bundle();
        if (bundle.containsKey(qualified)) {
            return new String[]{bundle.getString(qualified)};
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; bundle.containsKey(qualified + "." + i); i++) {
            lines.add(bundle.getString(qualified + "." + i));
        }
        return lines.toArray(String[]::new);
    }
}
