package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.scim.model.ScimUser;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.FaultProxy;
import dev.scimctl.testing.FaultProxy.Fault;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client core against the real in-process SCIM server, with a fault-injecting proxy where faults are needed. */
@Timeout(60)
class ScimClientTest {
    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create(b -> b.maxPageSize(100));

    private final List<String> notices = new CopyOnWriteArrayList<>();
    private final List<String> debugLines = new CopyOnWriteArrayList<>();
    private final List<FaultProxy> proxies = new ArrayList<>();

    @AfterEach
    void closeProxies() {
        proxies.forEach(FaultProxy::close);
    }

    private ScimClient client(String baseUrl) {
        return client(baseUrl, Duration.ofSeconds(10));
    }

    private ScimClient client(String baseUrl, Duration requestTimeout) {
        ClientListener listener = new ClientListener() {
            @Override
            public boolean debugEnabled() {
                return true;
            }

            @Override
            public void debug(String line) {
                debugLines.add(line);
            }

            @Override
            public void notice(String line) {
                notices.add(line);
            }
        };
        return new ScimClient(ScimClientConfig.of(URI.create(baseUrl), new Secret(server.token()))
                .withRetry(CliRunner.FAST_RETRIES).withListener(listener)
                .withTimeouts(Duration.ofSeconds(2), requestTimeout));
    }

    private FaultProxy proxy() {
        FaultProxy p = FaultProxy.start(server.baseUrl());
        proxies.add(p);
        return p;
    }

    @Test
    void pages_through_more_users_than_one_page_even_when_the_server_cuts_the_page_size() {
        server.seedUsers(250);
        ScimClient client = client(server.baseUrl());
        for (int pageSize : new int[]{7, 100, 1000}) {
            List<ScimUser> users = new Users(client).listUsers(ListQuery.all().withPageSize(pageSize)).toList();
            assertThat(users).hasSize(250);
            assertThat(users.stream().map(ScimUser::id).collect(Collectors.toSet())).hasSize(250);
        }
    }

    @Test
    void a_limit_stops_the_paging_early() {
        server.seedUsers(250);
        FaultProxy proxy = proxy();
        ScimClient client = client(proxy.baseUrl());
        assertThat(new Users(client).listUsers(ListQuery.all().withPageSize(100).withLimit(150)).count()).isEqualTo(150);
        assertThat(proxy.count("GET", "/scim/v2/Users")).isEqualTo(2);
    }

    @Test
    void paging_stops_when_a_server_ignores_start_index() {
        server.seedUsers(30);
        FaultProxy proxy = proxy();
        // A server that ignores startIndex: every page is the first one, while totalResults says there is more.
        proxy.rule(r -> r.path().endsWith("/Users") && r.target().contains("startIndex=")
                ? Fault.respond(200, java.util.Map.of("Content-Type", "application/scim+json"), firstPageClaimingMore())
                : Fault.forward());
        assertThatThrownBy(() -> client(proxy.baseUrl()).list("Users", ListQuery.all().withPageSize(2)).toList())
                .isInstanceOf(ScimProtocolException.class)
                .hasMessageContaining("the page at startIndex=3 repeats only Users already listed (ids a, b)");
    }

    private static String firstPageClaimingMore() {
        return "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"totalResults\":1000,"
                + "\"itemsPerPage\":2,\"startIndex\":1,\"Resources\":[{\"id\":\"a\",\"userName\":\"a@x.example\"},"
                + "{\"id\":\"b\",\"userName\":\"b@x.example\"}]}";
    }

