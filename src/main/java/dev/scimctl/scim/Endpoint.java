package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * What {@link Users} and {@link Groups} offer alike: one endpoint's reading by id, listing, counting and deleting, and
 * the look-up of one name through a filter. How each changes its resources, and each one's case rule, stay with it.
 */
public abstract sealed class Endpoint permits Users, Groups {
    /**
     * What one filtered look-up found, and whether the server ignored the filter (it sent resources of other names).
     *
     * @param found every resource the server answered with, the match among them
     */
    public record Lookup(Optional<JsonNode> user, boolean filterIgnored, List<JsonNode> found) {
    }

    final Resource resource;

    Endpoint(ScimClient client, String endpoint) {
        this.resource = new Resource(client, endpoint);
    }

    /** The resource with this id, or empty when there is none (404, or 400 from servers that refuse foreign ids). */
    public Optional<JsonNode> findById(String id) {
        return resource.findById(id);
    }

    /** The resource with this id; a missing one is a {@link ScimException} whose {@code isNotFound()} is true. */
    public JsonNode get(String id) {
        return resource.get(id);
    }

    /** Lists lazily in the server's order (see {@link ScimClient#list(String, ListQuery)}). */
    public Stream<JsonNode> list(ListQuery query) {
        return resource.list(query, () -> {
        });
    }

    /** As {@link #list(ListQuery)}, flushing output through {@code beforeWait} whenever the next page is awaited. */
    public Stream<JsonNode> list(ListQuery query, Runnable beforeWait) {
        return resource.list(query, beforeWait);
    }

    /** A listing whose filter scimctl applies itself where the server cannot (see {@code LocalFiltering}). */
    public Stream<JsonNode> listFiltered(ListQuery query, Runnable beforeWait) {
        return resource.listFiltered(query, beforeWait);
    }

    /** How many the server holds (totalResults of a one-item page), or -1 when it does not say. */
    public long count() {
        return resource.count();
    }

    /** DELETE. NinjaOne keeps a deleted SCIM user as inactive; other servers remove it. */
    public void delete(String id) {
        resource.delete(id);
    }

    /** How changes reach this server: PATCH, PATCH then PUT, PUT with If-Match, or PUT. */
    public UpdateMethod updateMethod() {
        return resource.updateMethod();
    }

    /** At most {@code n} resources that a filter finds. */
    List<JsonNode> listAtMost(Filter filter, int n) {
        try (Stream<JsonNode> s = list(ListQuery.all().withFilter(filter).withPageSize(n).withLimit(n))) {
            return s.toList();
        }
    }

    /**
     * One filtered request for {@code attribute eq value}, at most {@code count} answers: the match by {@link #pick},
     * and whether the server ignored the filter.
     */
    Lookup lookUpBy(String attribute, String value, int count, BooleanSupplier otherCaseCounts) {
        List<JsonNode> found = listAtMost(Filter.eq(attribute, value), count);
        boolean ignored = found.stream().anyMatch(r -> !r.path(attribute).asText().equalsIgnoreCase(value));
        return new Lookup(pick(found, attribute, value, otherCaseCounts), ignored, found);
    }

    /**
     * An exact match first; else one in another case (or accents' encoding), where {@code otherCaseCounts} (asked only
     * then).
     */
    static Optional<JsonNode> pick(List<JsonNode> found, String attribute, String value,
                                   BooleanSupplier otherCaseCounts) {
        Optional<JsonNode> exact = found.stream().filter(r -> value.equals(r.path(attribute).asText(null))).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        Optional<JsonNode> other = found.stream().filter(r -> CaseInsensitive.equal(r.path(attribute).asText(), value))
                .findFirst();
        return other.isPresent() && otherCaseCounts.getAsBoolean() ? other : Optional.empty();
    }
}
