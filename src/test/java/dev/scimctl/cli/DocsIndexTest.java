package dev.scimctl.cli;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/README.md links a page for every command, and each link leads to a page that exists. */
class DocsIndexTest {
    private static final Path INDEX = Path.of("docs", "README.md");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)#]+\\.md)\\)");

    @Test
    void the_docs_index_links_an_existing_page_for_every_command() throws Exception {
        List<String> rows = Files.readAllLines(INDEX).stream().filter(l -> l.startsWith("| `scimctl ")).toList();
        List<String> problems = new ArrayList<>();
        for (String command : RootCommand.COMMANDS.keySet()) {
            if (command.equals("help")) {
                continue; // its topics are listed in the index itself
            }
            String row = rows.stream().filter(r -> r.startsWith("| `scimctl " + command + "`")
                    || r.startsWith("| `scimctl " + command + " ")).findFirst().orElse(null);
            Matcher link = row == null ? null : LINK.matcher(row);
            if (link == null || !link.find()) {
                problems.add(command + ": no row with a link to its page in " + INDEX);
            } else if (!Files.exists(INDEX.resolveSibling(link.group(1)))) {
                problems.add(command + ": " + link.group(1) + " does not exist");
            }
        }
        assertThat(problems).isEmpty();
    }
}
