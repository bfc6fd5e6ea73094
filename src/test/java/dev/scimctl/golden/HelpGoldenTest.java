package dev.scimctl.golden;

import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.Commands;
import dev.scimctl.testing.GoldenFiles;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Every command's --help, as golden files under src/test/resources/golden/help/ (one per command, named by its path:
 * {@code scimctl-users-list.txt}). The commands are found by walking the picocli tree, so a new command fails here
 * until its file exists: run {@code -Dgolden.update=true}, review the new file, commit it.
 */
class HelpGoldenTest {
    @TempDir
    Path dir;

    @TestFactory
    Stream<DynamicTest> every_command_help_is_its_golden_file() {
        return Commands.all().stream().map(c -> DynamicTest.dynamicTest(Commands.name(c), () -> {
            List<String> args = new ArrayList<>(path(c));
            args.add("--help");
            String out = new CliRunner(dir).run(args.toArray(String[]::new)).assertExit(0).out();
            GoldenFiles.assertMatches("help/" + Commands.name(c).replace(' ', '-') + ".txt", out);
        }));
    }

    private static List<String> path(CommandLine c) {
        List<String> names = new ArrayList<>();
        for (CommandLine at = c; at.getParent() != null; at = at.getParent()) {
            names.add(0, at.getCommandName());
        }
        return names;
    }
}
