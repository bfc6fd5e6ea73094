package dev.scimctl.golden;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.options.FormatOption;
import dev.scimctl.output.OutputFormat;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.Commands;
import dev.scimctl.testing.GoldenFiles;
import dev.scimctl.testing.OutputNormaliser;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the commands print for fixed files and a fixed server state, in every format each takes, as golden files under
 * src/test/resources/golden/output/: {@code CASE.FORMAT} is stdout with {@code -o FORMAT} ({@code CASE.out} for a
 * command without {@code -o}), and {@code CASE.FORMAT.err} ({@code CASE.err}) its stderr where it printed any. Each
 * run has its own folder (config, state, files) and, for a command that talks to a server, the sandbox emptied and
 * seeded with {@link GoldenCases#seed}. What differs per run (folder, port, ids, timestamps, durations) is replaced
 * by {@link OutputNormaliser}.
 *
 * <p>Also the vocabulary: every command with {@code -o}, given every format of it, either takes it or refuses it with
 * its list. To add a command's output: add a {@link GoldenCases.Case} (its arguments, and the steps before it), run
 * with {@code -Dgolden.update=true}, review, commit.
 */
class OutputGoldenTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @RegisterExtension
    static final ScimServerExtension SERVER = ScimServerExtension.withToken(GoldenCases.TOKEN);

    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> each_case_in_each_format_is_its_golden_file() {
        List<DynamicTest> tests = new ArrayList<>();
        for (GoldenCases.Case c : GoldenCases.ALL) {
            CommandLine command = command(c.args());
            if (!command.getCommandSpec().optionsMap().containsKey("--output")) {
                tests.add(DynamicTest.dynamicTest(c.name(), () -> check(c, null, c.name(), ".out")));
                continue;
            }
            List<OutputFormat> formats = c.formats().isEmpty()
                    ? FormatOption.accepted(command.getCommandSpec()).formats() : c.formats();
            for (OutputFormat f : formats) {
                tests.add(DynamicTest.dynamicTest(c.name() + " -o " + f, () -> check(c, f, c.name() + "." + f, "")));
            }
        }
        return tests.stream();
    }

    /** Runs the case's steps and its command in a fresh folder (and a freshly seeded server), and compares. */
    private void check(GoldenCases.Case c, OutputFormat format, String file, String outSuffix) throws IOException {
        Path run = Files.createDirectories(dir.resolve(file));
        for (Map.Entry<String, String> f : GoldenCases.FILES.entrySet()) {
            Files.writeString(run.resolve(f.getKey()), f.getValue());
        }
        if (c.server()) {
            SERVER.reset();
            GoldenCases.seed(SERVER);
        }
        for (List<String> step : c.setup()) {
            cli(c, run).run(in(step, run)).assertExit(0);
        }
        List<String> args = new ArrayList<>(c.args());
        if (format != null) {
            args.addAll(List.of("-o", format.name()));
        }
        CliResult r = cli(c, run).run(in(args, run));
        assertThat(r.exitCode()).as(r.describe()).isIn(ExitCode.OK, ExitCode.PROBLEMS);
        OutputNormaliser normal = new OutputNormaliser(run.toString(), c.server() ? SERVER.uri("").getPort() : 0);
        String out = normal.apply(r.out());
        String err = normal.apply(r.err());
        GoldenFiles.assertMatches("output/" + file + outSuffix, out);
        GoldenFiles.assertMatchesIfAny("output/" + file + ".err", err);
    }

    private CliRunner cli(GoldenCases.Case c, Path run) {
        CliRunner cli = new CliRunner(run).clock(CLOCK);
        return c.server() ? cli.connectedTo(SERVER) : cli;
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
                    CliResult r = new CliRunner(dir).clock(CLOCK).run(args.toArray(String[]::new));
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
                new CliRunner(dir).clock(CLOCK).run(args.toArray(String[]::new)).assertExit(ExitCode.USAGE)
                        .assertErrContains("knows no format 'xml'; it takes " + accepted.names());
            }));
        }
        assertThat(tests).hasSizeGreaterThan(10 * (OutputFormat.values().length + 1));
        return tests.stream();
    }

    private static String[] in(List<String> args, Path run) {
        return args.stream().map(a -> a.replace("{dir}", run.toString())).toArray(String[]::new);
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
