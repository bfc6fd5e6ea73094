package dev.scimctl.cli.mapgroups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimctl.ExitCode;
import dev.scimctl.mapping.GroupRoleMapping;
import dev.scimctl.mapping.MappingFile;
import dev.scimctl.mapping.RoleType;
import dev.scimctl.output.Terminals;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The offline map-groups commands (set, unset, list) and the group command itself. */
@Timeout(60)
class MapGroupsCommandTest {
    @TempDir
    Path dir;

    private Path mapping;
    /** scimctl, with this test's folder for its config. */
    private CliRunner cli;
    /** {@code map-groups set}, on this test's mapping file. */
    private CliRunner set;
    private Path roles;

    @BeforeEach
    void files() throws Exception {
        mapping = dir.resolve("group-roles.json");
        cli = new CliRunner(dir);
        set = new CliRunner(dir).prefix("map-groups", "set", "--mapping", mapping.toString());
        roles = dir.resolve("roles.json");
        // The shape of NinjaOne's GET /v2/user/roles, with fields scimctl does not use.
        Files.writeString(roles, """
                [
                  {"id": 1, "name": "Help Desk Technician", "type": "TECHNICIAN", "description": "tier 1"},
                  {"id": 2, "name": "Remote Access", "type": "TECHNICIAN"},
                  {"id": 3, "name": "Full Control", "type": "TECHNICIAN", "systemAdmin": true},
                  {"id": 4, "name": "Portal User", "type": "END_USER"}
                ]
                """);
    }

    @Test
    void set_creates_the_file_and_then_keeps_the_previous_version_as_bak() throws Exception {
        set.run("Help Desk", "--type", "technician", "--role", "Remote Access", "--role", "Help Desk Technician")
                .assertExit(ExitCode.OK);
        assertThat(MappingFile.backupOf(mapping)).doesNotExist();
        String first = Files.readString(mapping);
        assertThat(first).contains("\"Help Desk Technician\",\n        \"Remote Access\"");

        CliResult r = set.run("All Staff", "-t", "endUser", "-r", "Portal User", "--note", "everyone").assertExit(ExitCode.OK);
        assertThat(r.err()).contains("mapped \"All Staff\" to end-user roles: Portal User")
                .contains("the previous version is " + MappingFile.backupOf(mapping));
        assertThat(Files.readString(MappingFile.backupOf(mapping))).isEqualTo(first);
        assertThat(MappingFile.read(mapping).groups()).containsExactly("All Staff", "Help Desk");
        assertThat(MappingFile.read(mapping).find("All Staff").orElseThrow().note()).isEqualTo("everyone");
    }

    @Test
    void set_replaces_the_roles_keeps_the_note_and_matches_the_group_ignoring_case() throws Exception {
        set.run("All Staff", "-t", "endUser", "-r", "Portal User", "--note", "everyone").assertExit(ExitCode.OK);
        set.run("all staff", "-t", "endUser", "-r", "Other Portal").assertExit(ExitCode.OK);
        GroupRoleMapping m = MappingFile.read(mapping);
        assertThat(m.entries()).containsExactly(
                new GroupRoleMapping.Entry("all staff", RoleType.END_USER, List.of("Other Portal"), "everyone"));
    }

    @Test
    void setting_what_is_there_already_leaves_the_file_untouched() throws Exception {
        set.run("Help Desk", "-t", "technician", "-r", "Remote Access").assertExit(ExitCode.OK);
        FileTime old = FileTime.fromMillis(1_000_000L);
        Files.setLastModifiedTime(mapping, old);
        CliResult r = set.run("Help Desk", "-t", "TECHNICIAN", "-r", "Remote Access").assertExit(ExitCode.OK);
        assertThat(r.err()).contains("is mapped so already").contains("unchanged");
        assertThat(Files.getLastModifiedTime(mapping)).isEqualTo(old);
        assertThat(MappingFile.backupOf(mapping)).doesNotExist();
    }

