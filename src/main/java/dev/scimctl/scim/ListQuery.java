package dev.scimctl.scim;

import java.util.List;

/**
 * What to list and how: the SCIM query parameters plus client-side bounds.
 *
 * @param filter     a filter, or null for everything
 * @param attributes attributes to ask for (empty: the server's default)
 * @param sortBy     an attribute to sort by, or null
 * @param descending sort order, when sorting
 * @param pageSize   the {@code count} asked for per page; the server may give fewer
 * @param limit      stop after this many resources (0: no limit)
 */
public record ListQuery(Filter filter, List<String> attributes, String sortBy, boolean descending, int pageSize,
                        long limit) {
    public static final int DEFAULT_PAGE_SIZE = 100;

    public ListQuery {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
    }

    public static ListQuery all() {
        return new ListQuery(null, List.of(), null, false, DEFAULT_PAGE_SIZE, 0);
    }

    public ListQuery withFilter(Filter f) {
        return new ListQuery(f, attributes, sortBy, descending, pageSize, limit);
    }

    public ListQuery withPageSize(int size) {
        return new ListQuery(filter, attributes, sortBy, descending, size, limit);
    }

    public ListQuery withLimit(long max) {
        return new ListQuery(filter, attributes, sortBy, descending, pageSize, max);
    }

    public ListQuery withAttributes(List<String> attrs) {
        return new ListQuery(filter, attrs, sortBy, descending, pageSize, limit);
    }

    public ListQuery withSort(String by, boolean desc) {
        return new ListQuery(filter, attributes, by, desc, pageSize, limit);
    }
}
