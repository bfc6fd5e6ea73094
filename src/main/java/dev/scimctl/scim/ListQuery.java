package dev.scimctl.scim;

import java.util.List;

/**
 * What to list and how: the SCIM query parameters plus client-side bounds.
 *
 * @param filter      a filter, or null for everything
 * @param attributes  attributes to ask for (empty: the server's default)
 * @param sortBy      an attribute to sort by, or null
 * @param descending  sort order, when sorting
 * @param pageSize    the {@code count} asked for per page; the server may give fewer
 * @param limit       stop after this many resources (0: no limit)
 * @param parallelism how many pages may be in flight at once once {@code totalResults} is known (1: one at a time).
 *                    Resources still come out in the server's order
 */
public record ListQuery(Filter filter, List<String> attributes, String sortBy, boolean descending, int pageSize,
                        long limit, int parallelism) {
    public static final int DEFAULT_PAGE_SIZE = 100;
    /** A bound that keeps a few pages in memory and does not hammer a server; more gains little on loopback. */
    public static final int MAX_PARALLELISM = 16;

    public ListQuery {
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        if (pageSize < 1) {
            throw new IllegalArgumentException("page size must be at least 1");
        }
        if (limit < 0) {
            throw new IllegalArgumentException("limit must not be negative");
        }
        if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
            throw new IllegalArgumentException("parallelism must be 1 to " + MAX_PARALLELISM);
        }
    }

    public static ListQuery all() {
        return new ListQuery(null, List.of(), null, false, DEFAULT_PAGE_SIZE, 0, 1);
    }

    public ListQuery withFilter(Filter f) {
        return new ListQuery(f, attributes, sortBy, descending, pageSize, limit, parallelism);
    }

    public ListQuery withPageSize(int size) {
        return new ListQuery(filter, attributes, sortBy, descending, size, limit, parallelism);
    }

    public ListQuery withLimit(long max) {
        return new ListQuery(filter, attributes, sortBy, descending, pageSize, max, parallelism);
    }

    public ListQuery withAttributes(List<String> attrs) {
        return new ListQuery(filter, attrs, sortBy, descending, pageSize, limit, parallelism);
    }

    public ListQuery withSort(String by, boolean desc) {
        return new ListQuery(filter, attributes, by, desc, pageSize, limit, parallelism);
    }

    /** Pages in flight at once (see {@link ConcurrentPager}); 1 reads one page after another. */
    public ListQuery withParallelism(int pages) {
        return new ListQuery(filter, attributes, sortBy, descending, pageSize, limit, pages);
    }
}
