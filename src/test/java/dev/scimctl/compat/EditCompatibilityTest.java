package dev.scimctl.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.ExitCode;
import dev.scimctl.compat.CompatServers.Server;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.RawScimClient;
import dev.scimctl.testing.Users;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The edit commands ({@code users create/set/replace}, {@code groups create/rename/add-members/remove-members/delete})
 * against both SCIM servers, each result read back over plain HTTP. The servers are shared by the whole run, so each
 * test makes users and groups with names of its own.
 */
@Timeout(120)
class EditCompatibilityTest {
    private static final String NINJA = "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path config;

    static Stream<Named<Supplier<Server>>> servers() {
        return CompatServers.all();
    }

    private CliRunner cli(Server s) {
        return new CliRunner(config).env("SCIMCTL_URL", s.baseUrl()).env("SCIMCTL_TOKEN", s.token());
    }

    private static String tag() {
        return "-" + UUID.randomUUID().toString().substring(0, 8) + "@edit.example";
    }

    private static String create(Server s, Users user) {
        RawScimClient.Response r = new RawScimClient(s.baseUrl(), s.token()).post("/Users", user.json().toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    private static JsonNode user(Server s, String id) {
        RawScimClient.Response r = new RawScimClient(s.baseUrl(), s.token()).get("/Users/" + id);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    private static JsonNode group(Server s, String id) {
        return new RawScimClient(s.baseUrl(), s.token()).get("/Groups/" + id).json();
    }

    /** Ids of the users with this userName, read as an IdP would (the whole listing, compared here). */
    private static List<String> withUserName(Server s, String userName) {
        List<String> ids = new ArrayList<>();
        for (int start = 1; ; start += 100) {
            JsonNode page = new RawScimClient(s.baseUrl(), s.token()).get("/Users?startIndex=" + start + "&count=100")
                    .json();
            page.path("Resources").forEach(u -> {
                if (u.path("userName").asText().equalsIgnoreCase(userName)) {
                    ids.add(u.path("id").asText());
                }
            });
            if (page.path("Resources").size() < 100) {
                return ids;
            }
        }
    }

    private static List<String> members(JsonNode group) {
        List<String> ids = new ArrayList<>();
        group.path("members").forEach(m -> ids.add(m.path("value").asText()));
        return ids;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void users_create_sends_the_user_and_prints_it_as_users_get_does(Supplier<Server> server) throws Exception {
        Server s = server.get();
        String name = "alice" + tag();
        CliResult r = cli(s).run("users", "create", "--user-name", name, "--given-name", "Alice", "--family-name",
                "Smith", "--user-type", "endUser", "--organization-id", "42", "-o", "json").assertExit(ExitCode.OK);
        JsonNode printed = JSON.readTree(r.out());
        assertThat(printed.path("userName").asText()).isEqualTo(name);
        List<String> ids = withUserName(s, name);
        assertThat(ids).containsExactly(printed.path("id").asText());
        JsonNode stored = user(s, ids.get(0));
        assertThat(stored.path("name").path("familyName").asText()).isEqualTo("Smith");
        assertThat(stored.path(NINJA).path("userType").asText()).isEqualTo("endUser");
        assertThat(stored.path(NINJA).path("organizationId").asText()).isEqualTo("42");
        assertThat(stored.path("emails").path(0).path("value").asText()).isEqualTo(name);

        // The same userName again: the server's 409, exit 1, and still one user.
        cli(s).run("users", "create", "--user-name", name, "--given-name", "A", "--family-name", "S")
                .assertExit(ExitCode.PROBLEMS).assertErrContains("exists already");
        assertThat(withUserName(s, name)).hasSize(1);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void users_create_refuses_a_value_validate_refuses_and_sends_nothing(Supplier<Server> server) {
        Server s = server.get();
        String name = "bob" + tag();
        CliResult r = cli(s).run("users", "create", "--user-name", name, "--given-name", "Bob", "--family-name",
                "Jones", "--user-type", "enduser").assertExit(ExitCode.PROBLEMS).assertNoStackTrace();
        assertThat(r.err()).contains("--user-type").contains("is not endUser").contains("fix: endUser")
                .contains("nothing was sent");
        cli(s).run("users", "create", "--user-name", name, "--given-name", "Bob", "--family-name", "Jones",
                "--organization-id", "Acme").assertExit(ExitCode.PROBLEMS).assertErrContains("--organization-id");
        cli(s).run("users", "create", "--user-name", "not-an-address", "--given-name", "Bob", "--family-name", "Jones")
                .assertExit(ExitCode.PROBLEMS).assertErrContains("--user-name", "not a plausible e-mail");
        cli(s).run("users", "create", "--user-name", name, "--given-name", "Bob")
                .assertExit(ExitCode.PROBLEMS).assertErrContains("--family-name", "NinjaOne requires name.familyName");
        assertThat(withUserName(s, name)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void users_set_changes_a_core_an_extension_and_a_multi_valued_attribute(Supplier<Server> server) {
        Server s = server.get();
        String name = "carol" + tag();
        String id = create(s, Users.user(name).type("endUser").organization("7"));

        cli(s).run("users", "set", name, "name.givenName=Caroline", "active=false").assertExit(ExitCode.OK);
        JsonNode u = user(s, id);
        assertThat(u.path("name").path("givenName").asText()).isEqualTo("Caroline");
        assertThat(u.path("active").isBoolean()).isTrue();
        assertThat(u.path("active").booleanValue()).isFalse();

        cli(s).run("users", "set", id, NINJA + ":organizationId=42").assertExit(ExitCode.OK);
        assertThat(user(s, id).path(NINJA).path("organizationId").asText()).isEqualTo("42");
        assertThat(user(s, id).path(NINJA).path("userType").asText()).isEqualTo("endUser");

        String second = "carol.second" + tag();
        CliResult r = cli(s).run("users", "set", name, "--add", "emails=" + second, "--fields", "userName,email")
                .assertExit(ExitCode.OK);
        assertThat(r.out()).contains(name);
        List<String> emails = new ArrayList<>();
        user(s, id).path("emails").forEach(e -> emails.add(e.path("value").asText()));
        assertThat(emails).containsExactlyInAnyOrder(name, second);

        cli(s).run("users", "set", name, "--remove", "emails[value eq \"" + second + "\"]").assertExit(ExitCode.OK);
        emails.clear();
        user(s, id).path("emails").forEach(e -> emails.add(e.path("value").asText()));
        assertThat(emails).containsExactly(name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void users_set_refuses_a_wrong_value_and_a_missing_user(Supplier<Server> server) {
        Server s = server.get();
        String name = "dave" + tag();
        String id = create(s, Users.user(name).type("technician"));
        cli(s).run("users", "set", name, NINJA + ":userType=END_USER").assertExit(ExitCode.PROBLEMS)
                .assertErrContains("public REST API", "nothing was sent");
        cli(s).run("users", "set", name, "active=maybe").assertExit(ExitCode.USAGE)
                .assertErrContains("active is a boolean");
        assertThat(user(s, id).path(NINJA).path("userType").asText()).isEqualTo("technician");
        cli(s).run("users", "set", "nobody" + tag(), "active=false").assertExit(ExitCode.PROBLEMS)
                .assertErrContains("no user with the id or userName");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void users_replace_puts_the_edited_file(Supplier<Server> server) throws Exception {
        Server s = server.get();
        String name = "erin" + tag();
        String id = create(s, Users.user(name).type("endUser"));
        CliResult got = cli(s).run("users", "get", name, "-o", "json").assertExit(ExitCode.OK);
        ObjectNode edited = (ObjectNode) JSON.readTree(got.out());
        ((ObjectNode) edited.path("name")).put("familyName", "Edited");
        Path file = config.resolve("erin.json");
        Files.writeString(file, edited.toPrettyString());

        cli(s).run("users", "replace", name, "--from", file.toString()).assertExit(ExitCode.OK);
        assertThat(user(s, id).path("name").path("familyName").asText()).isEqualTo("Edited");

        cli(s).run("users", "replace", "nobody" + tag(), "--from", file.toString()).assertExit(ExitCode.PROBLEMS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void groups_are_created_renamed_filled_emptied_one_by_one_and_deleted(Supplier<Server> server) throws Exception {
        Server s = server.get();
        String t = tag();
        String a = create(s, Users.user("a" + t));
        String b = create(s, Users.user("b" + t));
        String c = create(s, Users.user("c" + t));
        String name = "Help Desk " + t;

        JsonNode created = JSON.readTree(cli(s).run("groups", "create", name, "-o", "json").assertExit(ExitCode.OK)
                .out());
        String id = created.path("id").asText();
        assertThat(group(s, id).path("displayName").asText()).isEqualTo(name);
        cli(s).run("groups", "create", name).assertExit(ExitCode.PROBLEMS).assertErrContains("exists already");

        cli(s).run("groups", "rename", name, "Service Desk " + t).assertExit(ExitCode.OK);
        assertThat(group(s, id).path("displayName").asText()).isEqualTo("Service Desk " + t);

        CliResult added = cli(s).run("groups", "add-members", id, "a" + t, "b" + t, c, "--yes", "-o", "tsv",
                "--fields", "name").assertExit(ExitCode.OK);
        assertThat(added.out().lines()).containsExactlyInAnyOrder("a" + t, "b" + t, "c" + t);
        assertThat(members(group(s, id))).containsExactlyInAnyOrder(a, b, c);

        // Without a terminal, several removals need --yes; one does not.
        cli(s).run("groups", "remove-members", id, "a" + t, "b" + t).assertExit(ExitCode.USAGE)
                .assertErrContains("--yes");
        assertThat(members(group(s, id))).containsExactlyInAnyOrder(a, b, c);
        cli(s).run("groups", "remove-members", id, "a" + t).assertExit(ExitCode.OK);
        assertThat(members(group(s, id))).containsExactlyInAnyOrder(b, c);
        cli(s).run("groups", "remove-members", id, "b" + t, "nobody" + t, "--yes").assertExit(ExitCode.PROBLEMS)
                .assertErrContains("nobody" + t);
        assertThat(members(group(s, id))).containsExactlyInAnyOrder(b, c);

        cli(s).run("groups", "delete", id).assertExit(ExitCode.USAGE);
        cli(s).run("groups", "delete", id, "--yes").assertExit(ExitCode.OK);
        assertThat(new RawScimClient(s.baseUrl(), s.token()).get("/Groups/" + id).status()).isEqualTo(404);
        assertThat(user(s, b).path("userName").asText()).isEqualTo("b" + t);
        cli(s).run("groups", "delete", id, "--yes").assertExit(ExitCode.PROBLEMS);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void dry_run_prints_the_request_and_changes_nothing(Supplier<Server> server) {
        Server s = server.get();
        String t = tag();
        String id = create(s, Users.user("f" + t));
        CliResult r = cli(s).run("users", "set", "f" + t, "name.familyName=Dry", "--dry-run").assertExit(ExitCode.OK);
        assertThat(r.out()).startsWith("PATCH " + s.baseUrl() + "/Users/" + id).contains("\"op\": \"replace\"")
                .contains("\"path\": \"name.familyName\"").contains("\"value\": \"Dry\"");
        assertThat(r.err()).contains("dry run: nothing was sent");
        assertThat(user(s, id).path("name").path("familyName").asText()).isEqualTo("Family");

        cli(s).run("users", "create", "--user-name", "g" + t, "--given-name", "G", "--family-name", "H",
                "--dry-run").assertExit(ExitCode.OK).assertOutContains("POST " + s.baseUrl() + "/Users",
                "\"userName\": \"g" + t + "\"");
        assertThat(withUserName(s, "g" + t)).isEmpty();

        cli(s).run("groups", "create", "Dry " + t, "--dry-run").assertExit(ExitCode.OK)
                .assertOutContains("POST " + s.baseUrl() + "/Groups");
        String group = new RawScimClient(s.baseUrl(), s.token()).post("/Groups",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"Dry " + t + "\","
                        + "\"members\":[{\"value\":\"" + id + "\"}]}").json().path("id").asText();
        cli(s).run("groups", "remove-members", group, id, "--dry-run").assertExit(ExitCode.OK)
                .assertOutContains("PATCH " + s.baseUrl() + "/Groups/" + group,
                        "\"path\": \"members[value eq \\\"" + id + "\\\"]\"");
        cli(s).run("groups", "delete", group, "--dry-run").assertExit(ExitCode.OK)
                .assertOutContains("DELETE " + s.baseUrl() + "/Groups/" + group);
        assertThat(members(group(s, group))).containsExactly(id);
    }
}
