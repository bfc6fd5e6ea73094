package dev.scimctl.sandbox;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.captaingoldfish.scim.sdk.common.constants.enums.SortOrder;
import de.captaingoldfish.scim.sdk.common.resources.ResourceNode;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceHandler;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.response.PartialListResponse;

/**
 * A resource type served from the {@link SandboxStore}: reading one by id, and listing (a page of the store, or the
 * resources filtered and sorted with the SDK's semantics, see {@link Listing}), are the same for users and groups. A
 * subclass gives the store's look-ups of its type and says how a stored resource becomes the SDK's resource.
 */
abstract class StoredResourceHandler<T extends ResourceNode> extends ResourceHandler<T> {

    /** The stored resources from {@code startIndex} (1-based), at most {@code count}, in store order. */
    @FunctionalInterface
    interface Pages {
        SandboxStore.Page page(long startIndex, int count);
    }

    private final Function<String, Optional<ObjectNode>> byId;
    private final Pages pages;
    private final Supplier<List<ObjectNode>> all;

    /**
     * @param byId  the stored resource with an id
     * @param pages a page of the stored resources
     * @param all   every stored resource, in store order
     */
    StoredResourceHandler(Function<String, Optional<ObjectNode>> byId, Pages pages, Supplier<List<ObjectNode>> all) {
        this.byId = byId;
        this.pages = pages;
        this.all = all;
    }

    /** A stored resource as the SDK's resource, for this request (meta, links). */
    abstract T toResource(ObjectNode stored, Context context);

    /** The resources a filter selects, where the store can answer it from an index without reading them all. */
    Optional<List<T>> indexed(FilterNode filter, Context context) {
        return Optional.empty();
    }

    @Override
    public T getResource(String id, List<SchemaAttribute> attributes, List<SchemaAttribute> excludedAttributes,
            Context context) {
        return byId.apply(id).map(resource -> toResource(resource, context)).orElse(null);
    }

    @Override
    public PartialListResponse<T> listResources(long startIndex, int count, FilterNode filter,
            SchemaAttribute sortBy, SortOrder sortOrder, List<SchemaAttribute> attributes,
            List<SchemaAttribute> excludedAttributes, Context context) {
        if (filter == null && sortBy == null) {
            return Listing.page(pages.page(startIndex, count), resource -> toResource(resource, context));
        }
        Optional<List<T>> found = indexed(filter, context);
        if (found.isPresent()) {
            return Listing.slice(found.get(), startIndex, count);
        }
        return Listing.filtered(getServiceProvider(), all.get(), resource -> toResource(resource, context), filter,
                sortBy, sortOrder, startIndex, count);
    }
}
