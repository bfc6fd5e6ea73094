package dev.scimctl.compat;

import dev.scimctl.compat.CompatServers.Server;
import dev.scimctl.ExitCode;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.FaultProxy;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One suite, two independent SCIM servers: our sandbox (scim-sdk-server) and SCIMMY (Node.js). Code that only ever
 * met one server fits that server's quirks; where the two differ, scimctl must work with both
 * (docs/compatibility.md).
 */
@Timeout(120)
class CompatibilityTest {

    @TempDir
    Path config;

    static Stream<Named<Supplier<Server>>> servers() {
        return CompatServers.all();
    }

    private CliRunner cli(Server s) {
        return new CliRunner(config).env("SCIMCTL_URL", s.baseUrl()).env("SCIMCTL_TOKEN", s.token());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void test_connection_passes(Supplier<Server> server) {
        Server s = server.get();
        CliResult r = cli(s).run("test-connection").assertExit(ExitCode.OK);
        assertThat(r.out()).contains("listing works").doesNotContain(s.token());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void a_wrong_token_is_refused(Supplier<Server> server) {
        Server s = server.get();
        CliResult r = new CliRunner(config).env("SCIMCTL_URL", s.baseUrl()).env("SCIMCTL_TOKEN", "not-the-token-123")
                .run("test-connection").assertExit(ExitCode.AUTH);
        assertThat(r.out()).contains("401");
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A CSV of three users with names unique to this test run, since the SCIMMY server is shared. */
    private Path usersCsv(String prefix) throws Exception {
        String csv = "email,firstname,lastname,userType,organizationId,group1\n"
                + prefix + "-tech@example.com,Tess,Tech,technician,," + prefix + "-Technicians\n"
                + prefix + "-Eve@Example.com,Eve,Enduser,endUser,All," + prefix + "-Staff\n"
                + prefix + "-org@example.com,Otto,Org,endUser,42," + prefix + "-Staff\n";
        return Files.writeString(config.resolve(prefix + ".csv"), csv);
    }

    private static String prefix() {
        return "c" + UUID.randomUUID().toString().substring(0, 8);
    }

    private List<JsonNode> listUsers(Server s, String prefix) throws Exception {
        CliResult r = cli(s).run("users", "list", "-o", "ndjson").assertExit(ExitCode.OK);
        List<JsonNode> mine = new ArrayList<>();
        for (String line : r.out().split("\n")) {
            if (!line.isBlank()) {
                JsonNode u = JSON.readTree(line);
                if (u.path("userName").asText().toLowerCase().startsWith(prefix)) {
                    mine.add(u);
                }
            }
        }
        return mine;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void import_creates_the_users_and_a_second_run_changes_nothing(Supplier<Server> server) throws Exception {
        Server s = server.get();
        String prefix = prefix();
        Path csv = usersCsv(prefix);
        cli(s).run("import", "--yes", csv.toString()).assertExit(ExitCode.OK);

        List<JsonNode> users = listUsers(s, prefix);
        assertThat(users).extracting(u -> u.path("userName").asText().toLowerCase())
                .containsExactlyInAnyOrder(prefix + "-tech@example.com", prefix + "-eve@example.com", prefix + "-org@example.com");
        JsonNode tech = users.stream().filter(u -> u.path("userName").asText().endsWith("-tech@example.com")).findFirst().orElseThrow();
        assertThat(tech.at("/urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User/userType").asText()).isEqualTo("technician");
        assertThat(tech.at("/name/givenName").asText()).isEqualTo("Tess");

        CliResult again = cli(s).run("import", "--yes", csv.toString()).assertExit(ExitCode.OK);
        assertThat(listUsers(s, prefix)).hasSize(3);
        assertThat(again.all()).containsPattern("(?i)unchanged");
        assertThat(again.all()).doesNotContainPattern("(?i)\\b[1-9]\\d* (created|updated)");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void users_get_by_name_and_by_id_and_deactivate(Supplier<Server> server) throws Exception {
        Server s = server.get();
        String prefix = prefix();
        cli(s).run("import", "--yes", usersCsv(prefix).toString()).assertExit(ExitCode.OK);
        String userName = prefix + "-org@example.com";

        JsonNode byName = JSON.readTree(cli(s).run("users", "get", userName, "-o", "json").assertExit(ExitCode.OK).out());
        assertThat(byName.path("userName").asText()).isEqualToIgnoringCase(userName);
        String id = byName.path("id").asText();
        JsonNode byId = JSON.readTree(cli(s).run("users", "get", id, "-o", "json").assertExit(ExitCode.OK).out());
        assertThat(byId.path("id").asText()).isEqualTo(id);

        cli(s).run("users", "deactivate", "--yes", userName).assertExit(ExitCode.OK);
        JsonNode after = JSON.readTree(cli(s).run("users", "get", id, "-o", "json").assertExit(ExitCode.OK).out());
        assertThat(after.path("active").asBoolean(true)).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void users_get_finds_a_user_named_in_another_case_without_listing_every_user(Supplier<Server> server)
            throws Exception {
        Server s = server.get();
        String prefix = prefix();
        cli(s).run("import", "--yes", usersCsv(prefix).toString()).assertExit(ExitCode.OK);
        try (FaultProxy proxy = FaultProxy.start(s.baseUrl())) {
            List<String> listings = new java.util.concurrent.CopyOnWriteArrayList<>();
            proxy.rule(r -> {
                if (r.path().endsWith("/Users")) {
                    listings.add(r.target());
                }
                return FaultProxy.Fault.forward();
            });
            CliResult r = new CliRunner(config).env("SCIMCTL_URL", proxy.baseUrl()).env("SCIMCTL_TOKEN", s.token())
                    .run("users", "get", (prefix + "-ORG@EXAMPLE.COM").toUpperCase(java.util.Locale.ROOT), "-o", "json")
                    .assertExit(ExitCode.OK);
            assertThat(JSON.readTree(r.out()).path("userName").asText()).isEqualTo(prefix + "-org@example.com");
            // SCIMMY compares userName case-sensitively: its miss costs one more filtered request, never a listing.
            assertThat(listings).hasSizeLessThanOrEqualTo(2).allMatch(t -> t.contains("filter="));
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void groups_hold_the_imported_members(Supplier<Server> server) throws Exception {
        Server s = server.get();
        String prefix = prefix();
        cli(s).run("import", "--yes", usersCsv(prefix).toString()).assertExit(ExitCode.OK);

        CliResult list = cli(s).run("groups", "list", "-o", "ndjson").assertExit(ExitCode.OK);
        assertThat(list.out()).contains(prefix + "-Staff").contains(prefix + "-Technicians");
        CliResult staff = cli(s).run("groups", "get", prefix + "-Staff", "-o", "ndjson").assertExit(ExitCode.OK);
        assertThat(staff.out().toLowerCase()).contains(prefix + "-eve@example.com").contains(prefix + "-org@example.com")
                .doesNotContain(prefix + "-tech@example.com");
    }
}
