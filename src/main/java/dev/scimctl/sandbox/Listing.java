package dev.scimctl.sandbox;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.databind.node.ObjectNode;

import de.captaingoldfish.scim.sdk.common.constants.enums.SortOrder;
import de.captaingoldfish.scim.sdk.common.resources.ResourceNode;
import de.captaingoldfish.scim.sdk.common.resources.ServiceProvider;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.filter.resources.FilterResourceResolver;
import de.captaingoldfish.scim.sdk.server.response.PartialListResponse;
import de.captaingoldfish.scim.sdk.server.sort.ResourceNodeComparator;

/**
 * One page of a list request. The handlers do this rather than the SDK's auto-filtering, which needs every
 * resource converted on every page: here an unfiltered, unsorted page converts only its own resources, and
 * filters and sorting still run on the SDK's own evaluator and comparator.
 */
final class Listing {

    private Listing() {
    }

    /** A page of the store's resources, in store order, without filter or sort. */
    static <T extends ResourceNode> PartialListResponse<T> page(SandboxStore.Page page, Function<ObjectNode, T> convert) {
        return PartialListResponse.<T>builder()
                .resources(page.resources().stream().map(convert).toList())
                .totalResults(page.totalResults())
                .build();
    }

    /** Filters and sorts all resources with the SDK's semantics, then cuts out the page. */
    static <T extends ResourceNode> PartialListResponse<T> filtered(ServiceProvider serviceProvider, List<ObjectNode> all,
            Function<ObjectNode, T> convert, FilterNode filter, SchemaAttribute sortBy, SortOrder sortOrder,
            long startIndex, int count) {
        List<T> resources = all.stream().map(convert).toList();
        if (filter != null) {
            resources = FilterResourceResolver.filterResources(serviceProvider, resources, filter);
        }
        if (sortBy != null) {
            resources = resources.stream()
                    .sorted(new ResourceNodeComparator(sortBy, sortOrder == null ? SortOrder.ASCENDING : sortOrder))
                    .toList();
        }
        return slice(resources, startIndex, count);
    }

    /** The page of an already complete, ordered list. */
    static <T extends ResourceNode> PartialListResponse<T> slice(List<T> resources, long startIndex, int count) {
        int from = (int) Math.min(Math.max(startIndex, 1) - 1, resources.size());
        int to = (int) Math.min((long) from + Math.max(count, 0), resources.size());
        return PartialListResponse.<T>builder()
                .resources(resources.subList(from, to))
                .totalResults(resources.size())
                .build();
    }
}
