package dev.scimctl.cli.groups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.ExitCode;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.options.EditOptions;
import dev.scimctl.scim.Groups;
import dev.scimctl.scim.ScimClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code scimctl groups rename GROUP NEWNAME}: PATCH replace displayName (else PUT with If-Match). */
@Command(name = "rename")
@ExitCodes(ExitCode.PROBLEMS)
public final class GroupsRenameCommand implements Callable<Integer> {
    @Mixin
    EditOptions edit;

    @Parameters(index = "0", paramLabel = "GROUP")
    String group;

    @Parameters(index = "1", paramLabel = "NEWNAME")
    String newName;

    @Override
    public Integer call() {
        GroupNames.requireUsable(newName);
        GroupView view = new GroupView(edit);
        ScimClient client = edit.client();
        Groups groups = new Groups(client);
        JsonNode found = groups.find(group).orElseThrow(() -> GroupsGetCommand.notFound(group, client));
        String id = found.path("id").asText();
        if (!GroupNames.free(edit.context(), groups, newName, id, client)) {
            return ExitCode.PROBLEMS;
        }
        edit.dryRun.apply(client);
        groups.rename(id, newName);
        return edit.dryRun.done(client, () -> view.print(groups.get(id), client));
    }
}
