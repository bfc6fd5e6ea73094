package dev.scimctl.cli.groups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.Confirmation;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.options.ConnectionOptions;
import dev.scimctl.cli.options.DryRunOptions;
import dev.scimctl.scim.Groups;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.text.Counted;
import dev.scimctl.text.SafeText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code scimctl groups delete GROUP}: DELETE, after showing it and asking. */
@Command(name = "delete")
@ExitCodes({ExitCode.PROBLEMS, ExitCode.AUTH, ExitCode.UNREACHABLE, ExitCode.SERVER, ExitCode.INTERRUPTED})
public final class GroupsDeleteCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    DryRunOptions dryRun;

    @Parameters(paramLabel = "GROUP")
    String group;

    @Option(names = {"-y", "--yes"})
    boolean yes;

    GroupsDeleteCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ScimClient client = context.client(connection);
        Groups groups = new Groups(client);
        JsonNode found = groups.find(group).orElseThrow(() -> GroupsGetCommand.notFound(group, client));
        int members = found.path("members").size();
        String named = found.path("displayName").asText() + " (id " + found.path("id").asText() + ", "
                + Counted.of(members, "member") + ")";
        if (!dryRun.enabled()) {
            context.err().println(SafeText.text("Will delete the group " + named + " on " + client.baseUrl()));
            if (!Confirmation.confirmed(context, yes, "Delete this group?", "delete a group")) {
                context.err().println("nothing was changed");
                return ExitCode.PROBLEMS;
            }
        }
        dryRun.apply(client);
        groups.delete(found.path("id").asText());
        if (dryRun.enabled()) {
            dryRun.finish(client);
        } else {
            context.err().println(SafeText.text("deleted the group " + named));
        }
        return ExitCode.OK;
    }
}
