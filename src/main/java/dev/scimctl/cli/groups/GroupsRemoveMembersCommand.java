package dev.scimctl.cli.groups;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code scimctl groups remove-members GROUP USER…}: one RFC {@code members[value eq "ID"]} remove per member. */
@Command(name = "remove-members")
@ExitCodes(ExitCode.PROBLEMS)
public final class GroupsRemoveMembersCommand implements Callable<Integer> {
    @Mixin
    MemberArguments arguments;

    @Override
    public Integer call() {
        return arguments.run(false);
    }
}