    @Test
    void set_takes_the_type_from_the_roles_file_when_it_is_left_out() throws Exception {
        set.run("All Staff", "-r", "Portal User", "--roles", roles.toString()).assertExit(ExitCode.OK);
        assertThat(MappingFile.read(mapping).find("All Staff").orElseThrow().type()).isEqualTo(RoleType.END_USER);
        CliResult r = set.run("Staff", "-r", "Portal User").assertExit(ExitCode.USAGE);
        assertThat(r.err()).contains("give --type technician or --type endUser");
    }

    @Test
    void set_refuses_a_system_administrator_role_and_leaves_the_file_alone() throws Exception {
        set.run("Help Desk", "-t", "technician", "-r", "Remote Access").assertExit(ExitCode.OK);
        String before = Files.readString(mapping);
        CliResult byName = set.run("Admins", "-t", "technician", "-r", "System Administrator").assertExit(ExitCode.USAGE);
        assertThat(byName.err()).contains("a system-administrator role").contains("nothing was changed");
        CliResult byFlag = set.run("Admins", "-t", "technician", "-r", "Full Control", "--roles", roles.toString())
                .assertExit(ExitCode.USAGE);
        assertThat(byFlag.err()).contains("\"Full Control\", a system-administrator role");
        assertThat(Files.readString(mapping)).isEqualTo(before);
        assertThat(MappingFile.backupOf(mapping)).doesNotExist();
    }

    @Test
    void set_refuses_unknown_roles_and_roles_of_the_other_type_when_it_knows_the_roles() {
        CliResult unknown = set.run("Help Desk", "-t", "technician", "-r", "Help Desk Tech", "--roles", roles.toString())
                .assertExit(ExitCode.USAGE);
        assertThat(unknown.err()).contains("not a role in " + roles).contains("did you mean \"Help Desk Technician\"?");
        CliResult otherType = set.run("Help Desk", "-t", "technician", "-r", "Portal User", "--roles", roles.toString())
                .assertExit(ExitCode.USAGE);
        assertThat(otherType.err()).contains("all its roles are end-user roles (Portal User)");
        // Without --type a misspelt role said no type, and the message asked for --type instead of naming the typo.
        CliResult typo = set.run("All Staff", "-r", "portal user", "--roles", roles.toString()).assertExit(ExitCode.USAGE);
        assertThat(typo.err()).contains("\"portal user\", which is not a role in " + roles)
                .contains("did you mean \"Portal User\"?").doesNotContain("which type");
        assertThat(mapping).doesNotExist();
    }

    @Test
    void a_wrong_type_value_is_a_usage_error_naming_the_valid_ones() {
        CliResult r = set.run("Help Desk", "-t", "admin", "-r", "X").assertExit(ExitCode.USAGE);
        assertThat(r.err()).contains("'admin' is not a role type: use technician or endUser");
    }

    @Test
    void unset_removes_a_group_and_suggests_a_name_for_a_typo() throws Exception {
        set.run("Help Desk", "-t", "technician", "-r", "Remote Access").assertExit(ExitCode.OK);
        set.run("Contractors", "-t", "endUser", "-r", "Portal User").assertExit(ExitCode.OK);
        CliResult typo = cli.run("map-groups", "unset", "Contractor", "--mapping", mapping.toString()).assertExit(ExitCode.USAGE);
        assertThat(typo.err()).contains("\"Contractor\" is not in").contains("did you mean \"Contractors\"?");
        cli.run("map-groups", "unset", "contractors", "--mapping", mapping.toString()).assertExit(ExitCode.OK);
        assertThat(MappingFile.read(mapping).groups()).containsExactly("Help Desk");
        assertThat(MappingFile.read(MappingFile.backupOf(mapping)).groups()).containsExactly("Contractors", "Help Desk");
    }

