package dev.scimctl.csv;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;

/**
 * Reads a {@link DuoCsvReader}'s rows on a second thread and hands them over in batches through a small bounded
 * queue, so that reading (decoding, splitting, building rows) and checking them run on two cores (issue #18). Rows
 * come out in file order, and an error the reader hits (a broken line, bytes that are not UTF-8, out of memory) is
 * thrown by {@link #next()} after the rows before it: exactly where the one-thread loop would have thrown it, so
 * the findings printed before the error are unchanged. Memory stays bounded: at most a few batches wait.
 */
final class ReadAhead implements AutoCloseable {
    private static final int BATCH = 512;
    private static final int WAITING_BATCHES = 4;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(WAITING_BATCHES);
    private final Thread thread;
    private UserRow[] batch = new UserRow[0];
    private int next;
    private boolean done;

    ReadAhead(DuoCsvReader reader) {
        thread = new Thread(() -> read(reader), "csv-read-ahead");
        thread.setDaemon(true); // never keeps a failing run alive
        thread.start();
    }

    private void read(DuoCsvReader reader) {
        UserRow[] rows = new UserRow[BATCH];
        int n = 0;
        Object last = END;
        try {
            for (UserRow row; (row = reader.next()) != null; ) {
                rows[n++] = row;
                if (n == BATCH) {
                    queue.put(rows);
                    rows = new UserRow[BATCH];
                    n = 0;
                }
            }
        } catch (InterruptedException e) {
            return; // close(): nobody reads the rest
        } catch (Throwable t) {
            last = t; // after the rows read before it
        }
        try {
            if (n > 0) {
                queue.put(rows); // the last batch ends at its first null: no copy, even out of memory
            }
            queue.put(last);
        } catch (InterruptedException e) {
            // close(): nobody reads the rest.
        }
    }

    /** The next row, or null at the end; rethrows the reader's error once the rows before it are taken. */
    UserRow next() {
        if (next < batch.length && batch[next] != null) {
            return batch[next++];
        }
        if (done) {
            return null;
        }
        Object item;
        try {
            item = queue.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("interrupted");
        }
        if (item instanceof UserRow[] rows) {
            batch = rows;
            next = 1;
            return rows[0];
        }
        done = true;
        if (item instanceof RuntimeException e) {
            throw e;
        }
        if (item instanceof Error e) {
            throw e;
        }
        if (item instanceof Throwable t) {
            throw new IllegalStateException(t);
        }
        return null;
    }

    /** Stops the reading thread if the rows are not all taken (the checking side failed). */
    @Override
    public void close() {
        if (!done) {
            thread.interrupt();
        }
    }
}
