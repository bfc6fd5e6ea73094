package dev.scimctl.output;

import dev.scimctl.importer.Progress;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A one-line progress bar for stderr on a terminal: the phase, a bar, done of total, failures, rate and time left.
 * It is redrawn a few times a second from its own thread (never per step: thousands of steps a second would flood
 * the terminal). Lines printed while it is shown go through {@link #printAbove}, which clears the bar first.
 * Only use it when stderr is a terminal.
 */
public final class ProgressBar implements Progress, AutoCloseable {
    private static final int WIDTH = 24;

    private final PrintWriter err;
    private final ScheduledExecutorService ticker;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile String phase = "";
    private volatile long total;
    private volatile long startedNanos;
    private int shownWidth;
    private boolean active;

    public ProgressBar(PrintWriter err) {
        this.err = err;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "scimctl-progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(this::redraw, 200, 200, TimeUnit.MILLISECONDS);
    }

    @Override
    public void begin(String phase, long total) {
        synchronized (err) {
            clear();
            this.phase = phase;
            this.total = total;
            done.set(0);
            failed.set(0);
            startedNanos = System.nanoTime();
            active = true;
        }
    }

    @Override
    public void step(boolean failure) {
        steps(1, failure);
    }

    /** {@code count} steps at once. */
    @Override
    public void steps(long count, boolean failure) {
        done.addAndGet(count);
        if (failure) {
            failed.addAndGet(count);
        }
    }

    /** Ends the phase: the bar is removed, so that what follows starts on a clean line. */
    @Override
    public void end() {
        synchronized (err) {
            clear();
            active = false;
        }
    }

    /** Prints a line above the bar (a notice, a warning) and redraws the bar below it. */
    public void printAbove(String line) {
        synchronized (err) {
            clear();
            err.println(line);
            if (active) {
                draw();
            }
            err.flush();
        }
    }

    private void redraw() {
        synchronized (err) {
            if (active) {
                draw();
                err.flush();
            }
        }
    }

    private void draw() {
        String line = render(phase, done.get(), total, failed.get(), (System.nanoTime() - startedNanos) / 1e9);
        StringBuilder b = new StringBuilder("\r").append(line);
        for (int i = line.length(); i < shownWidth; i++) {
            b.append(' ');
        }
        err.print(b);
        shownWidth = line.length();
    }

    private void clear() {
        if (shownWidth > 0) {
            err.print("\r" + " ".repeat(shownWidth) + "\r");
            shownWidth = 0;
        }
    }

    /** The bar's text: "applying  [#########---------]  1234/5000  24%  2 failed  410/s  9 s left". */
    static String render(String phase, long done, long total, long failed, double seconds) {
        StringBuilder b = new StringBuilder(phase).append("  ");
        long shown = total > 0 ? Math.min(done, total) : done;
        if (total > 0) {
            int filled = (int) (WIDTH * shown / total);
            b.append('[').append("#".repeat(filled)).append("-".repeat(WIDTH - filled)).append("]  ");
            b.append(shown).append('/').append(total).append("  ").append(100 * shown / total).append('%');
        } else {
            b.append(shown);
        }
        if (failed > 0) {
            b.append("  ").append(failed).append(" failed");
        }
        if (seconds >= 1 && shown > 0) {
            double rate = shown / seconds;
            b.append("  ").append(String.format(Locale.ROOT, "%.0f/s", rate));
            if (total > shown && rate > 0) {
                b.append("  ").append(Math.round((total - shown) / rate)).append(" s left");
            }
        }
        return b.toString();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
        end();
        err.flush();
    }
}
