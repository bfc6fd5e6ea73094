package dev.scimctl.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimClientConfig;
import dev.scimctl.scim.ScimJson;
import dev.scimctl.scim.Secret;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** Plans applied to the real in-process SCIM server, read back from its store. */
@Timeout(60)
class ApplierTest {
    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create(b -> b.maxPageSize(50));

    static ScimClient client(ScimServerExtension s) {
        return new ScimClient(ScimClientConfig.of(URI.create(s.baseUrl()), new Secret(s.token()))
                .withRetry(CliRunner.FAST_RETRIES));
    }

    static Results importRows(ScimServerExtension s, List<ImportRow> rows, Planner.Options options) {
        ScimClient client = client(s);
        ServerCapabilities caps = ServerCapabilities.discover(client, null);
        Plan plan = plan(client, caps, rows, options);
        return new Applier(client, caps, null, Progress.NONE, new AdaptiveLimit(4)).apply(plan);
    }

    static Plan plan(ScimClient client, ServerCapabilities caps, List<ImportRow> rows, Planner.Options options) {
        List<String> names = rows.stream().map(ImportRow::userName).toList();
        List<String> groups = rows.stream().flatMap(r -> r.groups().stream()).distinct().toList();
        RemoteState remote = RemoteState.read(client, caps, names, groups, options.deactivateMissing(), new AdaptiveLimit(4), Progress.NONE);
        return Planner.plan(rows, List.of(), remote, options);
    }

    static Plan plan(ScimServerExtension s, List<ImportRow> rows, Planner.Options options) {
        ScimClient client = client(s);
        return plan(client, ServerCapabilities.discover(client, null), rows, options);
    }

    static final Planner.Options PLAIN = new Planner.Options(false, false);

    static ImportRow row(long line, String email, String given, String family, String type, String org, String... groups) {
        return ImportRow.of(line, email, given, family, type, org, List.of(groups));
    }

