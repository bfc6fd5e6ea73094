package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.scim.Pager.Page;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Reads a listing with up to {@code parallelism} pages in flight, and hands out the resources in the server's order.
 * <p>
 * The first page is read alone: it gives {@code totalResults} and the page size the server really serves (it may cut
 * {@code count}). Only then are the later pages asked for, by {@code startIndex}, a bounded window ahead of the
 * reader, so memory holds at most {@code parallelism + 1} pages. Each page is checked when its turn comes: if it is
 * short, long, or {@code totalResults} changed (users were added or removed while reading), the pages fetched ahead
 * are dropped and a sequential {@link Pager} carries on from what was actually received, so every guard of the
 * sequential pager (it always ends, tolerates short pages and changing totals) still holds.
 */
final class ConcurrentPager implements Iterator<JsonNode>, AutoCloseable {
    private static final AtomicInteger POOLS = new AtomicInteger();

    private final ScimClient client;
    private final String resource;
    private final ListQuery query;
    private final ClientListener listener;
    private final Runnable beforeWait;
    private final Deque<JsonNode> page = new ArrayDeque<>();
    private final Deque<Pending> inFlight = new ArrayDeque<>();
    private ThreadPoolExecutor executor;
    private Pager fallback;
    private boolean started;
    private boolean done;
    private long delivered;
    private long total;
    private long end;
    private long nextStart;
    private int pageLength;
    private final PageGuard guard;

    /** A page asked for and not yet handed out. */
    private record Pending(long startIndex, int count, Future<Page> future) {
    }

    ConcurrentPager(ScimClient client, String resource, ListQuery query, ClientListener listener, Runnable beforeWait) {
        this.client = client;
        this.resource = resource;
        this.query = query;
        this.listener = listener;
        this.beforeWait = beforeWait;
        this.guard = new PageGuard(resource, client.baseUrl(), listener);
    }

    @Override
    public boolean hasNext() {
        if (query.limit() > 0 && delivered >= query.limit()) {
            return false;
        }
        while (page.isEmpty()) {
            if (fallback != null) {
                return fallback.hasNext();
            }
            if (done) {
                return false;
            }
            if (!started) {
                readFirstPage();
            } else if (inFlight.isEmpty()) {
                finish();
            } else {
                takeNextPage();
            }
        }
        return true;
    }

    @Override
    public JsonNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        if (page.isEmpty()) {
            return fallback.next();
        }
        delivered++;
        return page.removeFirst();
    }

    private void readFirstPage() {
        started = true;
        int count = query.limit() > 0 ? (int) Math.min(query.pageSize(), query.limit()) : query.pageSize();
        beforeWait.run();
        Page first = Pager.fetch(client, resource, query, 1, count);
        guard.accept(first, 1, count).forEach(page::addLast);
        long next = 1 + first.size();
        if (guard.complete(first, next, count)) {
            finish(); // one page held it all
            return;
        }
        total = first.total();
        end = query.limit() > 0 && total >= 0 ? Math.min(total, query.limit()) : total;
        if (total >= 0 && next > end) {
            fallBack(next, "the first page reached totalResults or the limit"); // the guard's one extra page, if any
            return;
        }
        if (total < 0 || first.size() > count) {
            // No totalResults to plan with, or a server that ignores count: one page after another is all that is safe.
            fallBack(next, "the server gave no usable totalResults or page size");
            return;
        }
        pageLength = first.size(); // smaller than count when the server cuts the page size
        nextStart = next;
        executor = new ThreadPoolExecutor(query.parallelism(), query.parallelism(), 1, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), daemonThreads());
        executor.allowCoreThreadTimeOut(true);
        fillWindow();
    }

    /** Asks for pages until {@code parallelism} are in flight or the plan is complete. */
    private void fillWindow() {
        while (inFlight.size() < query.parallelism() && nextStart <= end) {
            long start = nextStart;
            int count = (int) Math.min(pageLength, end - start + 1);
            inFlight.addLast(new Pending(start, count,
                    executor.submit(() -> Pager.fetch(client, resource, query, start, count))));
            nextStart += count;
        }
    }

    private void takeNextPage() {
        Pending head = inFlight.peekFirst();
        if (!head.future().isDone()) {
            beforeWait.run();
        }
        Page p = await(head.future());
        inFlight.removeFirst();
        guard.accept(p, head.startIndex(), head.count()).forEach(page::addLast);
        long resume = head.startIndex() + p.size();
        if (p.size() == 0) {
            finish(); // the guard has checked that nothing more was promised
            return;
        }
        if (inFlight.isEmpty() && nextStart > end && p.size() == head.count() && p.total() == total) {
            // The last page of the plan: the guard decides whether to ask once past totalResults.
            if (guard.complete(p, resume, pageLength)) { // a last page cut to the plan is not "full"
                finish();
            } else {
                fallBack(resume, "the listing ended on a full page");
            }
            return;
        }
        if (p.size() != head.count() || p.total() != total) {
            if (guard.complete(p, resume, head.count())) {
                finish();
            } else {
                fallBack(resume, "the page at startIndex=" + head.startIndex() + " held " + p.size() + " of "
                        + head.count() + " resources and totalResults went from " + total + " to " + p.total());
            }
            return;
        }
        fillWindow();
    }

    private Page await(Future<Page> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            close();
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        } catch (ExecutionException e) {
            close();
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r; // the client's typed ScimException, as the sequential pager would have thrown it
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        }
    }

    /** Drops what was fetched ahead and reads on one page at a time from {@code startIndex}. */
    private void fallBack(long startIndex, String why) {
        close();
        if (listener.debugEnabled()) {
            listener.debug("paging: " + why + "; reading on one page at a time from startIndex=" + startIndex);
        }
        // The sequential pager counts what this one still holds as delivered, so that a limit stays exact.
        fallback = new Pager(client, resource, query, beforeWait, startIndex, delivered + page.size(), guard);
    }

    private void finish() {
        done = true;
        close();
    }

    /** Cancels the pages in flight and lets the worker threads go. Safe to call more than once. */
    @Override
    public void close() {
        for (Pending pending : inFlight) {
            pending.future().cancel(true);
        }
        inFlight.clear();
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    private static ThreadFactory daemonThreads() {
        int pool = POOLS.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, "scimctl-pager-" + pool + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
