package dev.scimctl.cli.groups;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code scimctl groups add-members GROUP USER…}: PATCH add members, in batches. */
@Command(name = "add-members")
@ExitCodes(ExitCode.PROBLEMS)
public final class GroupsAddMembersCommand implements Callable<Integer> {
    @Mixin
    MemberArguments arguments;

    @Override
    public Integer call() {
        return arguments.run(true);
    }
}
