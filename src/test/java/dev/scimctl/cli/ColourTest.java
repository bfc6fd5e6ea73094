package dev.scimctl.cli;

import dev.scimctl.output.Terminals;
import dev.scimctl.testing.EditInvocations;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.Commands;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Colour and terminals: every command, run with representative arguments (successes and failures), writes no escape
 * code into a pipe, nor with NO_COLOR, --color=never or TERM=dumb; CLICOLOR_FORCE and --color=always bring colour
 * back. A new command must add an invocation here, or the completeness test fails.
 */
@Timeout(120)
class ColourTest {
    private static final String ESC = "\u001b[";

    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    /** Commands that cannot run to completion in a test, with the reason. */
    static final Map<String, String> EXEMPT = Map.of(
            "scimctl sandbox", "serves until Ctrl-C; its output is checked in SandboxCommandTest");

    @TempDir
    Path config;

    private Path tokenFile;

    @BeforeEach
    void profile() throws Exception {
        tokenFile = Files.writeString(config.resolve("token.txt"), server.token() + "\n");
        CliRunner cli = new CliRunner(config);
        cli.run("config", "set-profile", "prod", "--url", server.baseUrl()).assertExit(0);
        cli.stdin(server.token()).run("config", "set-token", "prod").assertExit(0);
        server.seedGroup("Everyone", server.seedUsers(2).toArray(String[]::new));
    }

    /** Representative invocations by command, in an order that works (set-profile before delete). */
    private Map<String, List<String[]>> invocations() {
        Map<String, List<String[]>> m = new LinkedHashMap<>();
        String url = server.baseUrl();
        String tf = tokenFile.toString();
        m.put("scimctl help", List.of(new String[]{"help", "formats"}, new String[]{"help", "config"},
                new String[]{"help", "nope"}));
        m.put("scimctl config set-profile", List.of(new String[]{"config", "set-profile", "other", "--url", url},
                new String[]{"config", "set-profile", "bad name", "--url", url}));
        m.put("scimctl config set-token", List.<String[]>of(new String[]{"config", "set-token", "prod", "--token-file", tf}));
        m.put("scimctl config use", List.of(new String[]{"config", "use", "prod"}, new String[]{"config", "use", "nope"}));
        m.put("scimctl config list", List.<String[]>of(new String[]{"config", "list"}));
        m.put("scimctl config show", List.<String[]>of(new String[]{"config", "show"}));
        m.put("scimctl config delete", List.of(new String[]{"config", "delete", "other"},
                new String[]{"config", "delete", "nope"}));
        m.put("scimctl test-connection", List.of(new String[]{"test-connection"},
                new String[]{"test-connection", "-o", "json"}, new String[]{"test-connection", "--url", url + "/nope"}));
        m.put("scimctl validate", List.of(new String[]{"validate", "examples/users.csv"},
                new String[]{"validate", "examples/users-with-mistakes.csv"},
                new String[]{"validate", "-o", "csv", "examples/users-with-mistakes.csv"},
                new String[]{"validate", "missing.csv"}));
        m.put("scimctl completion", List.of(new String[]{"completion", "bash"}, new String[]{"completion", "tcsh"}));
        m.put("scimctl users list", List.of(new String[]{"users", "list"}, new String[]{"users", "list", "-o", "csv"},
                new String[]{"users", "list", "-o", "json", "--user-name", "x\"y"},
                new String[]{"users", "list", "--fields", "nope"},
                new String[]{"users", "list", "--filter", "userName xx"}));
        m.put("scimctl users get", List.of(new String[]{"users", "get", "user0001@example.com"},
                new String[]{"users", "get", "nobody@example.com"}));
        m.put("scimctl users deactivate", List.of(new String[]{"users", "deactivate", "--yes", "user0001@example.com",
                "nobody@example.com"}, new String[]{"users", "deactivate", "user0001@example.com"}));
        m.put("scimctl users delete", List.of(new String[]{"users", "delete", "user0002@example.com"},
                new String[]{"users", "delete", "--yes", "user0002@example.com"}));
        EditInvocations.addTo(m);
        m.put("scimctl groups list", List.of(new String[]{"groups", "list"}, new String[]{"groups", "list", "-o", "json"}));
        m.put("scimctl groups get", List.of(new String[]{"groups", "get", "Everyone"},
                new String[]{"groups", "get", "Everyone", "-o", "json"}, new String[]{"groups", "get", "nobody"}));
        m.put("scimctl schemas", List.of(new String[]{"schemas"}, new String[]{"schemas", "User"},
                new String[]{"schemas", "Nope"}));
        m.put("scimctl resource-types", List.of(new String[]{"resource-types"}, new String[]{"resource-types", "User"}));
        m.put("scimctl service-provider-config", List.of(new String[]{"service-provider-config"},
                new String[]{"service-provider-config", "-o", "json"}));
        m.put("scimctl probe", List.of(new String[]{"probe"}, new String[]{"probe", "-o", "json"}));
        m.put("scimctl api", List.of(new String[]{"api", "Users"}, new String[]{"api", "-i", "Users/nobody"},
                new String[]{"api", "Users", "--paginate", "-o", "ndjson"}));
        // Copies: an earlier import kept its journal beside the input; nothing may write into examples/.
        String users = copyOfExample("users.csv");
        String mistakes = copyOfExample("users-with-mistakes.csv");
        m.put("scimctl import", List.of(new String[]{"import", "--dry-run", users},
                new String[]{"import", "--yes", users},
                new String[]{"import", "--yes", mistakes}));
        String journal = config.resolve("users.csv").toString(); // undo finds the import's journal from the CSV
        m.put("scimctl import undo", List.of(new String[]{"import", "undo", "--dry-run", journal},
                new String[]{"import", "undo", "--yes", journal}, new String[]{"import", "undo", "--yes", "nope.journal"}));
        String bundle = config.resolve("bundle.zip").toString();
        m.put("scimctl support bundle", List.of(new String[]{"support", "bundle", "--out", bundle, "--trace", "users list --limit 2"},
                new String[]{"support", "bundle", "--out", bundle, "--trace", "users delete user0001@example.com"}));
        String mapping = config.resolve("group-roles.json").toString();
        m.put("scimctl map-groups set", List.of(new String[]{"map-groups", "set", "Staff", "--type", "endUser",
                "--role", "Portal User", "--mapping", mapping}, new String[]{"map-groups", "set", "Staff", "--mapping", mapping},
                new String[]{"map-groups", "set", "Admins", "--type", "technician", "--role", "System Administrator",
                        "--mapping", mapping}));
        m.put("scimctl map-groups list", List.of(new String[]{"map-groups", "list", "--mapping", mapping},
                new String[]{"map-groups", "list", "--mapping", mapping, "-o", "md"}));
        m.put("scimctl map-groups check", List.of(new String[]{"map-groups", "check", "--mapping", mapping},
                new String[]{"map-groups", "check", "--mapping", mapping, "-o", "json"}));
        m.put("scimctl map-groups explain", List.of(new String[]{"map-groups", "explain", "user0001@example.com",
                "--mapping", mapping}, new String[]{"map-groups", "explain", "nobody@example.com", "--mapping", mapping}));
        m.put("scimctl map-groups unset", List.of(new String[]{"map-groups", "unset", "Staff", "--mapping", mapping},
                new String[]{"map-groups", "unset", "Nope", "--mapping", mapping}));
        return m;
    }