    @Test
    void list_is_a_table_on_a_terminal_and_tab_separated_in_a_pipe() {
        set.run("Help Desk", "-t", "technician", "-r", "Remote Access", "-r", "Help Desk Technician").assertExit(ExitCode.OK);
        set.run("All Staff", "-t", "endUser", "-r", "Portal User").assertExit(ExitCode.OK);
        CliResult piped = cli.run("map-groups", "list", "--mapping", mapping.toString()).assertExit(ExitCode.OK);
        assertThat(piped.out()).isEqualTo("All Staff\tendUser\tPortal User\t\n"
                + "Help Desk\ttechnician\tHelp Desk Technician, Remote Access\t\n");
        CliResult terminal = new CliRunner(dir).terminals(Terminals.ALL).env("NO_COLOR", "1")
                .run("map-groups", "list", "--mapping", mapping.toString()).assertExit(ExitCode.OK);
        assertThat(terminal.out()).isEqualTo("""
                GROUP      TYPE        ROLES                                NOTE
                All Staff  endUser     Portal User
                Help Desk  technician  Help Desk Technician, Remote Access
                """);
    }

    @Test
    void list_as_markdown_is_a_checklist_for_the_console_technician_groups_first() {
        set.run("All Staff", "-t", "endUser", "-r", "Portal User", "--note", "*everyone*").assertExit(ExitCode.OK);
        set.run("Help Desk", "-t", "technician", "-r", "Remote Access").assertExit(ExitCode.OK);
        String md = cli.run("map-groups", "list", "--mapping", mapping.toString(), "-o", "md").assertExit(ExitCode.OK).out();
        assertThat(md).startsWith("# NinjaOne group mapping\n").contains("Group mapping")
                .contains("## Technician groups\n\n- [ ] **Help Desk** → Remote Access\n")
                .contains("## End-user groups\n\n- [ ] **All Staff** → Portal User\n  \\*everyone\\*\n");
        assertThat(md.indexOf("Technician groups")).isLessThan(md.indexOf("End-user groups"));
    }

    @Test
    void list_as_json_is_an_array_of_entries() throws Exception {
        set.run("Help Desk", "-t", "technician", "-r", "Remote Access").assertExit(ExitCode.OK);
        JsonNode json = new ObjectMapper().readTree(cli.run("map-groups", "list", "--mapping", mapping.toString(), "-o", "json")
                .assertExit(ExitCode.OK).out());
        assertThat(json.isArray()).isTrue();
        assertThat(json.get(0).path("group").asText()).isEqualTo("Help Desk");
        assertThat(json.get(0).path("type").asText()).isEqualTo("technician");
        assertThat(json.get(0).path("roles").get(0).asText()).isEqualTo("Remote Access");
    }

    @Test
    void a_hand_broken_file_exits_3_with_its_line_and_column() throws Exception {
        Files.writeString(mapping, "{\n  \"version\": 1,\n  \"groups\": [\n    {\"group\": \"A\" \"type\": \"technician\"}\n  ]\n}\n");
        CliResult r = cli.run("map-groups", "list", "--mapping", mapping.toString()).assertExit(ExitCode.INPUT);
        assertThat(r.err()).startsWith("error: " + mapping + ":4:19: not valid JSON").doesNotContain("Exception");
        CliResult setting = set.run("B", "-t", "technician", "-r", "R").assertExit(ExitCode.INPUT);
        assertThat(setting.err()).contains(":4:19:");
    }

    @Test
    void without_a_terminal_the_editor_prints_usage_and_exits_2() {
        CliResult r = cli.run("map-groups", "--mapping", mapping.toString()).assertExit(ExitCode.USAGE);
        assertThat(r.err()).contains("Usage: scimctl map-groups").contains("a subcommand is required");
        assertThat(r.out()).isEmpty();
        assertThat(mapping).doesNotExist();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "list", "set", "unset", "check", "explain"})
    void every_command_has_help_with_examples_and_exit_codes(String sub) {
        String[] args = sub.isEmpty() ? new String[]{"map-groups", "--help"} : new String[]{"map-groups", sub, "--help"};
        CliResult r = cli.run(args).assertExit(ExitCode.OK);
        assertThat(r.out()).contains("Example").contains("Exit codes");
        assertThat(r.out().lines()).allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(80));
    }
}