    @Test
    void the_progress_counts_the_same_changes_as_the_plan_it_was_confirmed_with() {
        server.reset();
        ScimClient client = client(server);
        ServerCapabilities caps = ServerCapabilities.discover(client, null);
        List<ImportRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 12; i++) {
            rows.add(row(2 + i, "member" + i + "@example.com", "M", "Ember" + i, "endUser", "", "Staff", "Night shift"));
        }
        Plan plan = plan(client, caps, rows, PLAIN);
        long[] begun = new long[1];
        java.util.concurrent.atomic.AtomicLong stepped = new java.util.concurrent.atomic.AtomicLong();
        Progress counting = new Progress() {
            @Override
            public void begin(String phase, long total) {
                begun[0] = total;
                assertThat(phase).isEqualTo("applying changes");
            }

            @Override
            public void step(boolean failed) {
                stepped.incrementAndGet();
            }
        };
        Results r = new Applier(client, caps, null, counting, new AdaptiveLimit(4)).apply(plan);
        assertThat(r.allOk()).isTrue();
        // 12 users, 2 groups, 24 memberships: the confirmation asks about 38 changes, and the bar goes to 38.
        assertThat(plan.counts().changes()).isEqualTo(38);
        assertThat(begun[0]).isEqualTo(38);
        assertThat(stepped.get()).isEqualTo(38);
    }

    @Test
    void creates_users_with_the_ninjaone_attributes_and_reads_them_back() {
        Results r = importRows(server, List.of(
                row(2, "Ada@Example.com", "Ada", "Lovelace", "Technician", ""),
                row(3, "grace@example.com", "Grace", "Hopper", "endUser", "all"),
                row(4, "linus@example.com", "Linus", "Torvalds", "endUser", "0042"),
                row(5, "plain@example.com", "Plain", "User", "", "")), PLAIN);

        assertThat(r.allOk()).isTrue();
        assertThat(r.counts().created()).isEqualTo(4);
        ObjectNode ada = server.store().userByUserName("ada@example.com").orElseThrow();
        assertThat(ada.path("userName").asText()).isEqualTo("Ada@Example.com");
        assertThat(ada.path("name").path("givenName").asText()).isEqualTo("Ada");
        assertThat(ada.path("name").path("familyName").asText()).isEqualTo("Lovelace");
        assertThat(ada.path("active").asBoolean()).isTrue();
        JsonNode emails = ada.path("emails");
        assertThat(emails).hasSize(1);
        assertThat(emails.get(0).path("value").asText()).isEqualTo("Ada@Example.com");
        assertThat(emails.get(0).path("type").asText()).isEqualTo("work");
        assertThat(emails.get(0).path("primary").asBoolean()).isTrue();
        assertThat(ada.path(ScimJson.NINJAONE_USER).path("userType").asText()).isEqualTo("technician");
        assertThat(ada.path(ScimJson.NINJAONE_USER).has("organizationId")).isFalse();

        ObjectNode grace = server.store().userByUserName("grace@example.com").orElseThrow();
        assertThat(grace.path(ScimJson.NINJAONE_USER).path("organizationId").asText()).isEqualTo("All");
        ObjectNode linus = server.store().userByUserName("linus@example.com").orElseThrow();
        assertThat(linus.path(ScimJson.NINJAONE_USER).path("organizationId").asText()).isEqualTo("42");
        ObjectNode plain = server.store().userByUserName("plain@example.com").orElseThrow();
        assertThat(plain.has(ScimJson.NINJAONE_USER)).isFalse();
    }

    @Test
    void a_second_plan_of_the_same_rows_is_all_unchanged() {
        List<ImportRow> rows = List.of(row(2, "a@example.com", "A", "One", "technician", "", "Techs"),
                row(3, "b@example.com", "B", "Two", "endUser", "7", "Techs", "Users"));
        assertThat(importRows(server, rows, PLAIN).allOk()).isTrue();

        Plan again = plan(server, rows, new Planner.Options(false, true));
        assertThat(again.counts().changes()).isZero();
        assertThat(again.counts().unchanged()).isEqualTo(2);
    }

    @Test
    void an_edited_row_plans_exactly_its_edits() {
        importRows(server, List.of(row(2, "a@example.com", "A", "One", "technician", "")), PLAIN);

        Plan plan = plan(server, List.of(row(2, "A@EXAMPLE.COM", "A", "Uno", "endUser", "12")), PLAIN);

        assertThat(plan.users()).singleElement().satisfies(s -> {
            assertThat(s.action()).isEqualTo(UserStep.Action.UPDATE);
            assertThat(s.changes()).extracting(Change::toString).containsExactly(
                    "familyName: \"One\" → \"Uno\"", "userType: \"technician\" → \"endUser\"",
                    "organizationId: (none) → \"12\"");
        });
    }

    @Test
    void updates_by_patch_and_the_server_holds_the_new_values() {
        importRows(server, List.of(row(2, "a@example.com", "A", "One", "technician", "")), PLAIN);
        Results r = importRows(server, List.of(row(2, "a@example.com", "Ann", "One", "endUser", "5")), PLAIN);

        assertThat(r.counts().updated()).isEqualTo(1);
        ObjectNode a = server.store().userByUserName("a@example.com").orElseThrow();
        assertThat(a.path("name").path("givenName").asText()).isEqualTo("Ann");
        assertThat(a.path(ScimJson.NINJAONE_USER).path("userType").asText()).isEqualTo("endUser");
        assertThat(a.path(ScimJson.NINJAONE_USER).path("organizationId").asText()).isEqualTo("5");
    }

    @Test
    void a_user_that_appeared_after_the_plan_is_looked_up_and_updated_instead_of_failing() {
        ScimClient client = client(server);
        ServerCapabilities caps = ServerCapabilities.discover(client, null);
        ImportRow row = row(2, "late@example.com", "Late", "Comer", "technician", "");
        Plan plan = plan(client, caps, List.of(row), PLAIN);
        assertThat(plan.users().get(0).action()).isEqualTo(UserStep.Action.CREATE);
        server.seedUser("LATE@example.com");

        Results r = new Applier(client, caps, null, Progress.NONE, new AdaptiveLimit(2)).apply(plan);

        assertThat(r.allOk()).isTrue();
        assertThat(r.user(0).detail()).startsWith("existed already (409); updated");
        assertThat(server.store().userCount()).isEqualTo(1);
        ObjectNode late = server.store().userByUserName("late@example.com").orElseThrow();
        assertThat(late.path("name").path("familyName").asText()).isEqualTo("Comer");
        assertThat(late.path(ScimJson.NINJAONE_USER).path("userType").asText()).isEqualTo("technician");
    }

    @Test
    void groups_are_created_with_their_members_and_sync_removes_only_user_members_the_file_leaves_out() {
        String stray = server.seedUser("stray@example.com");
        String kept = server.seedUser("kept@example.com");
        String nested = server.seedGroup("Nested");
        String sales = server.seedGroup("Sales", stray, kept, nested);

        Results r = importRows(server, List.of(
                row(2, "kept@example.com", "Kept", "Member", "", "", "sales"),
                row(3, "new@example.com", "New", "Member", "", "", "Sales", "Support")), new Planner.Options(false, true));

        assertThat(r.allOk()).isTrue();
        String newId = server.store().userByUserName("new@example.com").orElseThrow().path("id").asText();
        ObjectNode salesNow = server.store().group(sales).orElseThrow();
        assertThat(memberIds(salesNow)).containsExactlyInAnyOrder(kept, nested, newId);
        ObjectNode support = server.store().groups().stream()
                .filter(g -> g.path("displayName").asText().equals("Support")).findFirst().orElseThrow();
        assertThat(memberIds(support)).containsExactly(newId);
        assertThat(server.store().user(stray)).isPresent(); // removed from the group, not deleted
        assertThat(r.counts().membersRemoved()).isEqualTo(1);
        assertThat(r.counts().groupsCreated()).isEqualTo(1);
    }

    @Test
    void deactivate_missing_deactivates_and_never_deletes() {
        String gone = server.seedUser("gone@example.com");
        Results r = importRows(server, List.of(row(2, "stays@example.com", "S", "T", "", "")),
                new Planner.Options(true, false));

        assertThat(r.counts().deactivated()).isEqualTo(1);
        ObjectNode user = server.store().user(gone).orElseThrow();
        assertThat(user.path("active").asBoolean()).isFalse();
        assertThat(server.store().userCount()).isEqualTo(2);
    }

    static List<String> memberIds(ObjectNode group) {
        return StreamSupport.stream(group.path("members").spliterator(), false).map(m -> m.path("value").asText()).toList();
    }

    static ObjectNode json() {
        return JsonNodeFactory.instance.objectNode();
    }
}
