package dev.scimctl.cli;

import dev.scimctl.csv.Rule;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/validate.md stays true: every rule documented, and the example output is what the command prints. */
class ValidateDocsTest {
    static final Path DOC = Path.of("docs/validate.md");

    @TempDir
    Path tmp;

    CliRunner cli() {
        return new CliRunner(tmp);
    }

    @Test
    void every_rule_code_has_a_section_with_its_severity() throws Exception {
        String doc = Files.readString(DOC);
        for (Rule r : Rule.values()) {
            assertThat(doc).as(r.code()).contains("### `" + r.code() + "` (" + r.severity().label());
        }
    }

    @Test
    void the_documented_output_of_the_mistakes_example_is_the_real_output() throws Exception {
        CliResult r = cli().run("validate", "--org-ids", "examples/organizations.txt",
                "examples/users-with-mistakes.csv").assertExit(1);
        assertThat(Files.readString(DOC)).contains("$ scimctl validate --org-ids examples/organizations.txt "
                + "examples/users-with-mistakes.csv\n" + r.out() + "```");
    }

    @Test
    void the_readme_excerpt_of_the_mistakes_example_is_real_output() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        String start = "$ ./scimctl validate examples/users-with-mistakes.csv\n";
        int from = readme.indexOf(start);
        assertThat(from).as("README shows the mistakes example").isPositive();
        String excerpt = readme.substring(from + start.length(), readme.indexOf("```", from));
        String out = cli().run("validate", "examples/users-with-mistakes.csv").assertExit(1).out();
        for (String part : excerpt.split("\n\n…\n\n")) {
            assertThat(out).contains(part);
        }
    }
}
