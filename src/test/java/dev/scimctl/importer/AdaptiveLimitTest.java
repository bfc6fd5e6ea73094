package dev.scimctl.importer;

import org.junit.jupiter.api.Test;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class AdaptiveLimitTest {
    private final AtomicLong now = new AtomicLong();
    private final AdaptiveLimit limit = new AdaptiveLimit(8, now::get);

    @Test
    void pushback_halves_the_limit_once_per_burst_and_never_below_one() throws Exception {
        limit.pushback();
        limit.pushback(); // the same burst
        assertThat(limit.current()).isEqualTo(4);
        for (int i = 0; i < 5; i++) {
            now.addAndGet(TimeUnit.SECONDS.toNanos(1));
            limit.pushback();
        }
        assertThat(limit.current()).isEqualTo(1);
        assertThat(limit.lowest()).isEqualTo(1);
        assertThat(limit.cuts()).isEqualTo(3);
    }

    @Test
    void successes_raise_the_limit_again_one_at_a_time_after_the_server_had_time_to_recover() throws Exception {
        limit.pushback();
        assertThat(limit.current()).isEqualTo(4);
        succeed(8);
        assertThat(limit.current()).as("too soon after the cut").isEqualTo(4);
        now.addAndGet(TimeUnit.SECONDS.toNanos(2));
        succeed(8);
        assertThat(limit.current()).isEqualTo(5);
        succeed(100);
        assertThat(limit.current()).isEqualTo(8);
    }

    @Test
    void acquire_blocks_beyond_the_limit_until_a_release() throws Exception {
        AdaptiveLimit one = new AdaptiveLimit(1, now::get);
        one.acquire();
        Thread waiter = new Thread(() -> {
            try {
                one.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        waiter.start();
        waiter.join(200);
        assertThat(waiter.isAlive()).isTrue();
        one.release(true);
        waiter.join(2000);
        assertThat(waiter.isAlive()).isFalse();
    }

    private void succeed(int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            limit.acquire();
            limit.release(true);
        }
    }
}
