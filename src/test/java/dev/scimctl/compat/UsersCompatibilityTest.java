package dev.scimctl.compat;

import dev.scimctl.compat.CompatServers.Server;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimctl.ExitCode;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.RawScimClient;
import dev.scimctl.testing.Users;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code users} and {@code groups} against both SCIM servers. SCIMMY compares userName case-sensitively and does
 * not resolve {@code urn:…:userType} in filters: where it answers wrongly, scimctl must still give the right users.
 * The servers are shared by the whole run, so each test makes users with names of its own and looks only at those.
 */
@Timeout(120)
class UsersCompatibilityTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path config;

    static Stream<Named<Supplier<Server>>> servers() {
        return CompatServers.all();
    }

    private CliRunner cli(Server s) {
        return new CliRunner(config).env("SCIMCTL_URL", s.baseUrl()).env("SCIMCTL_TOKEN", s.token());
    }

    /** Creates a user over HTTP, as an IdP would; returns its id. */
    private static String create(Server s, Users user) {
        RawScimClient.Response r = new RawScimClient(s.baseUrl(), s.token()).post("/Users", user.json().toString());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.json().path("id").asText();
    }

    /** The userNames in TSV output that belong to this test (those ending in its tag). */
    private static Set<String> mine(CliResult r, String tag) {
        Set<String> names = new TreeSet<>();
        r.out().lines().map(l -> l.split("\t", -1)[0]).filter(n -> n.endsWith(tag)).forEach(names::add);
        return names;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void the_shortcuts_choose_the_same_users(Supplier<Server> server) {
        Server s = server.get();
        String tag = "-" + UUID.randomUUID().toString().substring(0, 8) + "@compat.example";
        create(s, Users.user("tech" + tag).type("Technician"));
        create(s, Users.user("org7" + tag).type("endUser").organization("7"));
        create(s, Users.user("global" + tag).type("endUser").organization("All"));
        create(s, Users.user("untyped" + tag).inactive());

        assertThat(mine(cli(s).run("users", "list", "--user-type", "technician").assertExit(ExitCode.OK), tag))
                .containsExactly("tech" + tag);
        assertThat(mine(cli(s).run("users", "list", "--user-type", "endUser").assertExit(ExitCode.OK), tag))
                .containsExactly("global" + tag, "org7" + tag, "untyped" + tag);
        assertThat(mine(cli(s).run("users", "list", "--organization", "7").assertExit(ExitCode.OK), tag))
                .containsExactly("org7" + tag);
        assertThat(mine(cli(s).run("users", "list", "--organization", "all").assertExit(ExitCode.OK), tag))
                .containsExactly("global" + tag, "untyped" + tag);
        assertThat(mine(cli(s).run("users", "list", "--inactive").assertExit(ExitCode.OK), tag))
                .containsExactly("untyped" + tag);
        assertThat(mine(cli(s).run("users", "list", "--user-name", ("TECH" + tag).toUpperCase())
                .assertExit(ExitCode.OK), tag)).containsExactly("tech" + tag);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void get_finds_a_user_by_id_and_by_user_name_in_any_case(Supplier<Server> server) throws Exception {
        Server s = server.get();
        String tag = "-" + UUID.randomUUID().toString().substring(0, 8) + "@compat.example";
        String id = create(s, Users.user("ada" + tag).type("endUser").organization("12"));
        JsonNode byName = JSON.readTree(cli(s).run("users", "get", ("Ada" + tag).toUpperCase(), "-o", "json")
                .assertExit(ExitCode.OK).out());
        JsonNode byId = JSON.readTree(cli(s).run("users", "get", id, "-o", "json").assertExit(ExitCode.OK).out());
        assertThat(byName.path("id").asText()).isEqualTo(id);
        assertThat(byId.path("userName").asText()).isEqualTo("ada" + tag);
        assertThat(byId.path("urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User").path("organizationId")
                .asText()).isEqualTo("12");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void groups_get_names_the_members(Supplier<Server> server) {
        Server s = server.get();
        String tag = "-" + UUID.randomUUID().toString().substring(0, 8) + "@compat.example";
        String a = create(s, Users.user("a" + tag));
        String b = create(s, Users.user("b" + tag));
        String group = "Techs " + tag;
        RawScimClient.Response r = new RawScimClient(s.baseUrl(), s.token()).post("/Groups",
                "{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:Group\"],\"displayName\":\"" + group
                        + "\",\"members\":[{\"value\":\"" + a + "\"},{\"value\":\"" + b + "\"}]}");
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        CliResult got = cli(s).run("groups", "get", group.toUpperCase(), "--fields", "name").assertExit(ExitCode.OK);
        assertThat(got.out().lines()).containsExactlyInAnyOrder("a" + tag, "b" + tag);
    }
}
