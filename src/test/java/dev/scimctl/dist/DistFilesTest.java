package dev.scimctl.dist;

import dev.scimctl.testing.Commands;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The man page sources and completion scripts the release archive ships, generated as the dist profile does.
 * (Rendering to roff needs asciidoctor, which only the dist profile loads; .ci/dist-test.sh reads the rendered pages.)
 */
class DistFilesTest {
    private static final Pattern NAME_LINE = Pattern.compile("(?m)^== Name\\s+^(\\S+) - (.*)$");

    @TempDir
    Path dir;

    @Test
    void writes_a_man_page_for_every_command_named_after_it_with_its_description() throws Exception {
        DistFiles.writeManPageSources(dir);
        List<String> problems = new ArrayList<>();
        for (CommandLine c : Commands.all()) {
            String page = Commands.name(c).replace(' ', '-');
            Path file = dir.resolve(page + ".adoc");
            if (!Files.exists(file)) {
                problems.add(page + ": no page");
                continue;
            }
            String text = Files.readString(file);
            Matcher name = NAME_LINE.matcher(text);
            if (!name.find() || !name.group(1).equals(page) || name.group(2).isBlank()) {
                problems.add(page + ": no NAME line with a description");
            }
            if (c.getSubcommands().isEmpty() && !(text.contains("\n== Example") && text.contains("\n== Exit codes\n"))) {
                problems.add(page + ": no Examples or Exit codes section");
            }
            if (Pattern.compile("(?m)^==\\s.*:\\s*$").matcher(text).find()) {
                problems.add(page + ": a section heading ends with a colon");
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.count()).as("one page per command").isEqualTo(Commands.all().size());
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void writes_each_completion_script_as_the_completion_command_prints_it() throws Exception {
        DistFiles.writeCompletionScripts(dir);
        for (var e : DistFiles.COMPLETION_FILES.entrySet()) {
            String printed = new dev.scimctl.testing.CliRunner(dir.resolve("cfg")).run("completion", e.getValue())
                    .assertExit(0).out();
            assertThat(dir.resolve(e.getKey())).hasContent(printed);
        }
    }
}
