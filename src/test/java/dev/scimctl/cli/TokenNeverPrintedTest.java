package dev.scimctl.cli;

import dev.scimctl.output.Terminals;
import dev.scimctl.testing.EditInvocations;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every command with --debug, against a real server, with the token given every way there is, and checks that
 * the token appears in no output. A new command must add an invocation here, or the completeness test fails.
 */
@Timeout(120)
class TokenNeverPrintedTest {
    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @TempDir
    Path config;

    /** Commands that cannot run to completion here, with the reason. */
    static final Map<String, String> EXEMPT = Map.of(
            "scimctl sandbox", "serves until Ctrl-C and prints its own freshly made token by design; tested in SandboxCommandTest");

    /** Proxy passwords are secrets too: never printed, --debug included. */
    private static final String PROXY_PASSWORD = "proxy-pw-never-printed-4711";

    private Path tokenFile;

    @BeforeEach
    void profile() throws Exception {
        tokenFile = config.resolve("token.txt");
        Files.writeString(tokenFile, server.token() + "\n");
        CliRunner cli = new CliRunner(config);
        cli.run("config", "set-profile", "prod", "--url", server.baseUrl()).assertExit(0);
        cli.stdin(server.token()).run("config", "set-token", "prod").assertExit(0);
        server.seedGroup("Everyone", server.seedUsers(3).toArray(String[]::new));
        Files.copy(Path.of("examples/users.csv"), config.resolve("users.csv"));
    }

    /** Representative invocations by command; each is run as given, with --debug added. */
    private Map<String, List<String[]>> invocations() {
        Map<String, List<String[]>> m = new LinkedHashMap<>();
        String url = server.baseUrl();
        String tf = tokenFile.toString();
        m.put("scimctl help", List.<String[]>of(new String[]{"help", "environment"}));
        m.put("scimctl config set-profile", List.<String[]>of(new String[]{"config", "set-profile", "other", "--url", url}));
        m.put("scimctl config set-token", List.<String[]>of(new String[]{"config", "set-token", "prod", "--token-file", tf}));
        m.put("scimctl config use", List.<String[]>of(new String[]{"config", "use", "prod"}));
        m.put("scimctl config list", List.<String[]>of(new String[]{"config", "list"}));
        m.put("scimctl config show", List.of(new String[]{"config", "show"}, new String[]{"config", "show", "--token-file", tf, "--url", url}));
        m.put("scimctl config delete", List.<String[]>of(new String[]{"config", "delete", "other"}));
        m.put("scimctl test-connection", List.of(new String[]{"test-connection"},
                new String[]{"test-connection", "--url", url, "--token-file", tf, "-o", "json"},
                new String[]{"test-connection", "--url", url + "/nope"}));
        m.put("scimctl completion", List.<String[]>of(new String[]{"completion", "bash"}));
        m.put("scimctl users list", List.of(new String[]{"users", "list"},
                new String[]{"users", "list", "--url", url, "--token-file", tf, "-o", "json", "--user-name", "x\"y"},
                new String[]{"users", "list", "--filter", "userName xx"}));
        m.put("scimctl users get", List.of(new String[]{"users", "get", "user0001@example.com", "-o", "json"},
                new String[]{"users", "get", "nobody@example.com"}));
        m.put("scimctl users deactivate", List.<String[]>of(new String[]{"users", "deactivate", "--yes",
                "user0001@example.com", "nobody@example.com"}));
        m.put("scimctl users delete", List.of(new String[]{"users", "delete", "user0002@example.com"},
                new String[]{"users", "delete", "--yes", "user0002@example.com"}));
        EditInvocations.addTo(m);
        m.put("scimctl groups list", List.<String[]>of(new String[]{"groups", "list", "-o", "ndjson"}));
        m.put("scimctl groups get", List.of(new String[]{"groups", "get", "Everyone", "-o", "json"},
                new String[]{"groups", "get", "nobody"}));
        m.put("scimctl validate", List.of(new String[]{"validate", "examples/users.csv"},
                new String[]{"validate", "-o", "json", "--org-ids", "examples/organizations.txt",
                        "examples/users-with-mistakes.csv"}));
        m.put("scimctl schemas", List.of(new String[]{"schemas"}, new String[]{"schemas", "User", "-o", "json"},
                new String[]{"schemas", "Nope"}));
        m.put("scimctl resource-types", List.of(new String[]{"resource-types"}, new String[]{"resource-types", "User"}));
        m.put("scimctl service-provider-config", List.<String[]>of(new String[]{"service-provider-config", "-o", "json"}));
        m.put("scimctl probe", List.of(new String[]{"probe"}, new String[]{"probe", "--write", "-o", "json"}));
        String bundle = config.resolve("bundle.zip").toString();
        m.put("scimctl support bundle", List.of(new String[]{"support", "bundle", "--out", bundle, "--trace", "users list --limit 2"},
                new String[]{"support", "bundle", "--out", bundle, "--trace", "users delete user0001@example.com"}));
        m.put("scimctl api", List.of(new String[]{"api", "-i", "Users"},
                new String[]{"api", "Users", "--paginate", "-o", "ndjson", "--url", url, "--token-file", tf},
                new String[]{"api", "Users/nobody"}));
        String mapping = config.resolve("group-roles.json").toString();
        m.put("scimctl map-groups set", List.<String[]>of(new String[]{"map-groups", "set", "Staff", "--type", "endUser",
                "--role", "Portal User", "--mapping", mapping}));
        m.put("scimctl map-groups list", List.<String[]>of(new String[]{"map-groups", "list", "--mapping", mapping, "-o", "md"}));
        m.put("scimctl map-groups check", List.of(new String[]{"map-groups", "check", "--mapping", mapping},
                new String[]{"map-groups", "check", "--mapping", mapping, "--url", url, "--token-file", tf, "-o", "json"}));
        m.put("scimctl map-groups explain", List.of(
                new String[]{"map-groups", "explain", "user0001@example.com", "--mapping", mapping},
                new String[]{"map-groups", "explain", "nobody@example.com", "--mapping", mapping, "--token-file", tf, "--url", url}));
        m.put("scimctl map-groups unset", List.<String[]>of(new String[]{"map-groups", "unset", "Staff", "--mapping", mapping}));
        String users = config.resolve("users.csv").toString();
        String report = config.resolve("report.csv").toString();
        m.put("scimctl import", List.of(new String[]{"import", "--dry-run", "--plan-out", config.resolve("plan.json").toString(), users},
                new String[]{"import", "--yes", "--url", url, "--token-file", tf, "--report", report, users},
                new String[]{"import", "--yes", "--deactivate-missing", "--sync-groups", users}));
        String journal = config.resolve("users.csv").toString(); // undo finds the import's journal from the CSV
        m.put("scimctl import undo", List.of(new String[]{"import", "undo", "--dry-run", journal},
                new String[]{"import", "undo", "--yes", "--delete", "--url", url, "--token-file", tf, journal}));
        return m;
    }

