package dev.scimctl.scim;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How often and how long to wait before repeating a request that the server pushed back on (429, 502, 503, 504)
 * or that lost its connection. Capped exponential backoff with jitter, so that many clients do not retry in step;
 * a server's {@code Retry-After} wins over a shorter backoff, up to {@code maxRetryAfter}; a shorter one ("0") is
 * raised to the backoff.
 *
 * @param maxAttempts   attempts in all, the first included (1 = no retries)
 * @param baseDelay     the wait before the first retry, doubled for each further one
 * @param maxDelay      the cap on a backoff wait
 * @param maxRetryAfter the longest Retry-After honoured; a server asking for more is given up on with its error
 */
public record RetryPolicy(int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxRetryAfter) {
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(20), Duration.ofSeconds(120));
    public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    /** The backoff before retry number {@code retry} (1 for the first retry): between half and all of the cap'd exponential. */
    public Duration backoff(int retry) {
        long base = baseDelay.toMillis();
        long exp = base << Math.min(retry - 1, 20);
        long capped = Math.min(exp <= 0 ? Long.MAX_VALUE : exp, maxDelay.toMillis());
        if (capped <= 1) {
            return Duration.ofMillis(capped);
        }
        long half = capped / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(capped - half + 1));
    }

    /** A 429 or 503: the server says it is at its limit (a 502, 504 or dropped connection says nothing of that). */
    public static boolean isPushback(int status) {
        return status == 429 || status == 503;
    }
}
