package dev.scimctl.cli.options;

import dev.scimctl.scim.Filter;
import picocli.CommandLine.Option;

/**
 * {@code --filter EXPR}: a raw SCIM filter for a list command, passed on as given. It is bracketed, so that the filters
 * the command's other options make can be joined to it with {@code and}.
 */
public class FilterOption {
    @Option(names = "--filter", paramLabel = "EXPR")
    String filter;

    /** The filter given, or null when none (or a blank one) was. */
    public Filter toFilter() {
        return filter == null || filter.isBlank() ? null : Filter.raw("(" + filter.strip() + ")");
    }
}