    @Test
    void every_command_has_an_invocation_here() {
        Set<String> leaves = new TreeSet<>();
        collectLeaves(RootCommand.commandLine(context()), leaves);
        Set<String> covered = new TreeSet<>(invocations().keySet());
        covered.addAll(EXEMPT.keySet());
        assertThat(covered).containsAll(leaves);
    }

    @Test
    void no_command_prints_the_token_even_with_debug() {
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, List<String[]>> e : invocations().entrySet()) {
            for (String[] args : e.getValue()) {
                String[] withDebug = new String[args.length + 1];
                withDebug[0] = "--debug";
                System.arraycopy(args, 0, withDebug, 1, args.length);
                // The third run goes through a proxy that is not there, so that messages which name it are printed too.
                String deadProxy = "http://proxyuser:" + PROXY_PASSWORD + "@127.0.0.1:9";
                for (CliRunner cli : List.of(new CliRunner(config), new CliRunner(config).env("SCIMCTL_TOKEN", server.token()),
                        new CliRunner(config).env("HTTPS_PROXY", deadProxy).env("HTTP_PROXY", deadProxy))) {
                    CliResult r = cli.run(withDebug);
                    if (r.all().contains(server.token()) || r.all().contains(PROXY_PASSWORD)) {
                        failures.add(String.join(" ", withDebug) + "\n" + r.describe());
                    }
                }
            }
        }
        assertThat(failures).isEmpty();
    }

    @Test
    void the_debug_trace_is_there_and_redacted() {
        CliResult r = new CliRunner(config).run("--debug", "test-connection").assertExit(0);
        assertThat(r.err()).contains("debug: > GET ").contains("Authorization: Bearer [redacted]");
    }

    private static void collectLeaves(CommandLine cl, Set<String> out) {
        if (cl.getSubcommands().isEmpty()) {
            out.add(cl.getCommandSpec().qualifiedName());
            return;
        }
        for (CommandLine sub : cl.getSubcommands().values()) {
            collectLeaves(sub, out);
        }
    }

    private CommandContext context() {
        return new CommandContext(new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()),
                new ByteArrayInputStream(new byte[0]), Map.of(), Terminals.NONE, Clock.systemUTC());
    }
}
