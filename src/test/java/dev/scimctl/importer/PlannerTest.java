package dev.scimctl.importer;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.scimctl.scim.model.ScimGroup;
import dev.scimctl.scim.model.ScimUser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Planning decisions that need no server: the state is given. */
class PlannerTest {
    private static RemoteUser user(String id, String userName, boolean active) {
        ScimUser u = new ScimUser(List.of(), id, null, userName, new ScimUser.Name("G", "F", null), null,
                List.of(new ScimUser.Email(userName, "work", true)), active, null, null, null);
        return new RemoteUser(JsonNodeFactory.instance.objectNode(), u);
    }

    private static ImportRow row(long line, String email, String... groups) {
        return ImportRow.of(line, email, "G", "F", null, null, List.of(groups));
    }

    private static ScimGroup group(String id, String name, ScimGroup.Member... members) {
        return new ScimGroup(List.of(), id, null, name, List.of(members), null);
    }

    private static ScimGroup.Member member(String id, String type) {
        return new ScimGroup.Member(id, id + "-display", type, null);
    }

    @Test
    void users_of_skipped_rows_are_neither_deactivated_nor_taken_out_of_groups() {
        RemoteState remote = RemoteState.of(List.of(user("u1", "kept@x.io", true), user("u2", "skipped@x.io", true),
                user("u3", "gone@x.io", true), user("u4", "off@x.io", false)),
                List.of(group("g1", "Staff", member("u1", "User"), member("u2", "User"), member("u3", "User"))), true);

        Plan plan = Planner.plan(List.of(row(2, "kept@x.io", "Staff")),
                List.of(new SkippedRow(3, "Skipped@x.io", "bad userType")), remote, new Planner.Options(true, true));

        assertThat(plan.users()).filteredOn(s -> s.action() == UserStep.Action.DEACTIVATE)
                .extracting(UserStep::userName).containsExactly("gone@x.io"); // off@x.io is inactive already
        assertThat(plan.groups()).singleElement().satisfies(g ->
                assertThat(g.remove()).extracting(GroupStep.Member::id).containsExactly("u3"));
    }

    @Test
    void sync_keeps_nested_groups_and_adds_only_missing_members_matching_names_ignoring_case() {
        RemoteState remote = RemoteState.of(List.of(user("u1", "a@x.io", true)),
                List.of(group("g1", "Sales", member("u1", "User"), member("g9", "Group"))), true);

        Plan plan = Planner.plan(List.of(row(2, "A@X.IO", "sales"), row(3, "new@x.io", "SALES", "Support")), List.of(),
                remote, new Planner.Options(false, true));

        assertThat(plan.groups()).extracting(GroupStep::displayName).containsExactly("Sales", "Support");
        GroupStep sales = plan.groups().get(0);
        assertThat(sales.id()).isEqualTo("g1");
        assertThat(sales.add()).containsExactly("new@x.io");
        assertThat(sales.remove()).isEmpty();
        assertThat(plan.groups().get(1).create()).isTrue();
        assertThat(plan.counts().changes()).isEqualTo(1 + 1 + 1 + 1); // create new@, +Sales, create Support, +Support
    }

    @Test
    void without_sync_groups_no_member_is_ever_removed() {
        RemoteState remote = RemoteState.of(List.of(), List.of(group("g1", "Sales", member("u7", "User"))), true);
        Plan plan = Planner.plan(List.of(row(2, "a@x.io", "Sales")), List.of(), remote, new Planner.Options(false, false));
        assertThat(plan.groups().get(0).remove()).isEmpty();
    }

    @Test
    void a_second_row_for_the_same_user_is_skipped_not_applied_twice() {
        Plan plan = Planner.plan(List.of(row(2, "a@x.io"), row(5, "A@x.io")), List.of(), RemoteState.empty(),
                new Planner.Options(false, false));
        assertThat(plan.users()).hasSize(1);
        assertThat(plan.skipped()).singleElement().satisfies(s -> {
            assertThat(s.line()).isEqualTo(5);
            assertThat(s.reason()).isEqualTo("the same userName as line 2");
        });
    }

    @Test
    void deactivate_missing_refuses_a_state_that_does_not_know_every_user() {
        RemoteState partial = RemoteState.of(List.of(), List.of(), false);
        assertThatThrownBy(() -> Planner.plan(List.of(row(2, "a@x.io")), List.of(), partial,
                new Planner.Options(true, false))).isInstanceOf(IllegalStateException.class);
    }
}
