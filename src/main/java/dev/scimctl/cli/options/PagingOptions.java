package dev.scimctl.cli.options;

import dev.scimctl.UsageException;
import dev.scimctl.scim.ListQuery;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code --limit}, {@code --page-size} and {@code --concurrency}: how a list command reads the server's pages; and
 * {@code -q}, which quiets the progress of that reading.
 */
public class PagingOptions {
    @Option(names = "--limit", paramLabel = "N", defaultValue = "0")
    long limit;

    @Option(names = "--page-size", paramLabel = "N", defaultValue = "100")
    int pageSize;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "4")
    int concurrency;

    @Mixin
    QuietOption quiet;

    /** The query with these limits; an out-of-range value is a usage error. */
    public ListQuery applyTo(ListQuery query) {
        if (pageSize < 1) {
            throw new UsageException("--page-size must be at least 1, not " + pageSize);
        }
        if (limit < 0) {
            throw new UsageException("--limit must be 0 (all) or more, not " + limit);
        }
        if (concurrency < 1 || concurrency > ListQuery.MAX_PARALLELISM) {
            throw new UsageException("--concurrency must be 1 to " + ListQuery.MAX_PARALLELISM + ", not " + concurrency);
        }
        return query.withPageSize(pageSize).withLimit(limit).withParallelism(concurrency);
    }
}
