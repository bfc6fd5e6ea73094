package dev.scimctl.cli.groups;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.ResourceListing;
import dev.scimctl.cli.options.FilterOption;
import dev.scimctl.cli.options.OutputOptions;
import dev.scimctl.cli.options.PagingOptions;
import dev.scimctl.cli.options.ServerOptions;
import dev.scimctl.output.OutputFormat;
import dev.scimctl.scim.Filter;
import dev.scimctl.scim.Groups;
import dev.scimctl.scim.ListQuery;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code scimctl groups list}: every group, with its id and member count. */
@Command(name = "list", aliases = "ls")
@ExitCodes(ExitCode.PROBLEMS)
public final class GroupsListCommand implements Callable<Integer> {
    @Mixin
    ServerOptions server;

    @Option(names = "--display-name", paramLabel = "NAME")
    String displayName;

    @Mixin
    FilterOption filter;

    @Mixin
    PagingOptions paging;

    @Override
    public Integer call() {
        Filter f = filter.toFilter();
        if (displayName != null) {
            Filter byName = Filter.eq("displayName", displayName);
            f = f == null ? byName : f.and(byName);
        }
        OutputOptions output = server.output;
        OutputFormat format = output.format(server.context());
        boolean wholeDocuments = !output.fieldsChosen() && (format == OutputFormat.json || format == OutputFormat.ndjson);
        ListQuery query = paging.applyTo(ListQuery.all().withFilter(f))
                .withAttributes(wholeDocuments ? List.of() : GroupFields.attributes(output.fields(GroupFields.FIELDS)));
        return ResourceListing.print(server, new Groups(server.client()), query, GroupFields.FIELDS, "groups");
    }
}
