package dev.scimctl.cli.users;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.ResourceListing;
import dev.scimctl.cli.options.PagingOptions;
import dev.scimctl.cli.options.ServerOptions;
import dev.scimctl.scim.ListQuery;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.Users;
import dev.scimctl.scim.model.ServiceProviderConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code scimctl users list}: every user on the server (or those a filter chooses), streamed page by page. */
@Command(name = "list", aliases = "ls")
@ExitCodes(ExitCode.PROBLEMS)
public final class UsersListCommand implements Callable<Integer> {
    @Mixin
    ServerOptions server;

    @Mixin
    UserFilterOptions filters;

    @Option(names = "--attributes", paramLabel = "ATTR", split = ",")
    List<String> attributes = List.of();

    @Option(names = "--sort-by", paramLabel = "ATTR")
    String sortBy;

    @Option(names = "--descending")
    boolean descending;

    @Mixin
    PagingOptions paging;

    @Override
    public Integer call() {
        ListQuery query = paging.applyTo(ListQuery.all().withFilter(filters.toFilter()).withAttributes(attributes));
        server.output.fields(UserFields.FIELDS); // a wrong --fields fails before any request
        ScimClient client = server.client();
        if (sortBy != null) {
            query = withSortIfSupported(client, query);
        }
        return ResourceListing.print(server, new Users(client), query, UserFields.FIELDS, "users");
    }

    private ListQuery withSortIfSupported(ScimClient client, ListQuery query) {
        Optional<ServiceProviderConfig> spc = client.serviceProviderConfig();
        if (spc.isPresent() && !spc.get().sortSupported()) {
            server.context().warn("the server does not support sorting (its ServiceProviderConfig says so): --sort-by is "
                    + "ignored, and users come in the server's order");
            return query;
        }
        return query.withSort(sortBy, descending);
    }
}
