package dev.scimctl.scim;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class RetryAfterTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void reads_delay_seconds() {
        assertThat(RetryAfter.parse("7", clock)).contains(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
    }

    @Test
    void reads_an_http_date() {
        assertThat(RetryAfter.parse("Sun, 29 Nov 2026 10:00:30 GMT", clock)).contains(Duration.ofSeconds(30));
    }

    @Test
    void a_date_in_the_past_means_now() {
        assertThat(RetryAfter.parse("Sun, 29 Nov 2026 09:00:00 GMT", clock)).contains(Duration.ZERO);
    }

    @Test
    void ignores_what_it_cannot_read() {
        assertThat(RetryAfter.parse("soon", clock)).isEmpty();
        assertThat(RetryAfter.parse("-5", clock)).isEmpty();
        assertThat(RetryAfter.parse(null, clock)).isEmpty();
    }

    @Test
    void backoff_grows_but_stays_under_the_cap() {
        RetryPolicy p = new RetryPolicy(10, Duration.ofMillis(100), Duration.ofMillis(1000), Duration.ofSeconds(60));
        for (int retry = 1; retry < 40; retry++) {
            long ms = p.backoff(retry).toMillis();
            long ceiling = Math.min(100L << Math.min(retry - 1, 20), 1000);
            assertThat(ms).isBetween(ceiling / 2, ceiling);
        }
    }
}
