package dev.scimctl.golden;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.options.FormatOption;
import dev.scimctl.output.OutputFormat;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.Commands;
import dev.scimctl.testing.GoldenFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the data commands print for fixed files, in every format each takes, as golden files under
 * src/test/resources/golden/output/ ({@code CASE.FORMAT}); and the vocabulary: every command with {@code -o}, given
 * every format of it, either takes it or refuses it with its list. To add a command's output: add a {@link Case} below
 * (its arguments, and a setup if it needs state), run with {@code -Dgolden.update=true}, review, commit.
 */
class OutputGoldenTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    /**
     * A command line whose output is kept; {@code setup} prepares state (profiles, files) in the config folder.
     * {@code {dir}} in an argument is that folder.
     */
    record Case(String name, List<String> args, List<List<String>> setup) {
    }

    private static final List<Case> CASES = List.of(
            new Case("validate-users-with-mistakes", List.of("validate", "examples/users-with-mistakes.csv"), List.of()),
            new Case("map-groups-list", List.of("map-groups", "list", "-m", "{dir}/group-roles.json"), List.of(
                    List.of("map-groups", "set", "Helpdesk", "-t", "technician", "-r", "Technician", "-r", "Billing",
                            "--note", "first line, =not a formula", "-m", "{dir}/group-roles.json"),
                    List.of("map-groups", "set", "Staff", "-t", "endUser", "-r", "End user", "-m",
                            "{dir}/group-roles.json"))),
            new Case("config-list", List.of("config", "list"), List.of(
                    List.of("config", "set-profile", "prod", "--url", "https://eu.ninjarmm.com/ws/scim/v2"),
                    List.of("config", "set-profile", "lab", "--url", "http://127.0.0.1:8080/scim/v2"))));

    private CliRunner cli() {
        return new CliRunner(dir).clock(CLOCK);
    }

    @TestFactory
    Stream<DynamicTest> each_case_in_each_format_is_its_golden_file() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Case c : CASES) {
            FormatOption.Accepted accepted = FormatOption.accepted(command(c.args()).getCommandSpec());
            for (OutputFormat f : accepted.formats()) {
                tests.add(DynamicTest.dynamicTest(c.name() + " -o " + f, () -> {
                    for (List<String> step : c.setup()) {
                        cli().run(in(step)).assertExit(0);
                    }
                    List<String> args = new ArrayList<>(c.args());
                    args.addAll(List.of("-o", f.name()));
                    CliResult r = cli().run(in(args));
                    assertThat(r.exitCode()).as(r.describe()).isIn(ExitCode.OK, ExitCode.PROBLEMS);
                    GoldenFiles.assertMatches("output/" + c.name() + "." + f, r.out().replace(dir.toString(), "{dir}"));
                }));
            }
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> every_data_command_takes_or_refuses_each_format_with_its_list() {
        List<DynamicTest> tests = new ArrayList<>();
        for (CommandLine c : Commands.leaves()) {
            if (!c.getCommandSpec().optionsMap().containsKey("--output")) {
                continue;
            }
            FormatOption.Accepted accepted = FormatOption.accepted(c.getCommandSpec());
            for (OutputFormat f : OutputFormat.values()) {
                tests.add(DynamicTest.dynamicTest(Commands.name(c) + " -o " + f, () -> {
                    List<String> args = path(c);
                    args.addAll(List.of("-o", f.name()));
                    CliResult r = cli().run(args.toArray(String[]::new));
                    if (accepted.formats().contains(f)) {
                        // Taken: whatever else is missing (a file, a server), it is not the format.
                        assertThat(r.err()).as(r.describe()).doesNotContain("--output:");
                    } else {
                        r.assertExit(ExitCode.USAGE).assertErrContains("'" + Commands.name(c) + "' does not write "
                                + f + "; it takes " + accepted.names());
                    }
                }));
            }
            tests.add(DynamicTest.dynamicTest(Commands.name(c) + " -o xml", () -> {
                List<String> args = path(c);
                args.addAll(List.of("-o", "xml"));
                cli().run(args.toArray(String[]::new)).assertExit(ExitCode.USAGE)
                        .assertErrContains("knows no format 'xml'; it takes " + accepted.names());
            }));
        }
        assertThat(tests).hasSizeGreaterThan(10 * (OutputFormat.values().length + 1));
        return tests.stream();
    }

    private String[] in(List<String> args) {
        return args.stream().map(a -> a.replace("{dir}", dir.toString())).toArray(String[]::new);
    }

    private static CommandLine command(List<String> args) {
        CommandLine at = Commands.all().get(0);
        for (String a : args) {
            CommandLine sub = at.getSubcommands().get(a);
            if (sub == null) {
                break;
            }
            at = sub;
        }
        return at;
    }

    private static List<String> path(CommandLine c) {
        List<String> names = new ArrayList<>();
        for (CommandLine at = c; at.getParent() != null; at = at.getParent()) {
            names.add(0, at.getCommandName());
        }
        return names;
    }
}
