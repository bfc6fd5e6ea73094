package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.UsageException;
import dev.scimctl.scim.model.ServiceProviderConfig;

import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A filtered listing that works on servers that cannot filter. The filter is applied here, over every resource the
 * server lists, when:
 * <ul>
 *     <li>{@code /ServiceProviderConfig} says {@code filter.supported: false} (such servers ignore the parameter
 *     and return everything);</li>
 *     <li>the server refuses the filtered listing with 400 ({@code invalidFilter}, or no scimType at all);</li>
 *     <li>the filter holds an escaped quote or backslash, which some servers do not unescape: what the server returns
 *     is checked here, and if it returns nothing or refuses, every resource is read and checked here.</li>
 * </ul>
 * Each switch is announced through the listener (stderr), because reading everything costs time.
 */
final class LocalFiltering {
    private final ScimClient client;
    private final ClientListener listener;

    LocalFiltering(ScimClient client, ClientListener listener) {
        this.client = client;
        this.listener = listener;
    }

    Stream<JsonNode> list(String resource, ListQuery query, Runnable beforeWait) {
        if (query.filter() == null) {
            return client.list(resource, query, beforeWait);
        }
        String expression = query.filter().expression();
        if (serverSaysNoFiltering()) {
            FilterMatcher matcher = parseOrExplain(expression, "the server does not support filtering (its "
                    + "ServiceProviderConfig says so), and scimctl cannot apply this filter itself");
            listener.notice("the server does not support filtering (its ServiceProviderConfig says so); "
                    + "scimctl reads every resource of /" + resource + " and filters them itself");
            return everything(resource, query, matcher, beforeWait);
        }
        Deferred deferred = new Deferred(resource, query, beforeWait);
        return Pager.stream(deferred).onClose(deferred::close);
    }

    private boolean serverSaysNoFiltering() {
        Optional<ServiceProviderConfig> spc = client.serviceProviderConfig();
        return spc.isPresent() && spc.get().filter() != null && Boolean.FALSE.equals(spc.get().filter().supported());
    }

    /** Every resource, filtered here; the limit counts the matches. */
    private Stream<JsonNode> everything(String resource, ListQuery query, FilterMatcher matcher, Runnable beforeWait) {
        ListQuery all = query.withFilter(null).withLimit(0);
        if (!query.attributes().isEmpty()) {
            // The filter needs its attributes in what comes back, even those the caller did not ask for.
            Set<String> attributes = new LinkedHashSet<>(query.attributes());
            attributes.addAll(matcher.attributes());
            all = all.withAttributes(attributes.stream().toList());
        }
        Stream<JsonNode> matching = client.list(resource, all, beforeWait).filter(matcher);
        return query.limit() > 0 ? matching.limit(query.limit()) : matching;
    }

    private static FilterMatcher parseOrExplain(String expression, String why) {
        try {
            return FilterMatcher.parse(expression);
        } catch (IllegalArgumentException e) {
            throw new UsageException(why + ": " + e.getMessage());
        }
    }

    private static FilterMatcher parseOrNull(String expression) {
        try {
            return FilterMatcher.parse(expression);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean refusedFilter(ScimErrorException e) {
        return e.status() == 400 && (e.scimType() == null || e.scimType().equalsIgnoreCase("invalidFilter"));
    }

    /** Asks the server first, and decides on its first answer whether to filter here instead. */
    private final class Deferred implements Iterator<JsonNode>, AutoCloseable {
        private final String resource;
        private final ListQuery query;
        private final Runnable beforeWait;
        private Stream<JsonNode> source;
        private Iterator<JsonNode> it;

        Deferred(String resource, ListQuery query, Runnable beforeWait) {
            this.resource = resource;
            this.query = query;
            this.beforeWait = beforeWait;
        }

        @Override
        public boolean hasNext() {
            if (it == null) {
                decide();
            }
            return it.hasNext();
        }

        @Override
        public JsonNode next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return it.next();
        }

        private void decide() {
            String expression = query.filter().expression();
            boolean escaped = expression.indexOf('\\') >= 0;
            Stream<JsonNode> server = client.list(resource, query, beforeWait);
            Iterator<JsonNode> serverIt = server.iterator();
            boolean any;
            try {
                any = serverIt.hasNext();
            } catch (ScimErrorException e) {
                server.close();
                FilterMatcher matcher = refusedFilter(e) ? parseOrNull(expression) : null;
                if (matcher == null) {
                    throw e;
                }
                listener.notice("the server refused the filter (" + e.getMessage() + "); scimctl reads every "
                        + "resource of /" + resource + " and filters them itself");
                use(everything(resource, query, matcher, beforeWait));
                return;
            }
            FilterMatcher matcher = escaped ? parseOrNull(expression) : null;
            if (matcher == null) {
                source = server;
                it = serverIt;
            } else if (!any) {
                server.close();
                listener.notice("the filter holds a quote or backslash, which some servers do not unescape, and the "
                        + "server found nothing; scimctl reads every resource of /" + resource + " to make sure");
                use(everything(resource, query, matcher, beforeWait));
            } else {
                source = server;
                it = new Filtered(serverIt, matcher);
            }
        }

        private void use(Stream<JsonNode> stream) {
            source = stream;
            it = stream.iterator();
        }

        @Override
        public void close() {
            if (source != null) {
                source.close();
            }
        }
    }

    /** The elements of an iterator that match. */
    private static final class Filtered implements Iterator<JsonNode> {
        private final Iterator<JsonNode> in;
        private final FilterMatcher matcher;
        private JsonNode next;

        Filtered(Iterator<JsonNode> in, FilterMatcher matcher) {
            this.in = in;
            this.matcher = matcher;
        }

        @Override
        public boolean hasNext() {
            while (next == null && in.hasNext()) {
                JsonNode candidate = in.next();
                if (matcher.test(candidate)) {
                    next = candidate;
                }
            }
            return next != null;
        }

        @Override
        public JsonNode next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            JsonNode n = next;
            next = null;
            return n;
        }
    }
}
