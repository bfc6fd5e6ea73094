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
 * the first page). It always ends: an empty page, reaching {@code totalResults}, or a page that repeats the previous
 * one (a server ignoring {@code startIndex}) stops it.
 */
final class Pager implements Iterator<JsonNode> {
    private final ScimClient client;
    private final String resource;
    private final ListQuery query;
    private final ClientListener listener;
    private final Deque<JsonNode> page = new ArrayDeque<>();
    private long startIndex = 1;
    private long delivered;
    private boolean exhausted;
    private String previousFirstId;

    Pager(ScimClient client, String resource, ListQuery query, ClientListener listener) {
        this.client = client;
        this.resource = resource;
        this.query = query;
        this.listener = listener;
    }

    Stream<JsonNode> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(this, Spliterator.ORDERED | Spliterator.NONNULL),
                false);
    }

    @Override
    public boolean hasNext() {
        if (query.limit() > 0 && delivered >= query.limit()) {
            return false;
        }
        while (page.isEmpty() && !exhausted) {
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
        long total = body.path("totalResults").asLong(-1);
        if (!resources.isArray() || resources.isEmpty()) {
            exhausted = true;
            return;
        }
        String firstId = resources.get(0).path("id").asText(null);
        if (firstId != null && firstId.equals(previousFirstId)) {
            listener.notice("the server returned the same page again for startIndex=" + startIndex
                    + "; it seems to ignore paging, so the listing stops here");
            exhausted = true;
            return;
        }
        previousFirstId = firstId;
        resources.forEach(page::addLast);
        startIndex += resources.size();
        // A server that ignores startIndex/count returns everything at once: totalResults then equals what we have.
        if (total >= 0 && startIndex > total) {
            exhausted = true;
        }
    }
}
