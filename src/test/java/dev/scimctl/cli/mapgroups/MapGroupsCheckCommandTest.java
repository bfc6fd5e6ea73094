package dev.scimctl.cli.mapgroups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.ExitCode;
import dev.scimctl.output.Terminals;
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
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code map-groups check} against a real SCIM server holding groups and members: one test per finding. */
@Timeout(60)
class MapGroupsCheckCommandTest {
    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create(b -> b.maxPageSize(2));

    @TempDir
    Path dir;

    private Path mapping;
    private Path roles;

    @BeforeEach
    void files() throws Exception {
        mapping = dir.resolve("group-roles.json");
        roles = dir.resolve("roles.csv");
        Files.writeString(roles, """
                name,type
                Help Desk Technician,TECHNICIAN
                Remote Access,TECHNICIAN
                System Administrator,TECHNICIAN
                Portal User,END_USER
                Contractor Portal,END_USER
                """);
    }

    private CliRunner cli() {
        return new CliRunner(dir).env("SCIMCTL_URL", server.baseUrl()).env("SCIMCTL_TOKEN", server.token());
    }

    private String user(String userName, String userType) {
        ObjectNode u = JsonNodeFactory.instance.objectNode();
        u.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        u.put("userName", userName);
        u.put("active", true);
        ObjectNode ext = u.putObject("urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User");
        if (userType != null) {
            ext.put("userType", userType);
        }
        return server.seedUser(u);
    }

    /** Writes the mapping by hand, as an administrator might (set refuses some of these mistakes up front). */
    private void mapping(String groupsJson) throws Exception {
        Files.writeString(mapping, "{\"version\": 1, \"groups\": [" + groupsJson + "]}");
    }

    private static String entry(String group, String type, String... roles) {
        return "{\"group\": \"" + group + "\", \"type\": \"" + type + "\", \"roles\": [\"" + String.join("\", \"", roles) + "\"]}";
    }

    private JsonNode checkJson(int exit, String... extra) throws Exception {
        List<String> args = new ArrayList<>(List.of("map-groups", "check", "--mapping", mapping.toString(), "-o", "json"));
        args.addAll(List.of(extra));
        CliResult r = cli().run(args.toArray(String[]::new)).assertExit(exit);
        return new ObjectMapper().readTree(r.out());
    }

    private static List<JsonNode> findings(JsonNode report, String code) {
        List<JsonNode> found = new ArrayList<>();
        report.path("findings").forEach(f -> {
            if (f.path("code").asText().equals(code)) {
                found.add(f);
            }
        });
        return found;
    }

    @Test
    void a_mapped_group_the_server_does_not_hold_is_an_error_with_a_suggestion() throws Exception {
        server.seedGroup("Help Desk", user("alice@example.com", "technician"));
        mapping(entry("Helpdesk", "technician", "Help Desk Technician"));
        JsonNode report = checkJson(ExitCode.PROBLEMS);
        List<JsonNode> unknown = findings(report, "unknown-group");
        assertThat(unknown).hasSize(1);
        assertThat(unknown.get(0).path("severity").asText()).isEqualTo("error");
        assertThat(unknown.get(0).path("subject").asText()).isEqualTo("Helpdesk");
        assertThat(unknown.get(0).path("message").asText()).contains("did you mean \"Help Desk\"?");
    }

    @Test
    void a_server_group_no_entry_maps_is_a_warning_that_names_it() throws Exception {
        String alice = user("alice@example.com", "technician");
        server.seedGroup("Help Desk", alice);
        server.seedGroup("VPN Users", alice, user("bob@example.com", null));
        mapping(entry("Help Desk", "technician", "Help Desk Technician"));
        JsonNode report = checkJson(ExitCode.OK);
        List<JsonNode> unmapped = findings(report, "unmapped-group");
        assertThat(unmapped).extracting(f -> f.path("subject").asText()).containsExactly("VPN Users");
        assertThat(unmapped.get(0).path("severity").asText()).isEqualTo("warning");
        assertThat(unmapped.get(0).path("message").asText()).contains("(2 members)");
        assertThat(report.path("ok").asBoolean()).isTrue();
    }

    @Test
    void a_role_the_roles_file_does_not_list_is_an_error() throws Exception {
        server.seedGroup("Help Desk", user("alice@example.com", "technician"));
        mapping(entry("Help Desk", "technician", "Help Desk Tech", "Remote Access"));
        JsonNode report = checkJson(ExitCode.PROBLEMS, "--roles", roles.toString());
        List<JsonNode> unknown = findings(report, "unknown-role");
        assertThat(unknown).hasSize(1);
        assertThat(unknown.get(0).path("related").get(0).asText()).isEqualTo("Help Desk Tech");
        assertThat(unknown.get(0).path("message").asText()).contains("did you mean \"Help Desk Technician\"?");
        assertThat(report.path("roles").asText()).isEqualTo(roles.toString());
    }

