package dev.scimctl.cli.groups;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.options.DryRunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code scimctl groups remove-members GROUP USER…}: one RFC {@code members[value eq "ID"]} remove per member. */
@Command(name = "remove-members")
@ExitCodes(value = {ExitCode.OK, ExitCode.PROBLEMS, ExitCode.USAGE, ExitCode.INPUT, ExitCode.AUTH, ExitCode.UNREACHABLE,
        ExitCode.SERVER, ExitCode.INTERRUPTED},
        details = {"0:removed (or not members)",
                DryRunOptions.PRINTED,
                "1:no group or no user with that id or name (nothing changed), the answer was no, or the server "
                        + "refused"})
public final class GroupsRemoveMembersCommand implements Callable<Integer> {
    @Mixin
    MemberArguments arguments;

    @Override
    public Integer call() {
        return arguments.run(false);
    }
}
