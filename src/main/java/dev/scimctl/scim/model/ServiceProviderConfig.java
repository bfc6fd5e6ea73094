package dev.scimctl.scim.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.Function;
import java.util.function.Predicate;

/** What a server says it supports (RFC 7643 §5). Every part may be missing: missing means "not said". */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ServiceProviderConfig(Supported patch, Bulk bulk, Filter filter, Supported changePassword,
                                    Supported sort, Supported etag) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Supported(Boolean supported) {
        boolean yes() {
            return Boolean.TRUE.equals(supported);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Bulk(Boolean supported, Integer maxOperations, Integer maxPayloadSize) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Filter(Boolean supported, Integer maxResults) {
    }

    /**
     * Reads the common document, where every value has its plain JSON type (objects, booleans, int numbers), without
     * Jackson's data binding, whose first use costs a short command like {@code users get} a tenth of its run
     * (issue #18). Null for anything else: the caller then binds it with Jackson, whose coercions and errors stay the
     * only ones. ServiceProviderConfigTest compares the two.
     */
    public static ServiceProviderConfig readPlain(JsonNode n) {
        if (n == null || !n.isObject()) {
            return null;
        }
        try {
            return new ServiceProviderConfig(supported(n.get("patch")), bulk(n.get("bulk")), filter(n.get("filter")),
                    supported(n.get("changePassword")), supported(n.get("sort")), supported(n.get("etag")));
        } catch (NotPlain e) {
            return null;
        }
    }

    private static Supported supported(JsonNode n) {
        return absent(n) ? null : new Supported(bool(object(n).get("supported")));
    }

    private static Bulk bulk(JsonNode n) {
        return absent(n) ? null : new Bulk(bool(object(n).get("supported")), integer(n.get("maxOperations")),
                integer(n.get("maxPayloadSize")));
    }

    private static Filter filter(JsonNode n) {
        return absent(n) ? null : new Filter(bool(object(n).get("supported")), integer(n.get("maxResults")));
    }

    private static boolean absent(JsonNode n) {
        return n == null || n.isNull();
    }

    private static JsonNode object(JsonNode n) {
        if (!n.isObject()) {
            throw new NotPlain();
        }
        return n;
    }

    private static Boolean bool(JsonNode n) {
        return plain(n, JsonNode::isBoolean, JsonNode::booleanValue);
    }

    private static Integer integer(JsonNode n) {
        return plain(n, JsonNode::isInt, JsonNode::intValue);
    }

    /** Null when absent; {@code read} of it when {@code isPlain}; otherwise Jackson's binding must decide. */
    private static <T> T plain(JsonNode n, Predicate<JsonNode> isPlain, Function<JsonNode, T> read) {
        if (absent(n)) {
            return null;
        }
        if (!isPlain.test(n)) {
            throw new NotPlain();
        }
        return read.apply(n);
    }

    /** A value of another type than the plain one: Jackson's binding decides. */
    private static final class NotPlain extends RuntimeException {
        NotPlain() {
            super(null, null, false, false);
        }
    }

    public boolean patchSupported() {
        return patch != null && patch.yes();
    }

    public boolean bulkSupported() {
        return bulk != null && Boolean.TRUE.equals(bulk.supported());
    }

    public boolean filterSupported() {
        return filter != null && Boolean.TRUE.equals(filter.supported());
    }

    /** The server's page-size cap, when it names one. */
    public Integer maxResults() {
        return filter == null ? null : filter.maxResults();
    }

    public boolean sortSupported() {
        return sort != null && sort.yes();
    }

    public boolean etagSupported() {
        return etag != null && etag.yes();
    }
}
