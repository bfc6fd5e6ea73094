package dev.scimctl.importer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/** Thread plumbing shared by the reading and applying pools. */
final class Workers {
    private Workers() {
    }

    /** Daemon threads, so that a failing run never hangs on its pool. */
    static ThreadFactory named(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** The task's own exception, so that the error handler sees a ScimException and not a wrapper. */
    static RuntimeException unwrap(ExecutionException e) {
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error err) {
            throw err;
        }
        return new IllegalStateException(cause);
    }

    /** The task's result, once it is done: its own exception if it failed; cancelled if this thread is interrupted. */
    static <T> T await(Future<T> task) {
        try {
            return task.get();
        } catch (ExecutionException e) {
            throw unwrap(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            throw new CancellationException("interrupted");
        }
    }

    /**
     * Runs a task per step on the pool and waits for all of them. Each task first waits for a slot of the adaptive
     * limit, and is skipped once {@code stopped} says the run is over (a failure every later step would hit too).
     */
    static <T> void runAll(ExecutorService pool, List<T> steps, Consumer<T> task, AdaptiveLimit limit,
                           BooleanSupplier stopped) {
        List<Future<?>> futures = new ArrayList<>(steps.size());
        for (T step : steps) {
            futures.add(pool.submit(() -> {
                if (stopped.getAsBoolean()) {
                    return;
                }
                try {
                    limit.acquire();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                try {
                    task.accept(step);
                } finally {
                    limit.release();
                }
            }));
        }
        for (Future<?> f : futures) {
            try {
                f.get();
            } catch (ExecutionException e) {
                throw unwrap(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                futures.forEach(x -> x.cancel(true));
                throw new CancellationException("interrupted");
            }
        }
    }
}
