package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.FaultProxy;
import dev.scimctl.testing.FaultProxy.Fault;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real SCIM server behind a proxy that makes it misbehave the ways real servers, gateways and login pages do. Each
 * misbehaviour pins the exit code and the message of the commands that read users and groups: nothing a server
 * sends is believed before it is checked, and no listing runs forever.
 */
@Timeout(120)
class MisbehavingServerTest {
    private static final Map<String, String> SCIM = Map.of("Content-Type", "application/scim+json");
    private static final String LIST = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @TempDir
    Path dir;
    private FaultProxy proxy;
    private Path usersCsv;
    private Path mapping;

    @BeforeEach
    void setUp() throws Exception {
        proxy = FaultProxy.start(server.baseUrl());
        server.seedUser("alice@example.com");
        server.seedGroup("Help Desk");
        usersCsv = dir.resolve("users.csv");
        Files.writeString(usersCsv, "username,email,firstname,lastname,status\nnew,new@example.com,New,User,active\n");
        mapping = dir.resolve("group-roles.json");
        Files.writeString(mapping, "{\"version\": 1, \"groups\": [{\"group\": \"Help Desk\", \"type\": \"technician\", "
                + "\"roles\": [\"Help Desk Technician\"]}]}");
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    private CliRunner cli() {
        return new CliRunner(dir).env("SCIMCTL_URL", proxy.baseUrl()).env("SCIMCTL_TOKEN", server.token())
                .env("SCIMCTL_CACHE_DIR", dir.resolve("cache").toString());
    }

    /** The commands that read users and groups, as a person runs them. */
    private List<String[]> readers() {
        return List.of(
                new String[]{"users", "list"},
                new String[]{"users", "get", "alice@example.com"},
                new String[]{"groups", "list"},
                new String[]{"import", "--yes", usersCsv.toString()},
                new String[]{"map-groups", "explain", "alice@example.com", "--mapping=" + mapping});
    }

    private static String errorDocument(String status, String detail) {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"" + status
                + "\",\"detail\":\"" + detail + "\"}";
    }

    private static boolean listing(FaultProxy.ProxiedRequest r) {
        return r.method().equals("GET") && (r.path().endsWith("/Users") || r.path().endsWith("/Groups"));
    }

    @Test
    void an_error_document_with_status_200_is_exit_6_and_never_taken_for_a_resource() {
        proxy.rule(r -> r.path().contains("/Users") || r.path().contains("/Groups")
                ? Fault.respond(200, SCIM, errorDocument("503", "backend unavailable")) : Fault.forward());
        for (String[] command : readers()) {
            CliResult r = cli().run(command).assertExit(ExitCode.SERVER);
            assertThat(r.err()).as(String.join(" ", command))
                    .contains("the server answered an error with status 200").contains("backend unavailable");
            assertThat(r.out()).doesNotContain("backend unavailable");
        }
        CliResult check = cli().run("test-connection").assertExit(ExitCode.SERVER);
        assertThat(check.out() + check.err()).contains("the server answered an error with status 200");
        assertThat(server.store().users()).noneMatch(u -> u.path("userName").asText().equals("new@example.com"));
    }

    @Test
    void a_list_of_the_wrong_shape_is_exit_6_naming_the_field() {
        proxy.rule(r -> listing(r) ? Fault.respond(200, SCIM, "{\"schemas\":[\"" + LIST + "\"],\"totalResults\":1,"
                + "\"Resources\":{\"id\":\"x\"}}") : Fault.forward());
        for (String[] command : List.of(new String[]{"users", "list"}, new String[]{"groups", "list"},
                new String[]{"import", "--yes", usersCsv.toString()})) {
            CliResult r = cli().run(command).assertExit(ExitCode.SERVER);
            assertThat(r.err()).as(String.join(" ", command)).contains("is not a SCIM list: \"Resources\" is a object");
        }
        proxy.rule(r -> listing(r) ? Fault.respond(200, SCIM, "{\"schemas\":[\"" + LIST + "\"],\"totalResults\":"
                + "\"many\",\"Resources\":[]}") : Fault.forward());
        CliResult r = cli().run("users", "list").assertExit(ExitCode.SERVER);
        assertThat(r.err()).contains("\"totalResults\" is the string \"many\", not an integer");
        cli().run("test-connection").assertExit(ExitCode.SERVER);
    }

    @Test
    void an_html_page_is_exit_6_at_any_status_naming_its_title() {
        for (int status : new int[]{200, 404}) {
            proxy.rule(r -> r.path().contains("/Users") || r.path().contains("/Groups")
                    ? Fault.respond(status, Map.of("Content-Type", "text/html"),
                    "<html><head><title>Sign in to Contoso</title></head><body>login</body></html>")
                    : Fault.forward());
            for (String[] command : readers()) {
                CliResult r = cli().run(command).assertExit(ExitCode.SERVER);
                assertThat(r.err()).as(status + " " + String.join(" ", command))
                        .contains("answered " + status).contains("an HTML page titled \"Sign in to Contoso\"");
            }
        }
    }

    @Test
    void a_server_that_ignores_start_index_ends_the_listing_with_exit_6() {
        server.seedUsers(5);
        proxy.rule(r -> r.path().endsWith("/Users") && r.target().contains("startIndex=")
                ? Fault.respond(200, SCIM, page(1, 1000, "u1", "u2")) : Fault.forward());
        CliResult list = cli().run("users", "list", "--page-size", "2").assertExit(ExitCode.SERVER);
        assertThat(list.err()).contains("repeats only Users already listed (ids u1, u2)")
                .contains("does not page by startIndex");
        CliResult imp = cli().run("import", "--dry-run", "--deactivate-missing", usersCsv.toString())
                .assertExit(ExitCode.SERVER);
        assertThat(imp.err()).contains("repeats only Users already listed");
    }

    @Test
    void a_total_that_keeps_growing_ahead_of_the_pages_ends_the_listing_with_exit_6() {
        // Every page brings new ids and a totalResults a little beyond it: without a bound, a listing without end.
        proxy.rule(r -> {
            if (!r.path().endsWith("/Users") || !r.target().contains("startIndex=")) {
                return Fault.forward();
            }
            int start = Integer.parseInt(r.target().replaceAll(".*startIndex=(\\d+).*", "$1"));
            int count = r.target().contains("count=")
                    ? Integer.parseInt(r.target().replaceAll(".*count=(\\d+).*", "$1")) : 1000;
            String[] ids = IntStream.range(start, start + count).mapToObj(i -> "g" + i).toArray(String[]::new);
            return Fault.respond(200, SCIM, page(start, start + count + 5, ids));
        });
        CliResult r = cli().run("users", "list", "--page-size", "1000", "-o", "tsv").assertExit(ExitCode.SERVER);
        assertThat(r.err()).contains("the first page's totalResults was 1006")
                .contains("the total keeps growing ahead of the pages");
        assertThat(r.out().lines().count()).isLessThan(12_000);
        CliResult api = cli().run("api", "/Users", "--paginate").assertExit(ExitCode.SERVER);
        assertThat(api.err()).contains("the total keeps growing ahead of the pages");
    }

    @Test
    void alternating_pages_and_an_early_empty_page_end_the_listing_with_exit_6() {
        proxy.rule(r -> {
            if (!r.path().endsWith("/Users") || !r.target().contains("count=2")) {
                return Fault.forward();
            }
            return r.attempt() % 2 == 1 ? Fault.respond(200, SCIM, page(1, 1000, "a", "b"))
                    : Fault.respond(200, SCIM, page(3, 1000, "c", "d"));
        });
        CliResult r = cli().run("users", "list", "--page-size", "2").assertExit(ExitCode.SERVER);
        assertThat(r.err()).contains("repeats only Users already listed (ids ");

        proxy.rule(r2 -> r2.path().endsWith("/Users") && r2.target().contains("count=2")
                ? Fault.respond(200, SCIM, r2.target().contains("startIndex=1&") ? page(1, 50, "a", "b") : page(3, 50))
                : Fault.forward());
        CliResult early = cli().run("users", "list", "--page-size", "2").assertExit(ExitCode.SERVER);
        assertThat(early.err()).contains("the page at startIndex=3 is empty although totalResults is 50");
    }

    @Test
    void resources_without_ids_are_exit_6_naming_the_field() {
        proxy.rule(r -> listing(r) ? Fault.respond(200, SCIM, "{\"schemas\":[\"" + LIST + "\"],\"totalResults\":9,"
                + "\"Resources\":[{\"userName\":\"x@example.com\",\"displayName\":\"x\"}]}") : Fault.forward());
        CliResult r = cli().run("users", "list").assertExit(ExitCode.SERVER);
        assertThat(r.err()).contains("Resources[0] has no \"id\"");
        cli().run("groups", "list").assertExit(ExitCode.SERVER);
    }

    @Test
    void a_total_results_that_is_the_page_length_is_read_past_once_with_a_warning() {
        server.seedUsers(4); // with alice: 5 users, pages of 2, and a server that says totalResults is the page's length
        proxy.rule(r -> {
            if (!r.path().endsWith("/Users") || !r.target().contains("startIndex=")) {
                return Fault.forward();
            }
            return Fault.transformJson(body -> body.replaceFirst("\"totalResults\":\\s*\\d+",
                    "\"totalResults\":" + Math.min(2, countResources(body))));
        });
        CliResult r = cli().run("users", "list", "--page-size", "2", "-o", "tsv", "--fields", "userName")
                .assertExit(ExitCode.OK);
        assertThat(r.out().lines()).hasSize(5).contains("alice@example.com");
        assertThat(r.err()).contains("the server's totalResults (2) is wrong");
    }

    private static int countResources(String body) {
        return (int) java.util.regex.Pattern.compile("\"userName\"").matcher(body).results().count();
    }

    @Test
    void too_many_requests_after_the_last_retry_is_exit_6_with_the_retry_after_asked() {
        proxy.rule(r -> r.path().contains("/Users") || r.path().contains("/Groups") ? Fault.tooManyRequests("1")
                : Fault.forward());
        for (String[] command : List.of(new String[]{"users", "list"}, new String[]{"groups", "list"},
                new String[]{"users", "get", "alice@example.com"})) {
            CliResult r = cli().run(command).assertExit(ExitCode.SERVER);
            assertThat(r.err()).as(String.join(" ", command)).contains("429 Too Many Requests")
                    .contains("Retry-After 1").contains("after every retry");
        }
    }

    @Test
    void a_body_past_the_limit_is_exit_6_saying_how_large_and_what_limit() {
        proxy.rule(r -> listing(r) ? Fault.hugeBody("application/scim+json", "{\"Resources\":[{\"id\":\"",
                8L * 1024 * 1024, r.path().endsWith("/Users")) : Fault.forward());
        CliResult users = cli().env("SCIMCTL_MAX_RESPONSE_SIZE", "1MiB").run("users", "list")
                .assertExit(ExitCode.SERVER);
        assertThat(users.err()).contains("of 8388608 bytes (its Content-Length)").contains("limit of 1048576 bytes");
        CliResult groups = cli().env("SCIMCTL_MAX_RESPONSE_SIZE", "1MiB").run("groups", "list")
                .assertExit(ExitCode.SERVER);
        assertThat(groups.err()).contains("of more than 1048576 bytes").contains("SCIMCTL_MAX_RESPONSE_SIZE");
        cli().env("SCIMCTL_MAX_RESPONSE_SIZE", "a lot").run("users", "list").assertExit(ExitCode.USAGE);
    }

    @Test
    void an_oversized_response_header_is_exit_6_not_a_dropped_connection() {
        proxy.rule(r -> listing(r) ? Fault.respond(200, Map.of("Content-Type", "application/scim+json",
                "Set-Cookie", "session=" + "x".repeat(500_000)), page(1, 0)) : Fault.forward());
        CliResult r = cli().run("users", "list").assertExit(ExitCode.SERVER);
        assertThat(r.err()).contains("response headers are larger than Java's HTTP client accepts");
    }

    @Test
    void a_response_header_with_a_control_character_is_called_malformed_and_not_quoted() {
        // The JDK refuses the header and quotes it whole: here a session cookie, a credential.
        proxy.rule(r -> listing(r) ? Fault.respond(200, Map.of("Content-Type", "application/scim+json",
                "Set-Cookie", "session=cookie-value-4711\u001b[2J"), page(1, 0)) : Fault.forward());
        CliResult r = cli().run("users", "list").assertExit(ExitCode.SERVER);
        assertThat(r.err()).contains("a response header (Set-Cookie) Java's HTTP client refuses as malformed")
                .doesNotContain("larger").doesNotContain("cookie-value-4711");
        assertThat(cli().run("--debug", "users", "list").assertExit(ExitCode.SERVER).err()).doesNotContain("cookie-value-4711");
    }

    private static String page(int startIndex, int total, String... ids) {
        String resources = IntStream.range(0, ids.length).mapToObj(i -> "{\"id\":\"" + ids[i] + "\",\"userName\":\""
                + ids[i] + "@example.com\"}").collect(Collectors.joining(","));
        return "{\"schemas\":[\"" + LIST + "\"],\"totalResults\":" + total + ",\"startIndex\":" + startIndex
                + ",\"itemsPerPage\":" + ids.length + ",\"Resources\":[" + resources + "]}";
    }
}