    @Test
    void sends_quotes_and_backslashes_in_a_user_name_as_an_escaped_json_string() {
        FaultProxy proxy = proxy();
        List<String> targets = new CopyOnWriteArrayList<>();
        proxy.rule(r -> {
            targets.add(java.net.URLDecoder.decode(r.target(), java.nio.charset.StandardCharsets.UTF_8));
            return Fault.forward();
        });
        server.seedUser("other@example.com");
        server.seedUser("o\"brien\\x@example.com");
        ScimClient client = client(proxy.baseUrl());
        String hostile = "x\" or userName pr or userName eq \"y";
        // Unescaped, this filter would match every user; escaped, it is one literal that matches none.
        assertThat(new Users(client).findByUserName(hostile)).isEmpty();
        assertThat(new Users(client).findByUserName("O\"BRIEN\\x@example.com")).map(u -> u.path("userName").asText())
                .contains("o\"brien\\x@example.com");
        assertThat(targets).anyMatch(t -> t.contains("filter=userName eq \"x\\\" or userName pr or userName eq \\\"y\""));
        assertThat(targets).anyMatch(t -> t.contains("filter=userName eq \"O\\\"BRIEN\\\\x@example.com\""));
    }

    @Test
    void finds_a_user_by_name_case_insensitively_with_unicode_and_apostrophes() {
        server.seedUser("Zoë.O'Brien@Example.com");
        server.seedUser("other@example.com");
        ScimClient client = client(server.baseUrl());
        assertThat(new Users(client).findByUserName("zoë.o'brien@example.com")).map(u -> u.path("userName").asText())
                .contains("Zoë.O'Brien@Example.com");
        assertThat(new Users(client).findByUserName("nobody@example.com")).isEmpty();
    }