    private String copyOfExample(String name) {
        try {
            return Files.copy(Path.of("examples", name), config.resolve(name),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void every_command_has_an_invocation_here() {
        Set<String> leaves = new TreeSet<>();
        Commands.leaves().forEach(c -> leaves.add(Commands.name(c)));
        Set<String> covered = new TreeSet<>(invocations().keySet());
        covered.addAll(EXEMPT.keySet());
        assertThat(covered).containsAll(leaves);
    }

    @Test
    void piped_output_has_no_escape_codes() {
        assertNoEscapes("piped", cli -> cli.terminals(Terminals.NONE), List.of());
    }

    @Test
    void no_color_turns_colour_off_on_a_terminal() {
        assertNoEscapes("NO_COLOR=1 on a terminal", cli -> cli.terminals(Terminals.ALL).env("NO_COLOR", "1"), List.of());
    }

    @Test
    void color_never_wins_over_clicolor_force() {
        assertNoEscapes("--color=never, CLICOLOR_FORCE=1, on a terminal",
                cli -> cli.terminals(Terminals.ALL).env("CLICOLOR_FORCE", "1"), List.of("--color=never"));
    }

    @Test
    void a_dumb_terminal_gets_no_colour() {
        assertNoEscapes("TERM=dumb", cli -> cli.terminals(Terminals.ALL).env("TERM", "dumb"), List.of());
    }

    @Test
    void clicolor_force_colours_a_pipe() {
        assertColoured(cli -> cli.env("CLICOLOR_FORCE", "1"), new String[0]);
    }

    @Test
    void color_always_colours_a_pipe_even_with_no_color() {
        assertColoured(cli -> cli.env("NO_COLOR", "1"), new String[]{"--color=always"});
    }

    private void assertColoured(UnaryOperator<CliRunner> setup, String[] prefix) {
        CliRunner cli = setup.apply(new CliRunner(config)).prefix(prefix);
        assertThat(cli.run("test-connection").out()).as("test-connection report").contains(ESC);
        assertThat(cli.run("config", "use", "nope").err()).as("error message").contains(ESC);
        assertThat(cli.run("help", "config").out()).as("help").contains(ESC);
    }

    @Test
    void a_terminal_gets_colour_by_default() {
        CliResult r = new CliRunner(config).terminals(Terminals.ALL).run("test-connection").assertExit(0);
        assertThat(r.out()).contains(ESC);
    }

    @Test
    void escape_codes_are_written_only_through_the_contexts_ansi() throws Exception {
        // Colour decisions live in CommandContext.ansi(); anything else would escape NO_COLOR and --color.
        Pattern raw = Pattern.compile("\\\\u001[bB]|\\\\033|\\\\x1[bB]|\\(char\\)\\s*27|Ansi\\.(ON|AUTO)\\b");
        List<String> offenders = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (f.endsWith(Path.of("cli", "CommandContext.java"))) {
                    continue;
                }
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size(); i++) {
                    if (raw.matcher(lines.get(i)).find()) {
                        offenders.add(f + ":" + (i + 1) + ": " + lines.get(i).strip());
                    }
                }
            }
        }
        assertThat(offenders).isEmpty();
    }

    private void assertNoEscapes(String mode, UnaryOperator<CliRunner> setup, List<String> prefix) {
        List<String> failures = new ArrayList<>();
        CliRunner cli = setup.apply(new CliRunner(config)).prefix(prefix.toArray(String[]::new));
        for (Map.Entry<String, List<String[]>> e : invocations().entrySet()) {
            for (String[] args : e.getValue()) {
                CliResult r = cli.run(args);
                if (r.all().contains(ESC)) {
                    failures.add(mode + ": scimctl " + String.join(" ", prefix) + " " + String.join(" ", args) + "\n"
                            + r.describe());
                }
            }
        }
        assertThat(failures).isEmpty();
    }
}
