package dev.scimctl.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scimctl.testing.RawScimClient;
import dev.scimctl.testing.RawScimClient.Response;

/** Settings that change how the sandbox behaves: each test starts its own server. */
class SandboxServerOptionsTest {

    private static final String TOKEN = "test-token-0123456789";

    @TempDir
    Path temp;

    private static SandboxServer.Builder server() {
        return SandboxServer.builder().token(TOKEN);
    }

    private static RawScimClient client(SandboxServer server) {
        return new RawScimClient(server.baseUrl(), TOKEN);
    }

    private static String createUser(RawScimClient client, String userName) {
        Response created = client.post("/Users", SandboxServerTest.user(userName));
        assertThat(created.status()).as("%s", created).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    void listens_on_loopback_with_the_default_base_path() {
        try (SandboxServer server = server().build().start()) {
            assertThat(server.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+/scim/v2");
            assertThat(server.port()).isPositive();
            assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
        }
    }

    @Test
    void serves_under_a_configured_base_path() {
        try (SandboxServer server = server().basePath("api/scim/").build().start()) {
            assertThat(server.baseUrl()).endsWith("/api/scim");
            assertThat(client(server).get("/Users").status()).isEqualTo(200);
        }
    }

    @Test
    void refuses_to_build_without_a_token_or_with_a_fail_rate_outside_0_to_1() {
        assertThatThrownBy(() -> SandboxServer.builder().build()).hasMessageContaining("token");
        assertThatThrownBy(() -> server().failRate(1.5)).hasMessageContaining("fail rate");
        assertThatThrownBy(() -> server().token(" padded ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void delete_removes_the_user_and_its_group_memberships() {
        try (SandboxServer server = server().build().start()) {
            RawScimClient client = client(server);
            String id = createUser(client, "gone@example.com");
            Response group = client.post("/Groups", """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"G","members":[{"value":"%s"}]}"""
                    .formatted(id));

            assertThat(client.delete("/Users/" + id).status()).isEqualTo(204);

            assertThat(client.get("/Users/" + id).status()).isEqualTo(404);
            assertThat(client.get("/Groups/" + group.json().get("id").asText()).json().path("members").size()).isZero();
            assertThat(createUser(client, "gone@example.com")).isNotEqualTo(id);
        }
    }

    @Test
    void soft_delete_keeps_the_user_listed_as_inactive_as_ninjaone_does() {
        try (SandboxServer server = server().softDelete(true).build().start()) {
            RawScimClient client = client(server);
            String id = createUser(client, "leaver@example.com");

            assertThat(client.delete("/Users/" + id).status()).isEqualTo(204);

            Response read = client.get("/Users/" + id);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.json().get("active").asBoolean()).isFalse();
            Response inactive = client.get("/Users?filter=" + RawScimClient.encode("active eq false"));
            assertThat(inactive.json().get("totalResults").asInt()).isEqualTo(1);
            // NinjaOne keeps the account: its userName stays taken.
            assertThat(client.post("/Users", """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"LEAVER@example.com"}""")
                    .status()).isEqualTo(409);
        }
    }

    @Test
    void without_patch_support_answers_patch_with_501_and_says_so_in_the_config() {
        try (SandboxServer server = server().patch(false).build().start()) {
            RawScimClient client = client(server);
            String id = createUser(client, "p@example.com");

            Response patched = client.patch("/Users/" + id, SandboxServerTest.patch(
                    "{\"op\":\"replace\",\"path\":\"active\",\"value\":false}"));

            assertThat(patched.status()).as("%s", patched).isEqualTo(501);
            assertThat(client.get("/ServiceProviderConfig").json().at("/patch/supported").asBoolean()).isFalse();
            assertThat(server.store().user(id).orElseThrow().get("active").asBoolean()).isTrue();
            // PUT is the way left.
            assertThat(client.put("/Users/" + id, SandboxServerTest.user("p@example.com")).status()).isEqualTo(200);
        }
    }

    @Test
    void without_filter_support_ignores_the_filter_and_says_so_in_the_config() {
        try (SandboxServer server = server().filter(false).build().start()) {
            RawScimClient client = client(server);
            createUser(client, "a@example.com");
            createUser(client, "b@example.com");

            Response listed = client.get("/Users?filter=" + RawScimClient.encode("userName eq \"a@example.com\""));

            assertThat(listed.status()).isEqualTo(200);
            assertThat(listed.json().get("totalResults").asInt()).isEqualTo(2);
            assertThat(client.get("/ServiceProviderConfig").json().at("/filter/supported").asBoolean()).isFalse();
        }
    }

    @Test
    void without_sort_support_ignores_sortBy_and_says_so_in_the_config() {
        try (SandboxServer server = server().sort(false).build().start()) {
            RawScimClient client = client(server);
            createUser(client, "b@example.com");
            createUser(client, "a@example.com");

            Response listed = client.get("/Users?sortBy=userName");

            assertThat(listed.json().path("Resources").findValuesAsText("userName"))
                    .containsExactly("b@example.com", "a@example.com");
            assertThat(client.get("/ServiceProviderConfig").json().at("/sort/supported").asBoolean()).isFalse();
        }
    }

    @Test
    void without_etag_support_sends_no_version_and_ignores_if_match() {
        try (SandboxServer server = server().etag(false).build().start()) {
            RawScimClient client = client(server);
            String id = createUser(client, "e@example.com");

            Response read = client.get("/Users/" + id);
            assertThat(read.header("ETag")).isNull();
            assertThat(read.json().at("/meta/version").isMissingNode()).isTrue();

            Response replaced = client.put("/Users/" + id, SandboxServerTest.user("e2@example.com"),
                    java.util.Map.of("If-Match", "W/\"stale\""));
            assertThat(replaced.status()).isEqualTo(200);
            assertThat(client.get("/ServiceProviderConfig").json().at("/etag/supported").asBoolean()).isFalse();
        }
    }

    @Test
    void cuts_a_larger_count_down_to_the_max_page_size() {
        try (SandboxServer server = server().maxPageSize(3).build().start()) {
            for (int i = 0; i < 5; i++) {
                server.store().createUser(SandboxStoreTest.userNode("u" + i + "@example.com"));
            }

            Response page = client(server).get("/Users?count=50");

            assertThat(page.json().get("totalResults").asInt()).isEqualTo(5);
            assertThat(page.json().get("itemsPerPage").asInt()).isEqualTo(3);
            assertThat(page.json().path("Resources").size()).isEqualTo(3);
        }
    }

    @Test
    void with_fail_rate_1_answers_every_request_429_or_503_with_retry_after_and_changes_nothing() {
        try (SandboxServer server = server().failRate(1.0).build().start()) {
            RawScimClient client = client(server);
            for (int i = 0; i < 20; i++) {
                Response response = client.post("/Users", SandboxServerTest.user("f" + i + "@example.com"));
                assertThat(response.status()).isIn(429, 503);
                assertThat(response.header("Retry-After")).isEqualTo("1");
                assertThat(response.json().path("schemas").get(0).asText())
                        .isEqualTo("urn:ietf:params:scim:api:messages:2.0:Error");
            }
            assertThat(server.store().userCount()).isZero();
        }
    }

    @Test
    void with_fail_rate_one_half_fails_about_half_of_the_requests() {
        try (SandboxServer server = server().failRate(0.5).build().start()) {
            RawScimClient client = client(server);
            int failed = 0;
            for (int i = 0; i < 100; i++) {
                if (client.get("/Users").status() != 200) {
                    failed++;
                }
            }
            // Binomial(100, 0.5) falls outside 25..75 about once in two million runs.
            assertThat(failed).isBetween(25, 75);
        }
    }

    @Test
    void adds_the_configured_latency_to_each_request() {
        try (SandboxServer server = server().latency(Duration.ofMillis(150)).build().start()) {
            RawScimClient client = client(server);
            client.get("/Users"); // warm up the connection and the SDK

            long started = System.nanoTime();
            client.get("/Users");
            Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

            assertThat(elapsed).isGreaterThanOrEqualTo(Duration.ofMillis(150));
        }
    }

    @Test
    void reports_each_request_to_the_listener_without_query_or_headers() {
        List<SandboxRequest> requests = new CopyOnWriteArrayList<>();
        try (SandboxServer server = server().requestListener(requests::add).build().start()) {
            RawScimClient client = client(server);
            client.get("/Users?filter=" + RawScimClient.encode("userName eq \"x\""));
            new RawScimClient(server.baseUrl(), "wrong").get("/Groups");
        }
        assertThat(requests).hasSize(2);
        assertThat(requests.get(0).method()).isEqualTo("GET");
        assertThat(requests.get(0).path()).isEqualTo("/scim/v2/Users");
        assertThat(requests.get(0).status()).isEqualTo(200);
        assertThat(requests.get(1).status()).isEqualTo(401);
        assertThat(requests.toString()).doesNotContain(TOKEN);
    }

    @Test
    void keeps_users_and_groups_across_a_restart_with_the_data_file() {
        Path data = temp.resolve("sandbox.json");
        String id;
        String group;
        String etag;
        try (SandboxServer server = server().dataFile(data).softDelete(true).build().start()) {
            RawScimClient client = client(server);
            id = createUser(client, "kept@example.com");
            group = client.post("/Groups", """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:Group"],"displayName":"Kept","members":[{"value":"%s"}]}"""
                    .formatted(id)).json().get("id").asText();
            client.delete("/Users/" + id); // soft: stays, inactive
            etag = client.get("/Users/" + id).header("ETag");
        }
        assertThat(data).exists();

        try (SandboxServer server = server().dataFile(data).build().start()) {
            RawScimClient client = client(server);
            Response user = client.get("/Users/" + id);
            assertThat(user.status()).isEqualTo(200);
            assertThat(user.json().get("active").asBoolean()).isFalse();
            assertThat(user.header("ETag")).isEqualTo(etag);
            assertThat(client.get("/Groups/" + group).json().at("/members/0/value").asText()).isEqualTo(id);
            assertThat(client.post("/Users", SandboxServerTest.user("KEPT@example.com")).status()).isEqualTo(409);
        }
    }

    @Test
    void saves_changes_while_running_without_leaving_temporary_files() throws IOException, InterruptedException {
        Path data = temp.resolve("live.json");
        try (SandboxServer server = server().dataFile(data).build().start()) {
            createUser(client(server), "live@example.com");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (!Files.exists(data) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(Files.readString(data)).contains("live@example.com");
        }
        try (var files = Files.list(temp)) {
            assertThat(files.map(path -> path.getFileName().toString())).containsExactly("live.json");
        }
    }

    @Test
    void refuses_to_start_on_a_file_that_is_not_sandbox_data() throws IOException {
        Path data = Files.writeString(temp.resolve("other.json"), "{\"users\":[]}");

        assertThatThrownBy(() -> server().dataFile(data).build().start())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a scimctl sandbox data file");
        assertThat(Files.readString(data)).isEqualTo("{\"users\":[]}");
    }

    @Test
    void closes_promptly_and_frees_the_port() {
        SandboxServer server = server().latency(Duration.ofSeconds(30)).build().start();
        int port = server.port();
        Thread slowRequest = new Thread(() -> {
            try {
                client(server).get("/Users");
            } catch (RuntimeException expected) {
                // the connection is dropped by close()
            }
        });
        slowRequest.start();

        long started = System.nanoTime();
        server.close();
        Duration closing = Duration.ofNanos(System.nanoTime() - started);

        assertThat(closing).isLessThan(Duration.ofSeconds(2));
        assertThatThrownBy(() -> new Socket().connect(new InetSocketAddress("127.0.0.1", port), 1000))
                .isInstanceOf(ConnectException.class);
    }
}
