package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Concurrent paging against the real in-process server: same results as one page at a time, same guards. */
@Timeout(60)
class ConcurrentPagerTest {
    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create(b -> b.maxPageSize(50));

    private final List<String> debugLines = new CopyOnWriteArrayList<>();
    private final List<String> notices = new CopyOnWriteArrayList<>();
    private final List<FaultProxy> proxies = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        proxies.forEach(FaultProxy::close);
    }

    private ScimClient client(String baseUrl) {
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
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(10)));
    }

    private FaultProxy proxy() {
        FaultProxy p = FaultProxy.start(server.baseUrl());
        proxies.add(p);
        return p;
    }

    private static List<String> ids(ScimClient client, ListQuery query) {
        try (Stream<JsonNode> s = client.list("Users", query)) {
            return s.map(u -> u.path("id").asText()).toList();
        }
    }

    @Test
    void gives_the_same_users_in_the_same_order_as_one_page_at_a_time() {
        List<String> seeded = server.seedUsers(113);
        ScimClient client = client(server.baseUrl());
        // 9: many small pages; 50: the server's own size; 500: a count the server cuts down to 50.
        for (int pageSize : new int[]{9, 50, 500}) {
            ListQuery q = ListQuery.all().withPageSize(pageSize);
            assertThat(ids(client, q.withParallelism(4))).as("page size " + pageSize).isEqualTo(seeded)
                    .isEqualTo(ids(client, q));
        }
    }

    @Test
    void asks_for_each_page_once_and_stops_at_the_limit() {
        server.seedUsers(120);
        FaultProxy proxy = proxy();
        ScimClient client = client(proxy.baseUrl());
        assertThat(ids(client, ListQuery.all().withPageSize(500).withParallelism(4))).hasSize(120);
        assertThat(proxy.count("GET", "/scim/v2/Users")).isEqualTo(3); // 50 + 50 + 20, the page size the server serves
        proxy.resetCounts();
        assertThat(ids(client, ListQuery.all().withPageSize(10).withLimit(35).withParallelism(4))).hasSize(35);
        assertThat(proxy.count("GET", "/scim/v2/Users")).isEqualTo(4);
    }

    @Test
    void keeps_no_more_pages_in_flight_than_its_bound() {
        server.seedUsers(200);
        FaultProxy proxy = proxy();
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        proxy.rule(r -> {
            if (r.target().contains("startIndex=1&")) {
                return Fault.forward();
            }
            int now = inFlight.incrementAndGet();
            most.accumulateAndGet(now, Math::max);
            try {
                Thread.sleep(150); // long enough for every request the pager has in flight to arrive
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
            return Fault.forward();
        });
        assertThat(ids(client(proxy.baseUrl()), ListQuery.all().withPageSize(10).withParallelism(3))).hasSize(200);
        assertThat(most.get()).isBetween(2, 3);
    }

    /** A proxy that runs {@code change} once, before it forwards the first request for a page after the first. */
    private FaultProxy changingAfterFirstPage(Runnable change) {
        FaultProxy proxy = proxy();
        boolean[] done = {false};
        proxy.rule(r -> {
            if (r.path().endsWith("/Users") && !r.target().contains("startIndex=1&")) {
                synchronized (done) { // every later page is forwarded only after the change
                    if (!done[0]) {
                        change.run();
                        done[0] = true;
                    }
                }
            }
            return Fault.forward();
        });
        return proxy;
    }

    @Test
    void falls_back_to_one_page_at_a_time_when_users_are_removed_while_reading() {
        List<String> seeded = server.seedUsers(60);
        // Three users the first page delivered disappear, so every later page shifts by three.
        FaultProxy proxy = changingAfterFirstPage(() -> seeded.subList(0, 3).forEach(id -> server.store().deleteUser(id, true)));
        List<String> got = ids(client(proxy.baseUrl()), ListQuery.all().withPageSize(10).withParallelism(4));
        assertThat(got).doesNotHaveDuplicates().startsWith(seeded.subList(0, 10).toArray(String[]::new));
        assertThat(got).containsAll(seeded.subList(13, 60)); // the rest, as a sequential read would have found them
        assertThat(debugLines).anyMatch(l -> l.contains("reading on one page at a time"));
    }

    @Test
    void reads_users_added_while_reading_without_losing_any() {
        List<String> seeded = server.seedUsers(60);
        FaultProxy proxy = changingAfterFirstPage(() -> server.seedUsers(5));
        List<String> got = ids(client(proxy.baseUrl()), ListQuery.all().withPageSize(10).withParallelism(4));
        assertThat(got).doesNotHaveDuplicates().containsAll(seeded).hasSize(65);
        assertThat(debugLines).anyMatch(l -> l.contains("reading on one page at a time"));
    }

    @Test
    void stops_with_the_servers_fault_named_when_it_ignores_start_index() {
        FaultProxy proxy = proxy();
        proxy.rule(r -> r.path().endsWith("/Users")
                ? Fault.respond(200, Map.of("Content-Type", "application/scim+json"),
                "{\"totalResults\":1000,\"Resources\":[{\"id\":\"a\"},{\"id\":\"b\"}]}")
                : Fault.forward());
        assertThatThrownBy(() -> ids(client(proxy.baseUrl()), ListQuery.all().withPageSize(2).withParallelism(4)))
                .isInstanceOf(ScimProtocolException.class).hasMessageContaining("repeats only Users already listed");
    }

    @Test
    void a_page_that_fails_fails_the_listing_with_the_servers_error() {
        server.seedUsers(100);
        FaultProxy proxy = proxy();
        proxy.rule(r -> r.target().contains("startIndex=31&")
                ? Fault.statusWithScimError(400, "page 4 is cursed") : Fault.forward());
        ScimClient client = client(proxy.baseUrl());
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> {
            try (Stream<JsonNode> s = client.list("Users", ListQuery.all().withPageSize(10).withParallelism(4))) {
                s.forEach(u -> seen.add(u.path("id").asText()));
            }
        }).isInstanceOf(ScimErrorException.class).hasMessageContaining("page 4 is cursed");
        assertThat(seen).hasSize(30); // everything before the failed page, in order
    }

    @Test
    void runs_before_wait_on_the_reading_thread_between_pages() {
        server.seedUsers(45);
        List<Integer> seenAtWait = new ArrayList<>();
        Thread reader = Thread.currentThread();
        int[] count = {0};
        try (Stream<JsonNode> s = client(server.baseUrl()).list("Users",
                ListQuery.all().withPageSize(10).withParallelism(4), () -> {
                    assertThat(Thread.currentThread()).isSameAs(reader);
                    seenAtWait.add(count[0]);
                })) {
            s.forEach(u -> count[0]++);
        }
        assertThat(count[0]).isEqualTo(45);
        assertThat(seenAtWait).isNotEmpty().allMatch(n -> n % 10 == 0); // only ever at a page boundary
    }
}
