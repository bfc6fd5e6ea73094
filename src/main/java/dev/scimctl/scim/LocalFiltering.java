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
 * A filtered listing that works on servers that filter wrongly or not at all. The filter is applied here, over every
 * resource the server lists, when:
 * <ul>
 *     <li>{@code /ServiceProviderConfig} says {@code filter.supported: false} (such servers ignore the parameter
 *     and return everything);</li>
 *     <li>the server refuses the filtered listing with 400 ({@code invalidFilter}, or no scimType at all);</li>
 *     <li>the server finds nothing for a filter scimctl built ({@link Filter#isBuilt()}) or one holding an escaped
 *     quote or backslash. Servers differ in how they filter (letter case, extension attributes by URN, escapes),
 *     and an empty answer from one that got it wrong looks like a true one, so every resource is checked here.</li>
 * </ul>
 * What the server returns for such a filter is checked here too, so a server that ignores part of it (and returns
 * too much) cannot widen the result. A raw filter ({@code --filter}) is otherwise the server's to evaluate.
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
        ListQuery all = withAttributesFor(query, matcher).withFilter(null).withLimit(0);
        Stream<JsonNode> matching = client.list(resource, all, beforeWait).filter(matcher);
        return query.limit() > 0 ? matching.limit(query.limit()) : matching;
    }

    /** The filter needs its attributes in what comes back, even those the caller did not ask for. */
    private static ListQuery withAttributesFor(ListQuery query, FilterMatcher matcher) {
        if (query.attributes().isEmpty()) {
            return query; // everything comes back
        }
        Set<String> attributes = new LinkedHashSet<>(query.attributes());
        attributes.addAll(matcher.attributes());
        return query.withAttributes(attributes.stream().toList());
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
        return e.isRefusedFilter();
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
            FilterMatcher matcher = query.filter().isBuilt() || escaped ? parseOrNull(expression) : null;
            Stream<JsonNode> server = client.list(resource, matcher == null ? query : withAttributesFor(query, matcher),
                    beforeWait);
            Iterator<JsonNode> serverIt = server.iterator();
            boolean any;
            try {
                any = serverIt.hasNext();
            } catch (ScimErrorException e) {
                server.close();
                FilterMatcher local = matcher != null ? matcher : refusedFilter(e) ? parseOrNull(expression) : null;
                if (local == null || !refusedFilter(e)) {
                    throw e;
                }
                client.forgetDiscovery(); // it may have said it filters: ask again next time
                listener.notice("the server refused the filter (" + e.getMessage() + "); scimctl reads every "
                        + "resource of /" + resource + " and filters them itself");
                use(everything(resource, query, local, beforeWait));
                return;
            }
            if (matcher == null) {
                source = server;
                it = serverIt;
            } else if (!any) {
                server.close();
                listener.notice("the server found none; as servers differ in how they filter ("
                        + (escaped ? "escaped quotes and backslashes, " : "") + "letter case, extension attributes), "
                        + "scimctl checks every resource of /" + resource + " itself");
                use(everything(resource, query, matcher, beforeWait));
            } else {
                source = server;
                it = new Checked(serverIt, matcher);
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

    /** What the server returned, checked against the filter: a resource that does not match is left out, and said. */
    private final class Checked implements Iterator<JsonNode> {
        private final Iterator<JsonNode> in;
        private final FilterMatcher matcher;
        private JsonNode next;
        private boolean told;

        Checked(Iterator<JsonNode> in, FilterMatcher matcher) {
            this.in = in;
            this.matcher = matcher;
        }

        @Override
        public boolean hasNext() {
            while (next == null && in.hasNext()) {
                JsonNode candidate = in.next();
                if (matcher.test(candidate)) {
                    next = candidate;
                } else if (!told) {
                    told = true;
                    listener.notice("the server returned resources that do not match the filter (it seems not to "
                            + "apply all of it); scimctl leaves them out");
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
