package dev.scimctl.mapping;

import dev.scimctl.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RoleCatalogTest {
    private static RoleCatalog parse(String text) {
        return RoleCatalog.parse(text.getBytes(StandardCharsets.UTF_8), "roles");
    }

    @Test
    void reads_an_excel_csv_with_bom_semicolons_and_either_spelling_of_the_type() {
        RoleCatalog c = parse("\uFEFFName;Type;ID\r\nHelp Desk Technician;TECHNICIAN;11\r\n\"Portal; Basic\";endUser;\r\n"
                + "Portal User ;END_USER;12\r\n");
        assertThat(c.names(null)).containsExactly("Help Desk Technician", "Portal User", "Portal; Basic");
        assertThat(c.typesOf("Help Desk Technician")).containsExactly(RoleType.TECHNICIAN);
        assertThat(c.typesOf("Portal User")).containsExactly(RoleType.END_USER);
        assertThat(c.names(RoleType.END_USER)).containsExactly("Portal User", "Portal; Basic");
        assertThat(c.roles()).extracting(Role::id).containsExactly("11", "12", null);
    }

    @Test
    void reads_ninjaone_roles_json_with_its_other_fields_and_a_system_admin_flag() {
        RoleCatalog c = parse("""
                [
                  {"id": 1, "name": "Help Desk Technician", "roleType": "TECHNICIAN", "description": "x", "permissions": {"a": 1}},
                  {"id": 2, "name": "Full Control", "type": "TECHNICIAN", "systemAdmin": true},
                  {"id": 3, "name": "Portal User", "type": "END_USER"},
                  {"id": 4, "name": "Standard", "type": "END_USER"},
                  {"id": 5, "name": "Standard", "type": "TECHNICIAN"}
                ]
                """);
        assertThat(c.isSystemAdmin("Full Control")).isTrue();
        assertThat(c.isSystemAdmin("Help Desk Technician")).isFalse();
        assertThat(c.typesOf("Standard")).isEqualTo(Set.of(RoleType.TECHNICIAN, RoleType.END_USER));
        assertThat(parse("{\"roles\": [{\"name\": \"R\", \"type\": \"technician\"}]}").contains("R")).isTrue();
    }

    @Test
    void a_role_json_without_a_type_is_kept_with_the_type_unknown() {
        RoleCatalog c = parse("[{\"name\": \"Some Role\"}]");
        assertThat(c.contains("Some Role")).isTrue();
        assertThat(c.typesOf("Some Role")).isEmpty();
        assertThat(c.names(RoleType.TECHNICIAN)).containsExactly("Some Role");
    }

    @Test
    void a_wrong_type_is_reported_with_its_line() {
        assertThatThrownBy(() -> parse("name,type\nA,TECHNICIAN\nB,admin\n")).isInstanceOf(InputException.class)
                .hasMessage("roles:3: role \"B\" has type \"admin\", which is neither TECHNICIAN (technician) nor "
                        + "END_USER (endUser): fix it");
        assertThatThrownBy(() -> parse("[\n {\"name\": \"A\", \"type\": \"boss\"}\n]"))
                .hasMessageStartingWith("roles:2:2: role \"A\" has type \"boss\"");
    }

    @Test
    void a_csv_without_the_needed_columns_names_the_ones_it_has() {
        assertThatThrownBy(() -> parse("role,kind\nA,TECHNICIAN\n"))
                .hasMessage("roles:1: the roles CSV has no \"name\" column (its header has: role, kind): it needs "
                        + "\"name\" and \"type\" columns");
    }

    @Test
    void a_file_that_is_not_utf8_says_how_to_save_it() {
        byte[] latin1 = "name,type\nT\u00e9cnico,TECHNICIAN\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> RoleCatalog.parse(latin1, "roles.csv")).hasMessageContaining("not UTF-8")
                .hasMessageContaining("CSV UTF-8");
    }

    @ParameterizedTest
    @ValueSource(strings = {"System Administrator", "system admin", "SystemAdmins", "NOC system_administrator",
            "System-Admin (all orgs)"})
    void names_like_a_system_administrator_role_are_recognised(String name) {
        assertThat(SystemAdminRoles.nameLooksLikeSystemAdmin(name)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Administrator", "Systems Analyst", "Help Desk Admin", "Ecosystem Administration"})
    void other_names_are_not_system_administrator_roles(String name) {
        assertThat(SystemAdminRoles.nameLooksLikeSystemAdmin(name)).isFalse();
    }

    @Test
    void reads_csv_as_the_csv_package_does_utf16_tabs_and_a_backslash_kept() {
        byte[] utf16 = "\uFEFFname\ttype\n\"Tier\\\"\"1\"\tTECHNICIAN\n".getBytes(StandardCharsets.UTF_16LE);
        // The backslash is a character, as Excel writes it, not an escape of the quote that follows.
        assertThat(RoleCatalog.parse(utf16, "roles").roles()).extracting(Role::name).containsExactly("Tier\\\"1");
        assertThat(parse("name,type\n\"a \\\"\"b\"\"\",endUser\n").roles()).extracting(Role::name)
                .containsExactly("a \\\"b\"");
    }

    @Test
    void a_workbook_given_as_roles_is_refused_as_validate_refuses_it() {
        assertThatThrownBy(() -> RoleCatalog.parse(new byte[]{'P', 'K', 3, 4, 0, 0}, "roles.xlsx"))
                .isInstanceOf(InputException.class).hasMessageContaining("Excel workbook");
    }
}
