package dev.scimctl.cli.groups;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.options.DryRunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code scimctl groups add-members GROUP USER…}: PATCH add members, in batches. */
@Command(name = "add-members")
@ExitCodes(value = {ExitCode.OK, ExitCode.PROBLEMS, ExitCode.USAGE, ExitCode.INPUT, ExitCode.AUTH, ExitCode.UNREACHABLE,
        ExitCode.SERVER, ExitCode.INTERRUPTED},
        details = {"0:added (or members already)",
                DryRunOptions.PRINTED,
                "1:no group or no user with that id or name (nothing changed), the answer was no, or the server "
                        + "refused"})
public final class GroupsAddMembersCommand implements Callable<Integer> {
    @Mixin
    MemberArguments arguments;

    @Override
    public Integer call() {
        return arguments.run(true);
    }
}
