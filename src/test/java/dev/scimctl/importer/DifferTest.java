package dev.scimctl.importer;

import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimctl.scim.model.ScimUser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DifferTest {
    private static ScimUser user(String userName, String given, String family, Boolean active, String type, String org) {
        return new ScimUser(List.of(), "id-1", null, userName, new ScimUser.Name(given, family, null), null,
                List.of(new ScimUser.Email(userName, "work", true)), active, null, null,
                type == null && org == null ? null : new ScimUser.NinjaOne(type, org == null ? null : TextNode.valueOf(org)));
    }

    private static ImportRow row(String email, String given, String family, String type, String org) {
        return ImportRow.of(2, email, given, family, type, org, List.of());
    }

    @Test
    void userName_and_email_case_and_spelling_of_defaults_are_not_changes() {
        ScimUser server = user("Ada@Example.com", "Ada", "Lovelace", null, null, null);
        assertThat(Differ.diff(row("ada@example.COM", "Ada", "Lovelace", "", "all"), server)).isEmpty();
        assertThat(Differ.diff(row("ada@example.com", "Ada", "Lovelace", "endUser", ""), server)).isEmpty();
    }

    @Test
    void technician_in_any_case_matches_and_a_leading_zero_organization_id_matches_the_number() {
        ScimUser server = user("a@x.io", "A", "B", true, "Technician", "7");
        assertThat(Differ.diff(row("a@x.io", "A", "B", "TECHNICIAN", "007"), server)).isEmpty();
    }

    @Test
    void a_column_the_file_does_not_have_is_not_managed() {
        ScimUser server = user("a@x.io", "A", "B", true, "technician", "7");
        assertThat(Differ.diff(row("a@x.io", "A", "B", null, null), server)).isEmpty();
    }

    @Test
    void an_emptied_user_type_cell_turns_a_technician_back_into_an_end_user() {
        ScimUser server = user("a@x.io", "A", "B", true, "technician", null);
        assertThat(Differ.diff(row("a@x.io", "A", "B", "", null), server)).extracting(Change::toString)
                .containsExactly("userType: \"technician\" → \"endUser\"");
    }

    @Test
    void an_inactive_user_in_the_file_is_reactivated_and_names_are_case_sensitive() {
        ScimUser server = user("a@x.io", "ada", "B", false, null, null);
        assertThat(Differ.diff(row("a@x.io", "Ada", "B", null, null), server)).extracting(Change::toString)
                .containsExactly("givenName: \"ada\" → \"Ada\"", "active: \"false\" → \"true\"");
    }

    @Test
    void a_blank_name_never_erases_the_servers_name() {
        ScimUser server = user("a@x.io", "Ada", "B", true, null, null);
        assertThat(Differ.diff(row("a@x.io", "", "B", null, null), server)).isEmpty();
    }

    @Test
    void deactivation_changes_only_active_and_nothing_for_an_inactive_user() {
        assertThat(Differ.deactivation(user("a@x.io", "A", "B", true, null, null))).extracting(Change::toString)
                .containsExactly("active: \"true\" → \"false\"");
        assertThat(Differ.deactivation(user("a@x.io", "A", "B", false, null, null))).isEmpty();
    }
}
