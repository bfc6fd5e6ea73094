package dev.scimctl.importer;

import dev.scimctl.scim.ScimClient;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Per-user look-ups or one listing: whichever takes fewer round trips. */
@Timeout(60)
class LookupChoiceTest {
    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create(b -> b.maxPageSize(10));

    @Test
    void a_few_users_on_a_big_server_are_looked_up_one_by_one() {
        server.seedUsers(200);
        ScimClient client = ApplierTest.client(server);
        ServerCapabilities caps = ServerCapabilities.discover(client, null);

        RemoteState state = RemoteState.read(client, caps, List.of("USER0007@example.com", "nobody@example.com"),
                List.of(), false, new AdaptiveLimit(4), Progress.NONE);

        assertThat(state.description()).startsWith("looked up 2 users one by one");
        assertThat(state.user("user0007@example.com")).isPresent();
        assertThat(state.user("nobody@example.com")).isEmpty();
        assertThat(state.requests()).isEqualTo(3); // the size probe and two look-ups
    }

    @Test
    void many_users_on_a_small_server_are_read_in_one_listing() {
        server.seedUsers(15);
        ScimClient client = ApplierTest.client(server);
        ServerCapabilities caps = ServerCapabilities.discover(client, null);
        List<String> names = java.util.stream.IntStream.rangeClosed(1, 30)
                .mapToObj(i -> String.format("user%04d@example.com", i)).toList();

        RemoteState state = RemoteState.read(client, caps, names, List.of(), false, new AdaptiveLimit(4), Progress.NONE);

        assertThat(state.description()).startsWith("listed all 15 users in 2 pages");
        assertThat(state.users()).hasSize(15);
    }
}
