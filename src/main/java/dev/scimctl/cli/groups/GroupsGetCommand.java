package dev.scimctl.cli.groups;

import dev.scimctl.ExitCode;
import dev.scimctl.NotFoundException;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.options.ServerOptions;
import dev.scimctl.scim.Groups;
import dev.scimctl.scim.ScimClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code scimctl groups get GROUP}: one group and its members, with their userNames. */
@Command(name = "get")
@ExitCodes(ExitCode.PROBLEMS)
public final class GroupsGetCommand implements Callable<Integer> {
    @Mixin
    ServerOptions server;

    @Parameters(paramLabel = "GROUP")
    String group;

    @Override
    public Integer call() {
        GroupView view = new GroupView(server); // a wrong --fields fails before any request
        ScimClient client = server.client();
        view.print(new Groups(client).find(group).orElseThrow(() -> notFound(group, client)), client);
        return ExitCode.OK;
    }

    /** The one message for a group that is not there, for every groups command that names one. */
    static NotFoundException notFound(String group, ScimClient client) {
        return new NotFoundException("no group with the id or display name '" + group + "' on " + client.baseUrl()
                + "; 'scimctl groups list' shows them all");
    }
}
