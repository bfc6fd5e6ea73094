package dev.scimctl.importer;

import dev.scimctl.scim.ClientListener;
import dev.scimctl.scim.RetryPolicy;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * How many requests may be in flight: at most the --parallel the user gave, fewer while the server pushes back.
 * Every half second it looks at the answers since the last look: when more than one in four was a 429 or 503, the
 * server is at its limit and the limit is halved; when fewer than one in ten were, it grows by one. Additive increase,
 * multiplicative decrease, as TCP does it: the import settles just below what the server accepts, instead of every
 * worker hammering a server that is already refusing. Scattered 429s among many successes (blips, another client)
 * are not a reason to slow down: the client core's retries take care of them.
 */
public final class AdaptiveLimit {
    static final long WINDOW_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
    /** More pushbacks than this among a window's answers: slow down. */
    static final double CUT_ABOVE = 0.25;
    /** Fewer than this: speed up again. */
    static final double GROW_BELOW = 0.10;
    /** Answers needed to cut before the window is over: enough that a few unlucky refusals are not a trend. */
    static final int EARLY_CUT_ANSWERS = 20;

    private final int max;
    private final LongSupplier nanoTime;
    private int limit;
    private int inFlight;
    private long windowStart;
    private int answers;
    private int pushbacks;
    private int lowest;
    private int cuts;

    /** A client listener that passes the core's notices on and counts its pushbacks here, which slow the run down. */
    public ClientListener clientListener(Consumer<String> notices) {
        return new ClientListener() {
            @Override
            public void notice(String line) {
                notices.accept(line);
            }

            @Override
            public void retrying(String method, URI uri, int status, Duration wait) {
                AdaptiveLimit.this.retrying(status);
            }
        };
    }

    /** A limit that starts at, and never exceeds, {@code max}. */
    public AdaptiveLimit(int max) {
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
        this.windowStart = nanoTime.getAsLong();
    }

    /** Waits until a request may start. */
    synchronized void acquire() throws InterruptedException {
        while (inFlight >= limit) {
            wait();
        }
        inFlight++;
    }

    /** A step finished (the server answered it, or it failed for good). */
    synchronized void release() {
        inFlight--;
        answers++;
        adjust();
        notifyAll();
    }

    /**
     * The client core is about to retry a request after {@code status}. A 429 or 503 is the server saying it is at its
     * limit, and counts towards slowing down; a dropped connection (0), 502 or 504 says nothing about its capacity.
     */
    public void retrying(int status) {
        if (RetryPolicy.isPushback(status)) {
            pushback();
        }
    }

    /** The server pushed back on a request (429 or 503); the client core will retry it. */
    synchronized void pushback() {
        answers++;
        pushbacks++;
        adjust();
    }

    private void adjust() {
        long now = nanoTime.getAsLong();
        boolean windowOver = now - windowStart >= WINDOW_NANOS;
        double ratio = answers == 0 ? 0 : (double) pushbacks / answers;
        // A cut comes as soon as there are enough answers to judge (four per slot), so that a burst of refusals is met
        // at once; growth waits for the end of a quiet window.
        if (ratio > CUT_ABOVE && limit > 1 && (windowOver || answers >= Math.max(4 * limit, EARLY_CUT_ANSWERS))) {
            limit = Math.max(1, limit / 2);
            cuts++;
            lowest = Math.min(lowest, limit);
        } else if (!windowOver) {
            return;
        } else if (ratio < GROW_BELOW && limit < max && answers >= limit) {
            limit++;
        }
        windowStart = now;
        answers = 0;
        pushbacks = 0;
        notifyAll();
    }

    public int max() {
        return max;
    }

    public synchronized int current() {
        return limit;
    }

    /** The lowest the limit went, for the summary. */
    public synchronized int lowest() {
        return lowest;
    }

    /** How many times it was cut. */
    public synchronized int cuts() {
        return cuts;
    }
}