    @Test
    void turns_a_scim_error_body_into_a_typed_exception() {
        ScimClient client = client(server.baseUrl());
        ObjectNode user = client.newObject();
        user.putArray("schemas").add(ScimJson.CORE_USER).add(ScimJson.NINJAONE_USER);
        user.put("userName", "typed@example.com");
        user.putObject(ScimJson.NINJAONE_USER).put("userType", "enduser");
        assertThatThrownBy(() -> client.create("Users", user, false))
                .isInstanceOfSatisfying(ScimErrorException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.scimType()).isEqualTo("invalidValue");
                    assertThat(e.detail()).isNotBlank();
                });
        assertThatThrownBy(() -> new Users(client).get("no-such-id"))
                .isInstanceOfSatisfying(ScimErrorException.class, e -> assertThat(e.isNotFound()).isTrue());
    }

    @Test
    void retries_429_honouring_retry_after_in_seconds_and_as_a_date() {
        FaultProxy proxy = proxy();
        proxy.rule(r -> r.attempt() == 1 ? Fault.tooManyRequests("0")
                : r.attempt() == 2 ? Fault.tooManyRequestsUntil(ZonedDateTime.now().minusSeconds(5)) : Fault.forward());
        assertThat(client(proxy.baseUrl()).serviceProviderConfig()).isPresent();
        assertThat(proxy.count("GET", "/scim/v2/ServiceProviderConfig")).isEqualTo(3);
        assertThat(notices).hasSize(2).allMatch(n -> n.contains("429") && n.contains("retrying"));
    }

    @Test
    void a_retry_after_shorter_than_the_backoff_does_not_shorten_the_wait_and_a_longer_one_is_kept() {
        FaultProxy proxy = proxy();
        proxy.rule(r -> r.attempt() == 1 ? Fault.tooManyRequests("0")
                : r.attempt() == 2 ? Fault.tooManyRequests("3") : Fault.forward());
        List<Duration> waits = new java.util.concurrent.CopyOnWriteArrayList<>();
        RetryPolicy policy = new RetryPolicy(5, Duration.ofMillis(400), Duration.ofMillis(400), Duration.ofSeconds(120));
        ScimClient client = new ScimClient(new ScimClientConfig(URI.create(proxy.baseUrl()), new Secret(server.token()),
                null, null, policy, null, null, null, waits::add, 0, null, null));

        assertThat(client.serviceProviderConfig()).isPresent();

        assertThat(waits).hasSize(2);
        assertThat(waits.get(0)).as("'Retry-After: 0' from a server at its limit: the backoff (200 to 400 ms)")
                .isBetween(Duration.ofMillis(200), Duration.ofMillis(400));
        assertThat(waits.get(1)).as("a longer Retry-After wins").isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void retries_a_post_after_429_because_the_server_refused_it_before_acting() {
        FaultProxy proxy = proxy();
        proxy.rule(r -> r.method().equals("POST") && r.attempt() == 1 ? Fault.tooManyRequests("0") : Fault.forward());
        ScimClient client = client(proxy.baseUrl());
        client.create("Users", user(client, "after429@example.com"), false);
        assertThat(proxy.count("POST", "/scim/v2/Users")).isEqualTo(2);
        assertThat(new Users(client).findByUserName("after429@example.com")).isPresent();
    }

    @Test
    void retries_503_and_dropped_connections_for_a_get_but_not_for_a_post() {
        FaultProxy proxy = proxy();
        proxy.rule(r -> r.method().equals("GET") && r.attempt() == 1 ? Fault.status(503)
                : r.method().equals("GET") && r.attempt() == 2 ? Fault.dropBeforeForwarding()
                : r.method().equals("POST") ? Fault.status(503) : Fault.forward());
        ScimClient client = client(proxy.baseUrl());
        assertThat(client.resourceTypes()).isPresent();
        assertThat(proxy.count("GET", "/scim/v2/ResourceTypes")).isEqualTo(3);

        assertThatThrownBy(() -> client.create("Users", user(client, "once@example.com"), false))
                .isInstanceOfSatisfying(ScimErrorException.class, e -> assertThat(e.status()).isEqualTo(503));
        assertThat(proxy.count("POST", "/scim/v2/Users")).isEqualTo(1);
    }

    @Test
    void a_post_whose_answer_was_lost_is_not_sent_again() {
        FaultProxy proxy = proxy();
        proxy.rule(r -> r.method().equals("POST") ? Fault.dropAfterForwarding() : Fault.forward());
        ScimClient client = client(proxy.baseUrl());
        assertThatThrownBy(() -> client.create("Users", user(client, "lost@example.com"), false))
                .isInstanceOfSatisfying(ScimConnectionException.class,
                        e -> assertThat(e.kind()).isEqualTo(ScimConnectionException.Kind.RESET));
        assertThat(proxy.count("POST", "/scim/v2/Users")).isEqualTo(1);
        // The server did act: exactly one user, no duplicate.
        assertThat(new Users(client).findByUserName("lost@example.com")).isPresent();
    }

    @Test
    void gives_up_after_the_bounded_number_of_attempts() {
        FaultProxy proxy = proxy();
        proxy.rule(r -> Fault.status(503));
        assertThatThrownBy(() -> client(proxy.baseUrl()).schemas())
                .isInstanceOfSatisfying(ScimErrorException.class, e -> assertThat(e.isServerError()).isTrue());
        assertThat(proxy.count("GET", "/scim/v2/Schemas")).isEqualTo(CliRunner.FAST_RETRIES.maxAttempts());
    }

    @Test
    void follows_a_redirect_within_the_same_origin() {
        FaultProxy proxy = proxy();
        proxy.rule(r -> r.path().equals("/old/ServiceProviderConfig")
                ? Fault.redirect(proxy.baseUrl() + "/ServiceProviderConfig") : Fault.forward());
        String oldBase = proxy.origin() + "/old";
        assertThat(client(oldBase).serviceProviderConfig()).isPresent();
    }

    @Test
    void refuses_a_redirect_to_another_origin_and_never_sends_the_token_there() {
        FaultProxy elsewhere = proxy();
        FaultProxy proxy = proxy();
        proxy.rule(r -> Fault.redirect(elsewhere.baseUrl() + "/ServiceProviderConfig"));
        assertThatThrownBy(() -> client(proxy.baseUrl()).serviceProviderConfig())
                .isInstanceOfSatisfying(ScimRedirectException.class, e -> {
                    assertThat(e.target().toString()).startsWith(elsewhere.baseUrl());
                    assertThat(e.getMessage()).contains("is the base URL right?").doesNotContain(server.token());
                });
        assertThat(elsewhere.totalCount()).isZero();
    }

    @Test
    void an_html_login_page_is_a_clear_protocol_error() {
        FaultProxy proxy = proxy();
        proxy.rule(r -> Fault.htmlPage());
        assertThatThrownBy(() -> client(proxy.baseUrl()).serviceProviderConfig())
                .isInstanceOf(ScimProtocolException.class)
                .hasMessageContaining("HTML page").hasMessageContaining("Sign in").hasMessageContaining("base URL");
    }

    @Test
    void a_truncated_body_is_a_clear_protocol_error() {
        FaultProxy proxy = proxy();
        proxy.rule(r -> Fault.truncatedJson());
        assertThatThrownBy(() -> client(proxy.baseUrl()).serviceProviderConfig())
                .isInstanceOf(ScimProtocolException.class)
                .hasMessageContaining("not valid JSON").hasMessageContaining("truncated");
    }

    @Test
    void a_slow_server_times_out_instead_of_hanging() {
        FaultProxy proxy = proxy();
        proxy.rule(r -> Fault.delay(Duration.ofSeconds(5)));
        long t0 = System.nanoTime();
        assertThatThrownBy(() -> client(proxy.baseUrl(), Duration.ofMillis(300)).serviceProviderConfig())
                .isInstanceOfSatisfying(ScimConnectionException.class,
                        e -> assertThat(e.kind()).isEqualTo(ScimConnectionException.Kind.TIMEOUT));
        assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void a_closed_port_is_a_connect_failure() {
        assertThatThrownBy(() -> client("http://127.0.0.1:9/scim/v2").serviceProviderConfig())
                .isInstanceOfSatisfying(ScimConnectionException.class,
                        e -> assertThat(e.kind()).isEqualTo(ScimConnectionException.Kind.CONNECT));
    }

    @Test
    void the_debug_trace_shows_each_exchange_with_the_token_redacted() {
        client(server.baseUrl()).serviceProviderConfig();
        assertThat(debugLines).anyMatch(l -> l.startsWith("> GET ") && l.contains("/ServiceProviderConfig"));
        assertThat(debugLines).anyMatch(l -> l.contains("Authorization: Bearer [redacted]"));
        assertThat(debugLines).anyMatch(l -> l.startsWith("< 200 OK in "));
        assertThat(String.join("\n", debugLines)).doesNotContain(server.token());
    }

    @Test
    void sends_the_scim_media_type_and_a_user_agent() {
        FaultProxy proxy = proxy();
        List<String> seen = new CopyOnWriteArrayList<>();
        proxy.rule(r -> {
            seen.add(r.header("Accept") + "|" + r.header("User-Agent") + "|" + r.header("Content-Type"));
            return Fault.forward();
        });
        ScimClient client = client(proxy.baseUrl());
        client.create("Users", user(client, "media@example.com"), false);
        assertThat(seen).singleElement().satisfies(s -> {
            assertThat(s).startsWith("application/scim+json");
            assertThat(s).contains("|scimctl").endsWith("|application/scim+json");
        });
    }

    @Test
    void discovery_treats_a_missing_endpoint_as_not_served() {
        FaultProxy proxy = proxy();
        proxy.rule(r -> r.path().endsWith("/Schemas") ? Fault.statusWithScimError(404, "not here") : Fault.forward());
        ScimClient client = client(proxy.baseUrl());
        assertThat(client.schemas()).isEmpty();
        assertThat(client.serviceProviderConfig()).get().satisfies(c -> assertThat(c.patchSupported()).isTrue());
    }

    private static ObjectNode user(ScimClient client, String userName) {
        ObjectNode user = client.newObject();
        user.putArray("schemas").add(ScimJson.CORE_USER);
        user.put("userName", userName);
        user.putObject("name").put("givenName", "G").put("familyName", "F");
        return user;
    }
}
