package dev.scimctl.cli.completion;

import dev.scimctl.cli.RootCommand;
import dev.scimctl.cli.completion.CompletionModel.Kind;
import dev.scimctl.cli.completion.CompletionModel.Node;
import dev.scimctl.cli.completion.CompletionModel.Option;
import dev.scimctl.testing.Commands;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionModelTest {
    private final CompletionModel model = CompletionModel.of(RootCommand.commandLine(Commands.quietContext()));

    @Test
    void has_a_node_for_every_command_in_the_tree() {
        Set<String> paths = model.nodes().stream().map(Node::path).collect(Collectors.toSet());
        for (CommandLine c : Commands.all()) {
            String name = Commands.name(c);
            assertThat(paths).contains(name.equals("scimctl") ? "" : name.substring("scimctl ".length()));
        }
    }

    @Test
    void reads_what_each_option_takes() {
        assertThat(option("test-connection", "--color").value().kind()).isEqualTo(Kind.CHOICE);
        assertThat(option("test-connection", "--color").value().choices()).containsExactly("auto", "always", "never");
        assertThat(option("test-connection", "--output").value().choices()).containsExactly("text", "json");
        assertThat(option("test-connection", "--token-file").value().kind()).isEqualTo(Kind.FILE);
        assertThat(option("test-connection", "-p").value().kind()).isEqualTo(Kind.PROFILE);
        assertThat(option("test-connection", "--url").value().kind()).isEqualTo(Kind.TEXT);
        assertThat(option("test-connection", "--debug").value().kind()).isEqualTo(Kind.NONE);
    }

    @Test
    void profile_arguments_are_completed_as_profiles() {
        for (String path : List.of("config use", "config delete", "config set-token")) {
            assertThat(node(path).positionals()).first().extracting(p -> p.value().kind()).isEqualTo(Kind.PROFILE);
        }
    }

    @Test
    void an_option_labelled_file_takes_a_file_whatever_its_java_type() {
        @CommandLine.Command(name = "x")
        class X {
            @CommandLine.Option(names = "--org-ids", paramLabel = "FILE") String orgIds;
            @CommandLine.Option(names = "--data", paramLabel = "PATH") String data;
            @CommandLine.Option(names = "--out", paramLabel = "OUTPUT") java.nio.file.Path out;
            @CommandLine.Option(names = "--fields", paramLabel = "FIELDS") String fields;
            @CommandLine.Parameters(paramLabel = "CSV_FILE") String input;
        }
        CompletionModel m = CompletionModel.of(new CommandLine(new X()));
        Node x = m.nodes().get(0);
        assertThat(kind(x, "--org-ids")).isEqualTo(Kind.FILE);
        assertThat(kind(x, "--data")).isEqualTo(Kind.FILE);
        assertThat(kind(x, "--out")).isEqualTo(Kind.FILE);
        assertThat(kind(x, "--fields")).isEqualTo(Kind.TEXT);
        assertThat(x.positionals()).first().extracting(p -> p.value().kind()).isEqualTo(Kind.FILE);
    }

    @Test
    void hidden_commands_are_not_offered() {
        @CommandLine.Command(name = "secret", hidden = true)
        class Secret {
        }
        @CommandLine.Command(name = "top", subcommands = {})
        class Top {
        }
        CommandLine top = new CommandLine(new Top());
        top.addSubcommand("secret", new CommandLine(new Secret()));
        assertThat(CompletionModel.of(top).nodes()).singleElement().extracting(Node::subcommands).asList().isEmpty();
    }

    @Test
    void descriptions_are_first_sentences() {
        assertThat(option("test-connection", "--connect-timeout").description())
                .isEqualTo("Give up connecting after this long (e.g. 10s, 500ms)");
    }

    private Node node(String path) {
        return model.nodes().stream().filter(n -> n.path().equals(path)).findFirst().orElseThrow();
    }

    private Option option(String path, String name) {
        return node(path).options().stream().filter(o -> o.names().contains(name)).findFirst().orElseThrow();
    }

    private static Kind kind(Node n, String name) {
        return n.options().stream().filter(o -> o.names().contains(name)).findFirst().orElseThrow().value().kind();
    }
}
