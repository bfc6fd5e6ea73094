package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

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
 * the first page). It always ends: an empty page, reaching {@code totalResults}, or a page that repeats the previous
 * one (a server ignoring {@code startIndex}) stops it.
 */
final class Pager implements Iterator<JsonNode> {
    private final ScimClient client;
    private final String resource;
    private final ListQuery query;
    private final ClientListener listener;
    private final Runnable beforeWait;
    private final Deque<JsonNode> page = new ArrayDeque<>();
    private long startIndex;
    private long delivered;
    private boolean exhausted;
    private String previousFirstId;

    /** One page of a list response: its resources (never null, maybe empty) and totalResults (-1 when missing). */
    record Page(JsonNode resources, long total) {
        int size() {
            return resources.size();
        }

        String firstId() {
            return resources.isEmpty() ? null : resources.get(0).path("id").asText(null);
        }
    }

    Pager(ScimClient client, String resource, ListQuery query, ClientListener listener, Runnable beforeWait) {
        this(client, resource, query, listener, beforeWait, 1, 0, null);
    }

    /** A pager that carries on where another stopped ({@link ConcurrentPager} falls back to one). */
    Pager(ScimClient client, String resource, ListQuery query, ClientListener listener, Runnable beforeWait,
          long startIndex, long delivered, String previousFirstId) {
        this.client = client;
        this.resource = resource;
        this.query = query;
        this.listener = listener;
        this.beforeWait = beforeWait;
        this.startIndex = startIndex;
        this.delivered = delivered;
        this.previousFirstId = previousFirstId;
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
        if (p.size() == 0) {
            exhausted = true;
            return;
        }
        String firstId = p.firstId();
        if (repeatsPreviousPage(firstId, previousFirstId, startIndex, listener)) {
            exhausted = true;
            return;
        }
        previousFirstId = firstId;
        p.resources().forEach(page::addLast);
        startIndex += p.size();
        // A server that ignores startIndex/count returns everything at once: totalResults then equals what we have.
        if (p.total() >= 0 && startIndex > p.total()) {
            exhausted = true;
        }
    }

    /** GETs one page. Safe to call from several threads: the client is. */
    static Page fetch(ScimClient client, String resource, ListQuery query, long startIndex, int count) {
        ScimResponse response = client.send(ScimRequest.get(resource, ScimClient.pageQuery(query, startIndex, count)));
        JsonNode body = response.body();
        if (body == null) {
            throw new ScimProtocolException(response.uri(), "the server answered " + response.status()
                    + " with no body to a list request for " + resource, null);
        }
        JsonNode resources = body.path("Resources");
        if (!resources.isArray() && body.has("resources")) {
            resources = body.path("resources"); // some servers lower-case it
        }
        if (!resources.isArray()) {
            resources = JsonNodeFactory.instance.arrayNode();
        }
        return new Page(resources, body.path("totalResults").asLong(-1));
    }

    /** A page whose first resource is the previous page's first: a server ignoring startIndex. */
    static boolean repeatsPreviousPage(String firstId, String previousFirstId, long startIndex, ClientListener listener) {
        if (firstId != null && firstId.equals(previousFirstId)) {
            listener.notice("the server returned the same page again for startIndex=" + startIndex
                    + "; it seems to ignore paging, so the listing stops here");
            return true;
        }
        return false;
    }
}
