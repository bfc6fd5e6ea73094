package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.Version;
import dev.scimctl.cli.table.CommandTable;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RootCommandTest {
    @TempDir
    Path dir;

    @Test
    void prints_the_version() {
        CliResult r = new CliRunner(dir).run("--version").assertExit(0);
        assertThat(r.out()).startsWith("scimctl " + Version.get());
        assertThat(Version.get()).matches("\\d+\\.\\d+\\.\\d+.*");
    }

    @Test
    void help_lists_every_command() {
        CliResult r = new CliRunner(dir).run("--help").assertExit(0);
        for (String name : RootCommand.COMMANDS.keySet()) {
            assertThat(r.out()).contains("  " + name);
        }
    }

    @Test
    void root_help_gives_each_command_one_line_under_80_columns() {
        CliResult r = new CliRunner(dir).run("--help").assertExit(0);
        String list = r.out().substring(r.out().indexOf("Commands:\n") + "Commands:\n".length());
        list = list.substring(0, list.indexOf("\n\n"));
        java.util.List<String> lines = list.lines().toList();
        assertThat(lines).hasSize(RootCommand.COMMANDS.size());
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            assertThat(line).as("line %d", i).startsWith("  " + RootCommand.COMMANDS.keySet().toArray()[i] + " ");
            assertThat(line.length()).as(line).isLessThan(80);
            assertThat(line).as("a summary written to fit, not cut").doesNotEndWith("…");
        }
        // The bare overview uses the same list and keeps to the same width.
        CliResult bare = new CliRunner(dir).run().assertExit(0);
        assertThat(bare.out()).contains(list);
        assertThat(bare.out().lines()).allSatisfy(l -> assertThat(l.length()).as(l).isLessThan(80));
    }

    @Test
    void a_long_first_line_is_cut_at_a_clause_in_a_command_list() {
        CommandLine.Model.CommandSpec spec = CommandLine.Model.CommandSpec.create();
        spec.usageMessage().description("List and inspect the users on the SCIM server; deactivate or delete them, "
                + "and more besides.");
        assertThat(HelpLayout.summary(spec, 50)).isEqualTo("List and inspect the users on the SCIM server");
        assertThat(HelpLayout.summary(spec, 200)).endsWith("more besides.");
    }

    @Test
    void help_exit_codes_lists_every_code() {
        CliResult r = new CliRunner(dir).run("help", "exit-codes").assertExit(0);
        for (String code : new String[]{"0", "1", "2", "3", "4", "5", "6", "130"}) {
            assertThat(r.out()).containsPattern("(?m)^  " + code + "\\s+\\S");
        }
    }

    @Test
    void help_for_a_nested_command_and_an_unknown_topic() {
        assertThat(new CliRunner(dir).run("help", "config", "set-token").assertExit(0).out()).contains("set-token");
        assertThat(new CliRunner(dir).run("help", "nope").assertExit(ExitCode.USAGE).err()).contains("exit-codes");
    }

    @Test
    void an_unknown_command_is_a_usage_error_with_a_suggestion() {
        CliResult r = new CliRunner(dir).run("confg").assertExit(ExitCode.USAGE);
        assertThat(r.err()).contains("confg").contains("config").doesNotContain("Exception");
    }

    @Test
    void every_command_answers_help() {
        java.util.List<String[]> paths = new java.util.ArrayList<>();
        collect(RootCommand.commandLine(new dev.scimctl.cli.CommandContext(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()), java.io.InputStream.nullInputStream(), Map.of(),
                dev.scimctl.output.Terminals.NONE, java.time.Clock.systemUTC())), new java.util.ArrayList<>(), paths);
        assertThat(paths).hasSizeGreaterThan(5);
        for (String[] path : paths) {
            String[] args = java.util.Arrays.copyOf(path, path.length + 1);
            args[path.length] = "--help";
            CliResult r = new CliRunner(dir).run(args).assertExit(0);
            assertThat(r.out()).as(String.join(" ", args)).startsWith("Usage: scimctl");
        }
    }

    private static void collect(CommandLine cl, java.util.List<String> prefix, java.util.List<String[]> out) {
        for (Map.Entry<String, CommandLine> sub : cl.getSubcommands().entrySet()) {
            java.util.List<String> path = new java.util.ArrayList<>(prefix);
            path.add(sub.getKey());
            out.add(path.toArray(String[]::new));
            collect(sub.getValue(), path, out);
        }
    }

    @Test
    void the_registry_names_match_the_command_annotations() {
        for (Map.Entry<String, Class<?>> e : RootCommand.COMMANDS.entrySet()) {
            assertThat(e.getValue().getAnnotation(CommandLine.Command.class).name()).isEqualTo(e.getKey());
            for (Map.Entry<String, Class<?>> sub : RootCommand.subcommands(e.getKey()).entrySet()) {
                assertThat(sub.getValue().getAnnotation(CommandLine.Command.class).name()).isEqualTo(sub.getKey());
            }
        }
    }

    @Test
    void a_run_builds_only_the_subcommand_it_names_and_help_or_a_typo_sees_them_all() {
        assertThat(usersBuilt("users", "get", "alice")).containsExactly("get");
        assertThat(usersBuilt("--debug", "users", "list", "--help")).containsExactly("list");
        java.util.Set<String> all = RootCommand.subcommands("users").keySet();
        assertThat(usersBuilt("users")).containsExactlyElementsOf(all);
        assertThat(usersBuilt("users", "--help")).containsExactlyElementsOf(all);
        assertThat(usersBuilt("users", "gte", "alice")).containsExactlyElementsOf(all);
        assertThat(usersBuilt("help", "users", "get")).containsExactlyElementsOf(all);
        assertThat(new CliRunner(dir).run("users", "gte").assertExit(ExitCode.USAGE).err()).contains("get");
    }

    /** The subcommands of 'users' in the tree built for these arguments (aliases left out). */
    private static java.util.List<String> usersBuilt(String... args) {
        CommandContext context = new CommandContext(new java.io.PrintWriter(new java.io.StringWriter()),
                new java.io.PrintWriter(new java.io.StringWriter()), java.io.InputStream.nullInputStream(), Map.of(),
                dev.scimctl.output.Terminals.NONE, java.time.Clock.systemUTC());
        return RootCommand.commandLine(context, args).getSubcommands().get("users").getSubcommands().values().stream()
                .map(CommandLine::getCommandName).distinct().toList();
    }

    @Test
    void piped_output_has_no_escape_codes() {
        CliResult r = new CliRunner(dir).run("--help");
        assertThat(r.all()).doesNotContain("\u001b[");
        CliResult forced = new CliRunner(dir).env("CLICOLOR_FORCE", "1").run("help", "config");
        assertThat(forced.out()).contains("\u001b[");
        CliResult never = new CliRunner(dir).env("CLICOLOR_FORCE", "1").run("--color=never", "help", "config");
        assertThat(never.out()).doesNotContain("\u001b[");
    }

    /**
     * A table that no longer fits the classes (a field renamed and the table not written again, a file cut short)
     * must not end a run with a stack trace: the commands are read from their annotations instead.
     */
    @Test
    void a_stale_or_damaged_command_table_falls_back_to_the_annotations() throws Exception {
        String table;
        try (java.io.InputStream in = CommandTable.class.getResourceAsStream(CommandTable.RESOURCE)) {
            table = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Map<String, String> damaged = new java.util.LinkedHashMap<>();
        damaged.put("cut short", table.substring(0, table.length() / 2));
        damaged.put("cut mid-record", table.substring(0, table.indexOf("\tarity=") + 4));
        damaged.put("a renamed field", table.replace("\tf:words\t", "\tf:wordz\t"));
        damaged.put("an attribute missing", table.replace("\tarity=0..*", ""));
        damaged.put("a record cut", table.replaceFirst("\nparam\t[^\n]*", "\nparam"));
        for (Map.Entry<String, String> t : damaged.entrySet()) {
            for (String[] args : new String[][]{{"help", "users", "get"}, {"users", "get", "--help"}, {"--version"}}) {
                java.io.StringWriter out = new java.io.StringWriter();
                java.io.StringWriter err = new java.io.StringWriter();
                CommandContext context = new CommandContext(new java.io.PrintWriter(out), new java.io.PrintWriter(err),
                        java.io.InputStream.nullInputStream(), Map.of(), dev.scimctl.output.Terminals.NONE,
                        java.time.Clock.systemUTC());
                int code = RootCommand.commandLine(context, CommandTable.parse(t.getValue()), args).execute(args);
                String as = t.getKey() + ": " + String.join(" ", args);
                assertThat(code).as(as).isZero();
                assertThat(err.toString()).as(as).isEmpty();
                assertThat(out.toString()).as(as).contains(args[0].equals("--version") ? "scimctl " : "Usage:");
            }
        }
    }

    @Test
    void a_damaged_formats_record_falls_back_to_the_annotation() {
        Class<?> list = ValidateCommand.class;
        Formats declared = list.getAnnotation(Formats.class);
        String line = "class\t" + list.getName() + "\tname=validate\nformats\tvalue=NOSUCH\tterminal=\n";
        Formats read = CommandTable.parse(line).formats(list);
        assertThat(read.value()).containsExactly(declared.value());
        assertThat(read.terminal()).isEqualTo(declared.terminal());
    }
}
