package dev.scimctl.importer;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class AdaptiveLimitTest {
    private final AtomicLong now = new AtomicLong();
    private final AdaptiveLimit limit = new AdaptiveLimit(8, now::get);

    @Test
    void a_server_refusing_many_requests_halves_the_limit_window_by_window_down_to_one() throws Exception {
        for (int window = 0; window < 5; window++) {
            answer(6, 4); // 40 % pushed back
        }
        assertThat(limit.current()).isEqualTo(1);
        assertThat(limit.lowest()).isEqualTo(1);
        assertThat(limit.cuts()).isEqualTo(3);
    }

    @Test
    void an_odd_pushback_among_many_successes_does_not_slow_down() throws Exception {
        answer(92, 8);
        answer(92, 8);
        assertThat(limit.current()).isEqualTo(8);
        assertThat(limit.cuts()).isZero();
    }

    @Test
    void quiet_windows_raise_the_limit_one_at_a_time() throws Exception {
        answer(10, 10);
        assertThat(limit.current()).isEqualTo(4);
        answer(20, 0);
        assertThat(limit.current()).isEqualTo(5);
        for (int i = 0; i < 10; i++) {
            answer(20, 0);
        }
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
        one.release();
        waiter.join(2000);
        assertThat(waiter.isAlive()).isFalse();
    }

    /** One window: some steps succeed, some requests are pushed back (spread evenly); then the window closes. */
    private void answer(int ok, int pushedBack) throws InterruptedException {
        int total = ok + pushedBack;
        int pushed = 0;
        for (int i = 1; i <= total; i++) {
            if (pushed < (long) pushedBack * i / total) {
                limit.pushback();
                pushed++;
            } else {
                limit.acquire();
                limit.release();
            }
        }
        now.addAndGet(AdaptiveLimit.WINDOW_NANOS);
        limit.acquire();
        limit.release();
    }

    @Test
    void a_burst_of_refusals_cuts_at_once_without_waiting_for_the_window() {
        for (int i = 0; i < 32; i++) {
            limit.retrying(429);
        }
        assertThat(limit.current()).isEqualTo(4);
        limit.retrying(0);
        limit.retrying(502);
        assertThat(limit.cuts()).isEqualTo(1);
    }
}
