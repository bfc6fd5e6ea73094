package dev.scimctl.cli.mapgroups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.ExitCode;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code map-groups explain USER} against a real SCIM server. */
@Timeout(60)
class MapGroupsExplainCommandTest {
    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @TempDir
    Path dir;

    private Path mapping;
    /** {@code map-groups explain} against the server, with this test's mapping file. */
    private CliRunner explain;
    private String alice;
    private String bob;
    private String frank;

    @BeforeEach
    void seed() throws Exception {
        alice = user("alice@example.com", "technician", true);
        bob = user("bob@example.com", "technician", true);
        frank = user("frank@example.com", null, false);
        user("nogroups@example.com", "endUser", true);
        server.seedGroup("Help Desk", alice, bob);
        server.seedGroup("NOC", alice);
        server.seedGroup("All Staff", bob, frank);
        server.seedGroup("VPN Users", alice, frank);
        mapping = dir.resolve("group-roles.json");
        Files.writeString(mapping, """
                {"version": 1, "groups": [
                  {"group": "Help Desk", "type": "technician", "roles": ["Help Desk Technician", "Remote Access"]},
                  {"group": "NOC", "type": "technician", "roles": ["NOC Operator", "System Administrator"]},
                  {"group": "All Staff", "type": "endUser", "roles": ["Portal User"]}
                ]}
                """);
        explain = new CliRunner(dir).connectedTo(server).prefix("map-groups", "explain", "--mapping=" + mapping);
    }

    private String user(String userName, String userType, boolean active) {
        ObjectNode u = JsonNodeFactory.instance.objectNode();
        u.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        u.put("userName", userName);
        u.put("active", active);
        ObjectNode ext = u.putObject("urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User");
        if (userType != null) {
            ext.put("userType", userType);
        }
        return server.seedUser(u);
    }

    @Test
    void explains_a_technician_with_the_roles_of_each_group_and_where_they_come_from() {
        CliResult r = explain.run("ALICE@example.com").assertExit(ExitCode.OK);
        assertThat(r.out()).contains("User:   alice@example.com (id " + alice + ", active, userType technician)")
                .contains("Groups: Help Desk  → technician: Help Desk Technician, Remote Access")
                .contains("        NOC        → technician: NOC Operator, System Administrator")
                .contains("        VPN Users  → not mapped: no roles")
                .contains("Result: alice@example.com would be a technician with the roles Help Desk Technician, "
                        + "NOC Operator, Remote Access (from Help Desk, NOC)")
                .contains("the roles come from 2 groups")
                .contains("left out: System Administrator (from NOC)");
    }

    @Test
    void explains_a_conflict_between_technician_and_end_user_groups() throws Exception {
        JsonNode json = new ObjectMapper().readTree(explain.run("bob@example.com", "-o", "json").assertExit(ExitCode.OK).out());
        assertThat(json.path("verdict").asText()).isEqualTo("conflict");
        assertThat(json.path("roles").path("technician")).extracting(JsonNode::asText)
                .containsExactly("Help Desk Technician", "Remote Access");
        assertThat(json.path("roles").path("endUser")).extracting(JsonNode::asText).containsExactly("Portal User");
        assertThat(json.path("summary").asText()).contains("technician roles from Help Desk and end-user roles from All Staff");
        assertThat(json.path("user").path("id").asText()).isEqualTo(bob);
    }

    @Test
    void explains_an_end_user_by_id_with_a_missing_user_type_and_inactive() {
        CliResult r = explain.run(frank).assertExit(ExitCode.OK);
        assertThat(r.out()).contains("frank@example.com (id " + frank + ", inactive, userType not set)")
                .contains("Result: frank@example.com would be an end user with the role Portal User (from All Staff)")
                .contains("is inactive");
    }

    @Test
    void a_user_in_no_mapped_group_gets_no_roles_and_says_why() {
        CliResult r = explain.run("nogroups@example.com").assertExit(ExitCode.OK);
        assertThat(r.out()).contains("Groups: none on the server")
                .contains("Result: nogroups@example.com is in no group on the server, so the mapping gives them no roles");
    }

    @Test
    void an_unknown_user_is_a_usage_error() {
        CliResult r = explain.run("nobody@example.com").assertExit(ExitCode.PROBLEMS);
        assertThat(r.err()).contains("no user \"nobody@example.com\" on " + server.baseUrl());
        assertThat(r.out()).isEmpty();
    }
}