    @Test
    void without_a_roles_file_role_names_are_not_checked_and_it_says_so() throws Exception {
        server.seedGroup("Help Desk", user("alice@example.com", "technician"));
        mapping(entry("Help Desk", "technician", "Anything At All"));
        CliResult r = cli().run("map-groups", "check", "--mapping", mapping.toString()).assertExit(ExitCode.OK);
        assertThat(r.err()).contains("role names were not checked").contains("check passed: 0 errors, 0 warnings");
    }

    @Test
    void a_group_mapped_to_technician_and_end_user_roles_is_an_error() throws Exception {
        server.seedGroup("Help Desk", user("alice@example.com", "technician"));
        mapping(entry("Help Desk", "technician", "Help Desk Technician", "Portal User"));
        JsonNode report = checkJson(ExitCode.PROBLEMS, "--roles", roles.toString());
        List<JsonNode> mixed = findings(report, "mixed-role-types");
        assertThat(mixed).hasSize(1);
        assertThat(mixed.get(0).path("message").asText())
                .contains("technician roles (Help Desk Technician) and end-user roles (Portal User)");
    }

    @Test
    void a_system_administrator_role_is_an_error_even_without_a_roles_file() throws Exception {
        server.seedGroup("IT Admins", user("root@example.com", "technician"));
        mapping(entry("IT Admins", "technician", "System Administrator"));
        JsonNode report = checkJson(ExitCode.PROBLEMS);
        assertThat(findings(report, "system-admin-role")).singleElement()
                .satisfies(f -> assertThat(f.path("message").asText()).contains("cannot assign system administrators via SCIM"));
    }

    @Test
    void a_user_in_groups_of_both_types_is_an_error_listed_by_username_with_the_groups() throws Exception {
        String bob = user("bob@example.com", "technician");
        server.seedGroup("Help Desk", bob, user("alice@example.com", "technician"));
        server.seedGroup("All Staff", bob, user("carol@example.com", "endUser"));
        mapping(entry("Help Desk", "technician", "Help Desk Technician") + "," + entry("All Staff", "endUser", "Portal User"));
        JsonNode report = checkJson(ExitCode.PROBLEMS, "--roles", roles.toString());
        List<JsonNode> both = findings(report, "user-in-both-types");
        assertThat(both).hasSize(1);
        assertThat(both.get(0).path("subject").asText()).isEqualTo("bob@example.com");
        assertThat(both.get(0).path("related")).extracting(JsonNode::asText).containsExactly("Help Desk", "All Staff");
        assertThat(both.get(0).path("message").asText())
                .contains("technician groups (Help Desk) and end-user groups (All Staff)");
        assertThat(report.path("errors").asInt()).isEqualTo(1);
    }

    @Test
    void a_user_in_several_groups_of_one_type_is_a_warning_listed_by_username_with_the_groups() throws Exception {
        String erin = user("erin@example.com", "endUser");
        server.seedGroup("All Staff", erin, user("carol@example.com", "endUser"));
        server.seedGroup("Contractors", erin);
        mapping(entry("All Staff", "endUser", "Portal User") + "," + entry("Contractors", "endUser", "Contractor Portal"));
        JsonNode report = checkJson(ExitCode.OK, "--roles", roles.toString());
        List<JsonNode> several = findings(report, "user-in-several-groups");
        assertThat(several).extracting(f -> f.path("subject").asText()).containsExactly("erin@example.com");
        assertThat(several.get(0).path("related")).extracting(JsonNode::asText).containsExactly("All Staff", "Contractors");
        assertThat(several.get(0).path("severity").asText()).isEqualTo("warning");
    }

    @Test
    void a_user_whose_user_type_disagrees_with_the_roles_is_a_warning() throws Exception {
        server.seedGroup("Help Desk", user("dave@example.com", null), user("alice@example.com", "Technician"));
        mapping(entry("Help Desk", "technician", "Help Desk Technician"));
        JsonNode report = checkJson(ExitCode.OK);
        assertThat(findings(report, "user-type-mismatch")).singleElement().satisfies(f -> {
            assertThat(f.path("subject").asText()).isEqualTo("dave@example.com");
            assertThat(f.path("message").asText()).contains("(none, which means endUser)");
        });
    }

    @Test
    void a_name_that_differs_in_case_only_is_a_warning_and_counts_as_held() throws Exception {
        server.seedGroup("Help Desk", user("alice@example.com", "technician"));
        mapping(entry("HELP DESK", "technician", "Help Desk Technician"));
        JsonNode report = checkJson(ExitCode.OK);
        assertThat(findings(report, "group-name-case")).hasSize(1);
        assertThat(findings(report, "unknown-group")).isEmpty();
        assertThat(findings(report, "unmapped-group")).isEmpty();
    }

