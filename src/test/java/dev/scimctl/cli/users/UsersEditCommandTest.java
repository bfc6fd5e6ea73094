package dev.scimctl.cli.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.ExitCode;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.FaultProxy;
import dev.scimctl.testing.FaultProxy.Fault;
import dev.scimctl.testing.RawScimClient;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static dev.scimctl.testing.Users.user;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the sandbox shows of the edit commands that SCIMMY cannot: ETags (If-Match and 412 on a concurrent change), a
 * server without PATCH, and where in a file a refused value is. Both servers: {@code compat/EditCompatibilityTest}.
 */
@Timeout(60)
class UsersEditCommandTest {
    private static final String NINJA = "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @RegisterExtension
    static final ScimServerExtension noPatch = ScimServerExtension.create(b -> b.patch(false));

    @TempDir
    Path config;

    private CliRunner cli(String url, String token) {
        return new CliRunner(config).env("SCIMCTL_URL", url).env("SCIMCTL_TOKEN", token);
    }

    private CliRunner cli(ScimServerExtension s) {
        return cli(s.baseUrl(), s.token());
    }

    private Path write(String name, JsonNode user) throws Exception {
        Path file = config.resolve(name);
        Files.writeString(file, user.toPrettyString());
        return file;
    }

    @Test
    void replace_sends_the_version_the_file_was_read_at_as_if_match() throws Exception {
        String id = server.seedUser(user("a@example.com").type("endUser").json());
        ObjectNode read = (ObjectNode) JSON.readTree(cli(server).run("users", "get", "a@example.com", "-o", "json")
                .assertExit(ExitCode.OK).out());
        String version = read.path("meta").path("version").asText();
        assertThat(version).isNotEmpty();
        ((ObjectNode) read.path("name")).put("givenName", "Anna");
        Path file = write("a.json", read);

        List<FaultProxy.ProxiedRequest> puts = new CopyOnWriteArrayList<>();
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            proxy.rule(r -> {
                if (r.method().equals("PUT")) {
                    puts.add(r);
                }
                return Fault.forward();
            });
            CliResult r = cli(proxy.baseUrl(), server.token()).run("users", "replace", "a@example.com", "--from",
                    file.toString(), "-o", "tsv", "--fields", "givenName").assertExit(ExitCode.OK);
            assertThat(r.out().strip()).isEqualTo("givenName\tAnna");
        }
        assertThat(puts).hasSize(1);
        assertThat(puts.get(0).header("If-Match")).isEqualTo(version);
        assertThat(JSON.readTree(puts.get(0).bodyText()).has("meta")).isFalse();
        assertThat(server.store().user(id).orElseThrow().path("name").path("givenName").asText()).isEqualTo("Anna");
    }

    @Test
    void replace_after_a_concurrent_change_is_refused_with_412_and_exit_1_and_overwrites_nothing() throws Exception {
        String id = server.seedUser(user("b@example.com").type("endUser").json());
        ObjectNode read = (ObjectNode) JSON.readTree(cli(server).run("users", "get", "b@example.com", "-o", "json")
                .out());
        ((ObjectNode) read.path("name")).put("familyName", "Mine");
        Path file = write("b.json", read);

        // Someone else changes the user after the file was read.
        RawScimClient.Response other = new RawScimClient(server.baseUrl(), server.token()).patch("/Users/" + id,
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":\"replace\","
                        + "\"path\":\"name.givenName\",\"value\":\"Theirs\"}]}");
        assertThat(other.status()).as(other.toString()).isIn(200, 204);

        CliResult r = cli(server).run("users", "replace", "b@example.com", "--from", file.toString())
                .assertExit(ExitCode.PROBLEMS).assertNoStackTrace();
        assertThat(r.err()).contains("412").contains("changed on the server since").contains("nothing was replaced");
        JsonNode stored = server.store().user(id).orElseThrow();
        assertThat(stored.path("name").path("givenName").asText()).isEqualTo("Theirs");
        assertThat(stored.path("name").path("familyName").asText()).isEqualTo("Family");
    }

    @Test
    void replace_without_a_version_in_the_file_is_refused_when_the_user_changes_between_read_and_put() throws Exception {
        String id = server.seedUser(user("c@example.com").json());
        ObjectNode file = user("c@example.com").name("Carl", "Mine").json();
        Path path = write("c.json", file);
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            proxy.rule(r -> {
                if (r.method().equals("PUT") && r.attempt() == 1) {
                    // The concurrent change lands between scimctl's GET and its PUT.
                    new RawScimClient(server.baseUrl(), server.token()).patch("/Users/" + id,
                            "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":[{\"op\":"
                                    + "\"replace\",\"path\":\"active\",\"value\":false}]}");
                }
                return Fault.forward();
            });
            cli(proxy.baseUrl(), server.token()).run("users", "replace", id, "--from", path.toString())
                    .assertExit(ExitCode.PROBLEMS).assertErrContains("412");
        }
        assertThat(server.store().user(id).orElseThrow().path("name").path("familyName").asText())
                .isEqualTo("Family");
    }

    @Test
    void dry_run_of_replace_prints_the_put_with_its_if_match() throws Exception {
        String id = server.seedUser(user("d@example.com").json());
        JsonNode read = JSON.readTree(cli(server).run("users", "get", id, "-o", "json").out());
        Path file = write("d.json", read);
        CliResult r = cli(server).run("users", "replace", id, "--from", file.toString(), "--dry-run")
                .assertExit(ExitCode.OK);
        assertThat(r.out().lines().limit(2)).containsExactly("PUT " + server.baseUrl() + "/Users/" + id,
                "If-Match: " + read.path("meta").path("version").asText());
    }

    @Test
    void a_refused_value_in_a_file_is_named_by_file_line_and_column() throws Exception {
        server.seedUser("e@example.com");
        Path file = config.resolve("e.json");
        Files.writeString(file, """
                {
                  "userName": "e@example.com",
                  "name": {"givenName": "E", "familyName": "F"},
                  "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User": {
                    "userType": "EndUser"
                  }
                }
                """);
        CliResult r = cli(server).run("users", "replace", "e@example.com", "--from", file.toString())
                .assertExit(ExitCode.PROBLEMS).assertNoStackTrace();
        assertThat(r.err()).contains(file + ":5:17 (userType)").contains("fix: endUser");
        cli(server).run("users", "create", "--from", file.toString()).assertExit(ExitCode.PROBLEMS)
                .assertErrContains(file + ":5:17 (userType)");

        Files.writeString(file, "{\"userName\": \"e@example.com\",\n  \"name\": {]}");
        cli(server).run("users", "create", "--from", file.toString()).assertExit(ExitCode.INPUT)
                .assertErrContains(file + ":2:").assertNoStackTrace();
    }

    @Test
    void a_warning_about_a_value_with_a_line_break_stays_on_one_line() throws Exception {
        Path file = config.resolve("nl.json");
        Files.writeString(file, """
                {"schemas": ["urn:ietf:params:scim:schemas:core:2.0:User"], "userName": "nl@example.com",
                 "name": {"givenName": "N", "familyName": "Line\\nBreak\\t "}}
                """);
        CliResult r = cli(server).run("users", "create", "--from", file.toString(), "-o", "json")
                .assertExit(ExitCode.OK);

        List<String> warnings = r.err().lines().filter(l -> !l.isBlank()).toList();
        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("familyName)").contains("fix: Line\\x0aBreak)").doesNotContain("\t");
    }

    @Test
    void set_types_values_by_the_schema_and_names_unknown_or_read_only_attributes() {
        String id = server.seedUser(user("f@example.com").json());
        cli(server).run("users", "set", id, "nickName=Effie", "active=FALSE", NINJA + ":userType=Technician")
                .assertExit(ExitCode.OK);
        JsonNode stored = server.store().user(id).orElseThrow();
        assertThat(stored.path("nickName").asText()).isEqualTo("Effie");
        assertThat(stored.path("active").isBoolean()).isTrue();
        assertThat(stored.path("active").booleanValue()).isFalse();
        assertThat(stored.path(NINJA).path("userType").asText()).isEqualTo("Technician");

        cli(server).run("users", "set", id, "nickname=Effie", "givenNmae=X").assertExit(ExitCode.USAGE)
                .assertErrContains("givenNmae", "has no attribute");
        cli(server).run("users", "set", id, "givenName=X").assertExit(ExitCode.USAGE)
                .assertErrContains("did you mean name.givenName?");
        cli(server).run("users", "set", id, "id=123").assertExit(ExitCode.USAGE).assertErrContains("read-only");
        cli(server).run("users", "set", id, "nickName").assertExit(ExitCode.USAGE).assertErrContains("ATTR=VALUE");
        cli(server).run("users", "set", id).assertExit(ExitCode.USAGE).assertErrContains("no change given");
    }

    @Test
    void set_on_a_server_without_patch_points_at_replace() {
        String id = noPatch.seedUser("g@example.com");
        cli(noPatch).run("users", "set", id, "nickName=G").assertExit(ExitCode.PROBLEMS)
                .assertErrContains("users replace").assertNoStackTrace();
    }

    @Test
    void a_technician_given_an_organization_is_a_warning_and_goes_ahead() {
        String id = server.seedUser(user("h@example.com").type("technician").json());
        CliResult r = cli(server).run("users", "set", id, NINJA + ":organizationId=5").assertExit(ExitCode.OK);
        assertThat(r.err()).contains("warning").contains("no documented effect on technicians");
        assertThat(server.store().user(id).orElseThrow().path(NINJA).path("organizationId").asText()).isEqualTo("5");
    }
}
