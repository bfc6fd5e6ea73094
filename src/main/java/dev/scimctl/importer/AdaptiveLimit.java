package dev.scimctl.importer;

import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * How many requests may be in flight: at most the --parallel the user gave, halved when the server pushes back
 * (429, 503, a dropped connection), and raised again by one after a stretch of successes. Additive increase,
 * multiplicative decrease, as TCP does it: the import settles just below the rate the server accepts, instead of
 * having every worker hammer a server that is already refusing.
 */
final class AdaptiveLimit {
    /** One burst of pushbacks (every worker refused at once) is one signal, not {@code parallel} of them. */
    static final long CUT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** Wait this long after a cut before growing again, so that the server's Retry-After has passed. */
    static final long GROW_AFTER_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final int max;
    private final LongSupplier nanoTime;
    private int limit;
    private int inFlight;
    private int successes;
    private long lastCut;
    private boolean everCut;
    private int lowest;
    private int cuts;

    AdaptiveLimit(int max) {
        this(max, System::nanoTime);
    }

    AdaptiveLimit(int max, LongSupplier nanoTime) {
        if (max < 1) {
            throw new IllegalArgumentException("the limit must be at least 1");
        }
        this.max = max;
        this.limit = max;
        this.lowest = max;
        this.nanoTime = nanoTime;
    }

    /** Waits until a request may start. */
    synchronized void acquire() throws InterruptedException {
        while (inFlight >= limit) {
            wait();
        }
        inFlight++;
    }

    /** A request finished; {@code ok} when the server accepted it. */
    synchronized void release(boolean ok) {
        inFlight--;
        if (ok && limit < max) {
            successes++;
            if (successes >= 2 * limit && (!everCut || nanoTime.getAsLong() - lastCut >= GROW_AFTER_NANOS)) {
                limit++;
                successes = 0;
            }
        }
        notifyAll();
    }

    /** The server pushed back: halve the limit (never below 1). */
    synchronized void pushback() {
        long now = nanoTime.getAsLong();
        if (everCut && now - lastCut < CUT_INTERVAL_NANOS) {
            return;
        }
        everCut = true;
        lastCut = now;
        successes = 0;
        int halved = Math.max(1, limit / 2);
        if (halved < limit) {
            cuts++;
        }
        limit = halved;
        lowest = Math.min(lowest, limit);
    }

    synchronized int current() {
        return limit;
    }

    /** The lowest the limit went, for the summary. */
    synchronized int lowest() {
        return lowest;
    }

    /** How many times it was cut. */
    synchronized int cuts() {
        return cuts;
    }
}