    @Test
    void a_name_that_differs_only_in_unicode_form_is_the_same_group_and_says_so() throws Exception {
        // "é" as one code point on the server (as Duo sends it), as "e" plus a combining accent in the file (as some
        // editors and macOS copy-and-paste write it): they look alike, and NinjaOne's console shows them alike.
        server.seedGroup("Caf\u00e9 Staff", user("alice@example.com", "endUser"));
        mapping(entry("Cafe\u0301 Staff", "endUser", "Portal User"));
        JsonNode report = checkJson(ExitCode.OK, "--roles", roles.toString());
        assertThat(findings(report, "unknown-group")).isEmpty();
        assertThat(findings(report, "unmapped-group")).isEmpty();
        assertThat(findings(report, "group-name-case")).singleElement()
                .satisfies(f -> assertThat(f.path("message").asText()).contains("Unicode"));
        CliResult explained = cli().run("map-groups", "explain", "alice@example.com", "--mapping", mapping.toString())
                .assertExit(ExitCode.OK);
        assertThat(explained.out()).contains("Portal User").doesNotContain("not mapped");
    }

    @Test
    void a_group_among_the_members_is_noted_not_expanded() throws Exception {
        String inner = server.seedGroup("Tier 2", user("t2@example.com", "technician"));
        server.seedGroup("Help Desk", inner, user("alice@example.com", "technician"));
        mapping(entry("Help Desk", "technician", "Help Desk Technician") + "," + entry("Tier 2", "technician", "Remote Access"));
        JsonNode report = checkJson(ExitCode.OK);
        assertThat(findings(report, "nested-group")).singleElement()
                .satisfies(f -> assertThat(f.path("severity").asText()).isEqualTo("info"));
        assertThat(findings(report, "user-in-several-groups")).isEmpty();
    }

    @Test
    void text_on_a_terminal_and_tsv_in_a_pipe_with_the_summary_on_stderr() throws Exception {
        server.seedGroup("Help Desk", user("alice@example.com", "technician"));
        server.seedGroup("VPN Users");
        mapping(entry("Help Desk", "technician", "Help Desk Technician"));
        CliResult piped = cli().run("map-groups", "check", "--mapping", mapping.toString()).assertExit(ExitCode.OK);
        assertThat(piped.out().lines()).containsExactly("warning\tunmapped-group\tVPN Users\t\"VPN Users\" (0 members) is "
                + "on the server, but no entry maps it: it gives its members no roles; map it, or remove it from the "
                + "NinjaOne application in Duo");
        assertThat(piped.err()).contains("check passed: 0 errors, 1 warning (1 mapped group in " + mapping
                + "; 2 groups on " + server.baseUrl() + ")");
        CliResult terminal = cli().env("NO_COLOR", "1").terminals(Terminals.ALL)
                .run("map-groups", "check", "--mapping", mapping.toString()).assertExit(ExitCode.OK);
        assertThat(terminal.out()).startsWith("warning unmapped-group  \"VPN Users\" (0 members)").doesNotContain("\t");
    }

    @Test
    void a_hand_broken_mapping_file_exits_3_with_line_and_column_and_no_stack_trace() throws Exception {
        Files.writeString(mapping, "{\n  \"version\": 1,\n  \"groups\": [\n    {\"group\": \"A\", \"type\": \"Technician\", "
                + "\"roles\": [\"R\"]}\n  ]\n}\n");
        CliResult r = cli().run("map-groups", "check", "--mapping", mapping.toString()).assertExit(ExitCode.INPUT);
        assertThat(r.err().strip()).isEqualTo("error: " + mapping + ":4:28: \"type\" is \"Technician\", but it must be "
                + "\"technician\" or \"endUser\": write \"technician\"");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void a_missing_mapping_file_exits_3_and_no_server_settings_exit_2() {
        CliResult missing = cli().run("map-groups", "check", "--mapping", mapping.toString()).assertExit(ExitCode.INPUT);
        assertThat(missing.err()).contains("no such mapping file: create it with 'scimctl map-groups set GROUP --type "
                + "technician --role ROLE' (or the editor, 'scimctl map-groups'), or name another with --mapping FILE");
        CliResult noUrl = new CliRunner(dir).env("SCIMCTL_URL", null).env("SCIMCTL_TOKEN", null)
                .run("map-groups", "set", "G", "-t", "technician", "-r", "R", "--mapping", mapping.toString());
        noUrl.assertExit(ExitCode.OK);
        new CliRunner(dir).run("map-groups", "check", "--mapping", mapping.toString()).assertExit(ExitCode.USAGE);
    }

    @Test
    void a_refused_token_exits_4() throws Exception {
        mapping(entry("Help Desk", "technician", "Help Desk Technician"));
        new CliRunner(dir).env("SCIMCTL_URL", server.baseUrl()).env("SCIMCTL_TOKEN", "wrong-token-1234")
                .run("map-groups", "check", "--mapping", mapping.toString()).assertExit(ExitCode.AUTH);
    }
}
