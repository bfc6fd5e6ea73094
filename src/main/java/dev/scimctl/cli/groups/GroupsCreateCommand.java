package dev.scimctl.cli.groups;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.options.EditOptions;
import dev.scimctl.scim.Groups;
import dev.scimctl.scim.ScimClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code scimctl groups create NAME}: a new, empty group, unless one of that name exists. */
@Command(name = "create")
@ExitCodes(ExitCode.PROBLEMS)
public final class GroupsCreateCommand implements Callable<Integer> {
    @Mixin
    EditOptions edit;

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    public Integer call() {
        GroupNames.requireUsable(name);
        GroupView view = new GroupView(edit);
        ScimClient client = edit.client();
        Groups groups = new Groups(client);
        if (!GroupNames.free(edit.context(), groups, name, null, client)) {
            return ExitCode.PROBLEMS;
        }
        edit.dryRun.apply(client);
        var created = groups.create(name, List.of());
        return edit.dryRun.done(client, () -> view.print(created, client));
    }
}
