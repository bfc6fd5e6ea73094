package dev.scimctl.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimctl.ExitCode;
import dev.scimctl.output.Terminals;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.FaultProxy;
import dev.scimctl.testing.FaultProxy.Fault;
import dev.scimctl.testing.ScimServerExtension;
import dev.scimctl.testing.ScimmyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.scimctl.testing.Users.user;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class ApiCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @TempDir
    Path dir;

    private CliRunner cli() {
        return cli(server.baseUrl(), server.token());
    }

    private CliRunner cli(String url, String token) {
        return new CliRunner(dir).env("SCIMCTL_URL", url).env("SCIMCTL_TOKEN", token);
    }

    @Test
    void gets_a_resource_pretty_on_a_terminal_and_compact_in_a_pipe() throws Exception {
        String id = server.seedUser("ada@example.com");
        String piped = cli().run("api", "Users/" + id).assertExit(ExitCode.OK).assertErrEmpty().out();
        assertThat(piped.lines()).hasSize(1);
        assertThat(JSON.readTree(piped).path("userName").asText()).isEqualTo("ada@example.com");
        String pretty = cli().terminals(Terminals.ALL).run("api", "GET", "/Users/" + id).assertExit(ExitCode.OK).out();
        assertThat(pretty).contains("\n  \"userName\": \"ada@example.com\"");
        assertThat(JSON.readTree(pretty)).isEqualTo(JSON.readTree(piped));
    }

    @Test
    void get_fields_become_the_query_string_with_a_filter_encoded() throws Exception {
        server.seedUser("ada@example.com");
        server.seedUser("bob@example.com");
        JsonNode list = JSON.readTree(cli().run("api", "GET", "Users", "-f", "filter=userName eq \"bob@example.com\"")
                .assertExit(ExitCode.OK).out());
        assertThat(list.path("totalResults").asInt()).isEqualTo(1);
        assertThat(list.path("Resources").get(0).path("userName").asText()).isEqualTo("bob@example.com");
        JsonNode written = JSON.readTree(cli().run("api", "Users?filter=userName eq \"ada@example.com\"")
                .assertExit(ExitCode.OK).out());
        assertThat(written.path("Resources").get(0).path("userName").asText()).isEqualTo("ada@example.com");
    }

    @Test
    void paginates_over_several_pages_as_a_json_array_and_as_ndjson() throws Exception {
        List<String> ids = server.seedUsers(7);
        CliResult lines = cli().run("--debug", "api", "Users?count=2", "--paginate", "-o", "ndjson").assertExit(ExitCode.OK);
        List<String> out = lines.out().lines().toList();
        assertThat(out).hasSize(7);
        assertThat(out.stream().map(l -> read(l).path("id").asText())).containsExactlyElementsOf(ids);
        assertThat(lines.err().lines().filter(l -> l.startsWith("debug: > GET")).count()).isEqualTo(4);
        JsonNode array = JSON.readTree(cli().run("api", "Users", "-f", "count=3", "--paginate").assertExit(ExitCode.OK).out());
        assertThat(array.isArray()).isTrue();
        assertThat(array).hasSize(7);
    }

    @Test
    void paginate_stops_with_exit_6_when_the_server_ignores_start_index() {
        server.seedUsers(3);
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            String page = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":3,"
                    + "\"Resources\":[{\"id\":\"a\"},{\"id\":\"b\"}]}";
            proxy.rule(r -> Fault.respond(200, Map.of("Content-Type", "application/scim+json"), page));
            cli(proxy.baseUrl(), server.token()).run("api", "Users", "--paginate", "-o", "ndjson")
                    .assertExit(ExitCode.SERVER).assertErrContains("ignores startIndex").assertNoStackTrace();
        }
    }

    @Test
    void posts_a_body_read_from_stdin() throws Exception {
        String body = "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"stdin@example.com\","
                + "\"name\":{\"givenName\":\"Std\",\"familyName\":\"In\"}}";
        JsonNode created = JSON.readTree(cli().stdin(body).run("api", "POST", "Users", "--input", "-")
                .assertExit(ExitCode.OK).out());
        assertThat(created.path("id").asText()).isNotEmpty();
        assertThat(server.store().userCount()).isEqualTo(1);
        Path file = dir.resolve("patch.json");
        Files.writeString(file, "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],"
                + "\"Operations\":[{\"op\":\"replace\",\"path\":\"active\",\"value\":false}]}");
        cli().run("api", "PATCH", "Users/" + created.path("id").asText(), "--input", file.toString()).assertExit(ExitCode.OK);
        JsonNode after = JSON.readTree(cli().run("api", "Users/" + created.path("id").asText()).out());
        assertThat(after.path("active").asBoolean(true)).isFalse();
    }

    @Test
    void builds_a_body_from_typed_and_nested_fields() throws Exception {
        CliResult r = cli().run("api", "POST", "Groups", "-F", "schemas[]=urn:ietf:params:scim:schemas:core:2.0:Group",
                "-f", "displayName=Sales").assertExit(ExitCode.OK);
        assertThat(JSON.readTree(r.out()).path("displayName").asText()).isEqualTo("Sales");
        CliResult u = cli().run("api", "POST", "Users", "-f", "schemas[]=urn:ietf:params:scim:schemas:core:2.0:User",
                "-f", "userName=f@example.com", "-f", "name[givenName]=F", "-f", "name[familyName]=G", "-F", "active=false")
                .assertExit(ExitCode.OK);
        JsonNode user = JSON.readTree(u.out());
        assertThat(user.path("name").path("givenName").asText()).isEqualTo("F");
        assertThat(user.path("active").isBoolean()).isTrue();
        assertThat(user.path("active").asBoolean()).isFalse();
    }

    @Test
    void include_prints_the_status_line_and_headers_with_the_token_redacted() {
        String id = server.seedUser("ada@example.com");
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            // A misbehaving server that echoes the Authorization header back.
            proxy.rule(r -> Fault.respond(200, Map.of("Content-Type", "application/scim+json",
                    "X-Echo", r.header("Authorization")), "{\"id\":\"" + id + "\"}"));
            CliResult r = cli(proxy.baseUrl(), server.token()).run("api", "-i", "Users/" + id).assertExit(ExitCode.OK);
            assertThat(r.out()).startsWith("HTTP/1.1 200 OK\n").containsIgnoringCase("X-Echo: Bearer [redacted]").contains("\n\n{\"id\":");
            assertThat(r.all()).doesNotContain(server.token());
        }
        CliResult direct = cli().run("api", "--include", "Users/" + id).assertExit(ExitCode.OK);
        assertThat(direct.out()).startsWith("HTTP/1.1 200 OK\n").containsIgnoringCase("content-type: application/scim+json");
    }

    @Test
    void a_server_that_echoes_the_token_in_its_json_body_does_not_get_it_printed() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            // "Invalid token: <token>": servers and gateways that quote the rejected credential exist.
            proxy.rule(r -> Fault.respond(401, Map.of("Content-Type", "application/scim+json"),
                    "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"401\","
                            + "\"detail\":\"invalid token: " + r.header("Authorization").substring(7) + "\"}"));
            for (Terminals terminals : List.of(Terminals.NONE, Terminals.ALL)) {
                CliResult r = cli(proxy.baseUrl(), server.token()).terminals(terminals).run("api", "Users")
                        .assertExit(ExitCode.AUTH);
                assertThat(r.all()).doesNotContain(server.token());
                assertThat(JSON.readTree(r.out()).path("detail").asText()).isEqualTo("invalid token: [redacted]");
            }
        }
    }

    @Test
    void an_error_prints_the_servers_json_and_exits_as_the_core_maps_it() throws Exception {
        CliResult missing = cli().run("api", "Users/" + UUID.randomUUID()).assertExit(ExitCode.PROBLEMS).assertNoStackTrace();
        assertThat(JSON.readTree(missing.out()).path("status").asText()).isEqualTo("404");
        assertThat(missing.err()).contains("404 Not Found");
        server.seedUser("ada@example.com");
        cli().run("api", "POST", "Users", "-f", "schemas[]=urn:ietf:params:scim:schemas:core:2.0:User",
                        "-f", "userName=ada@example.com", "-f", "name[givenName]=A", "-f", "name[familyName]=B")
                .assertExit(ExitCode.PROBLEMS).assertErrContains("409", "uniqueness");
        cli(server.baseUrl(), "wrong-token").run("api", "Users").assertExit(ExitCode.AUTH)
                .assertErrContains("401");
    }

    @Test
    void refuses_an_authorization_header_a_foreign_url_and_a_table() {
        cli().run("api", "Users", "-H", "Authorization: Bearer x").assertExit(ExitCode.USAGE)
                .assertErrContains("cannot set Authorization");
        cli().run("api", "https://elsewhere.example/scim/Users").assertExit(ExitCode.USAGE)
                .assertErrContains("not below the base URL");
        cli().run("api", "Users", "-o", "csv").assertExit(ExitCode.USAGE).assertErrContains("does not write csv; it takes json or ndjson");
        cli().run("api", "POST", "Users", "--paginate").assertExit(ExitCode.USAGE).assertErrContains("needs GET");
        cli().run("api", "Users", "-f", "novalue").assertExit(ExitCode.USAGE).assertErrContains("key=value");
        cli().run("api", "POST", "Users", "--input", dir.resolve("missing.json").toString())
                .assertExit(ExitCode.INPUT).assertErrContains("does not exist");
    }

    @Test
    void a_header_with_a_line_break_is_a_usage_error_not_an_unexpected_one() {
        cli().run("api", "Users", "-H", "X-Trace: a\r\nX-Other: b").assertExit(ExitCode.USAGE)
                .assertErrContains("X-Trace", "control character").assertNoStackTrace();
        assertThat(cli().run("api", "Users", "-H", "X-Trace: a\u0007").assertExit(ExitCode.USAGE).err())
                .doesNotContain("unexpected");
    }

    @Test
    void a_body_larger_than_any_server_takes_is_refused_before_it_fills_the_memory() throws Exception {
        // A wrong file (a disk image, /dev/zero) ended in an OutOfMemoryError with its stack trace.
        Path huge = dir.resolve("huge.json");
        try (java.io.RandomAccessFile f = new java.io.RandomAccessFile(huge.toFile(), "rw")) {
            f.setLength(ApiCommand.MAX_BODY_BYTES + 1L); // sparse: nothing is written
        }
        cli().run("api", "POST", "Users", "--input", huge.toString()).assertExit(ExitCode.INPUT)
                .assertErrContains("huge.json", "larger than 32 MiB").assertNoStackTrace();
        cli().run("api", "POST", "Users", "-F", "x=@" + huge).assertExit(ExitCode.INPUT)
                .assertErrContains("huge.json", "larger than 32 MiB").assertNoStackTrace();
    }

    @Test
    void a_content_type_header_replaces_the_scim_one() {
        // The sandbox accepts application/json (it normalises it), so the request goes through with the header given.
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            StringBuilder seen = new StringBuilder();
            proxy.rule(r -> {
                if (r.method().equals("POST")) {
                    seen.append(r.header("Content-Type"));
                }
                return Fault.forward();
            });
            cli(proxy.baseUrl(), server.token()).stdin("{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],"
                    + "\"displayName\":\"X\"}").run("api", "POST", "Groups", "--input", "-", "-H",
                    "Content-Type: application/json").assertExit(ExitCode.OK);
            assertThat(seen.toString()).isEqualTo("application/json");
        }
    }

    @Test
    void scimmy_paginates_and_takes_a_body_from_stdin() throws Exception {
        ScimmyServer scimmy = ScimmyServer.get();
        String prefix = "api-" + UUID.randomUUID().toString().substring(0, 8) + "-";
        for (int i = 0; i < 5; i++) {
            String body = JSON.writeValueAsString(user(prefix + i + "@example.com").json());
            cli(scimmy.baseUrl(), scimmy.token()).stdin(body).run("api", "POST", "Users", "--input", "-")
                    .assertExit(ExitCode.OK);
        }
        CliResult r = cli(scimmy.baseUrl(), scimmy.token()).run("api", "Users", "-f", "filter=userName sw \"" + prefix + "\"",
                "-f", "count=2", "--paginate", "-o", "ndjson").assertExit(ExitCode.OK);
        assertThat(r.out().lines().map(l -> read(l).path("userName").asText()))
                .containsExactlyInAnyOrder(prefix + "0@example.com", prefix + "1@example.com", prefix + "2@example.com",
                        prefix + "3@example.com", prefix + "4@example.com");
    }

    private static JsonNode read(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }
}
