package dev.scimctl.importer;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimJson;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static dev.scimctl.importer.ApplierTest.importRows;
import static dev.scimctl.importer.ApplierTest.memberIds;
import static dev.scimctl.importer.ApplierTest.row;
import static org.assertj.core.api.Assertions.assertThat;

/** A server without PATCH and without filters: updates become PUTs with If-Match, look-ups become a listing. */
@Timeout(60)
class LimitedServerTest {
    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create(b -> b.patch(false).filter(false).maxPageSize(7));

    @Test
    void updates_and_deactivations_go_by_put_when_patch_is_not_served() {
        server.seedUser("a@example.com");
        String other = server.seedUser("other@example.com");

        Results r = importRows(server, List.of(ApplierTest.row(2, "A@example.com", "Ann", "Smith", "technician", "")),
                new Planner.Options(true, false));

        assertThat(r.allOk()).isTrue();
        assertThat(r.counts().updated()).isEqualTo(1);
        assertThat(r.counts().deactivated()).isEqualTo(1);
        ObjectNode a = server.store().userByUserName("a@example.com").orElseThrow();
        assertThat(a.path("name").path("givenName").asText()).isEqualTo("Ann");
        assertThat(a.path(ScimJson.NINJAONE_USER).path("userType").asText()).isEqualTo("technician");
        assertThat(a.path("emails").get(0).path("value").asText()).isEqualTo("a@example.com");
        assertThat(server.store().user(other).orElseThrow().path("active").asBoolean()).isFalse();
    }

    @Test
    void a_server_that_ignores_filters_is_listed_instead_of_trusted() {
        server.seedUsers(20);
        server.seedUser("target@example.com");
        ScimClient client = ApplierTest.client(server);
        ServerCapabilities caps = ServerCapabilities.discover(client, null);
        assertThat(caps.filter()).isFalse();

        RemoteState state = RemoteState.read(client, caps, List.of("TARGET@example.com"), List.of(), false, new AdaptiveLimit(4), Progress.NONE);

        assertThat(state.user("target@example.com")).isPresent();
        assertThat(state.description()).contains("listed all 21 users in 3 pages").contains("does not filter");
    }

    @Test
    void a_user_that_appeared_after_the_plan_is_found_in_the_listing_when_filters_are_ignored() {
        server.seedUsers(15);
        ScimClient client = ApplierTest.client(server);
        ServerCapabilities caps = ServerCapabilities.discover(client, null);
        ImportRow row = row(2, "late@example.com", "Late", "Comer", "technician", "");
        Plan plan = ApplierTest.plan(client, caps, List.of(row), new Planner.Options(false, false));
        server.seedUser("Late@Example.com");

        Results r = new Applier(client, caps, null, Progress.NONE, new AdaptiveLimit(2)).apply(plan);

        assertThat(r.allOk()).isTrue();
        assertThat(r.user(0).detail()).startsWith("existed already (409); updated");
        assertThat(server.store().userByUserName("late@example.com").orElseThrow().path("name").path("familyName")
                .asText()).isEqualTo("Comer");
    }

    @Test
    void group_members_are_added_and_removed_by_put_when_patch_is_not_served() {
        String stray = server.seedUser("stray@example.com");
        String group = server.seedGroup("Sales", stray);

        Results r = importRows(server, List.of(row(2, "new@example.com", "N", "M", "", "", "Sales")),
                new Planner.Options(false, true));

        assertThat(r.allOk()).isTrue();
        String id = server.store().userByUserName("new@example.com").orElseThrow().path("id").asText();
        assertThat(memberIds(server.store().group(group).orElseThrow())).containsExactly(id);
    }
}
