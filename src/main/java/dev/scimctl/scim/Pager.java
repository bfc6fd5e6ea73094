package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Reads a SCIM listing page by page, lazily. Tolerant of what real servers do: fewer resources than asked for, a
 * wrong {@code itemsPerPage}, a {@code totalResults} that changes while reading, and no paging at all (everything in
 * the first page). Strict about what cannot be believed: each page must be a ListResponse of the right shape, and
 * {@link PageGuard} ends a listing that would never end, or would end early, with the server's fault named.
 */
final class Pager implements Iterator<JsonNode> {
    private final ScimClient client;
    private final String resource;
    private final ListQuery query;
    private final Runnable beforeWait;
    private final PageGuard guard;
    private final Deque<JsonNode> page = new ArrayDeque<>();
    private long startIndex;
    private long delivered;
    private boolean exhausted;

    /** One page of a list response: its resources (never null, maybe empty) and totalResults (-1 when missing). */
    record Page(JsonNode resources, long total) {
        int size() {
            return resources.size();
        }
    }

    Pager(ScimClient client, String resource, ListQuery query, ClientListener listener, Runnable beforeWait) {
        this(client, resource, query, beforeWait, 1, 0, new PageGuard(resource, client.baseUrl(), listener));
    }

    /** A pager that carries on where another stopped ({@link ConcurrentPager} falls back to one), with its guard. */
    Pager(ScimClient client, String resource, ListQuery query, Runnable beforeWait, long startIndex, long delivered,
          PageGuard guard) {
        this.client = client;
        this.resource = resource;
        this.query = query;
        this.beforeWait = beforeWait;
        this.startIndex = startIndex;
        this.delivered = delivered;
        this.guard = guard;
    }

    Stream<JsonNode> stream() {
        return stream(this);
    }

    static Stream<JsonNode> stream(Iterator<JsonNode> iterator) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    @Override
    public boolean hasNext() {
        if (query.limit() > 0 && delivered >= query.limit()) {
            return false;
        }
        while (page.isEmpty() && !exhausted) {
            beforeWait.run();
            fetch();
        }
        return !page.isEmpty();
    }

    @Override
    public JsonNode next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        delivered++;
        return page.removeFirst();
    }

    private void fetch() {
        int count = query.pageSize();
        if (query.limit() > 0) {
            count = (int) Math.min(count, query.limit() - delivered);
        }
        Page p = fetch(client, resource, query, startIndex, count);
        guard.accept(p, startIndex, count).forEach(page::addLast);
        startIndex += p.size();
        exhausted = guard.complete(p, startIndex, count);
    }

    /** GETs one page and checks its shape. Safe to call from several threads: the client is. */
    static Page fetch(ScimClient client, String resource, ListQuery query, long startIndex, int count) {
        return client.page(resource, ScimClient.pageQuery(query, startIndex, count));
    }
}
