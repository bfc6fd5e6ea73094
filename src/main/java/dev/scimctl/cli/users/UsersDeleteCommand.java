package dev.scimctl.cli.users;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code scimctl users delete USER…}: DELETE, after showing who and asking. */
@Command(name = "delete")
@ExitCodes(value = {ExitCode.OK, ExitCode.PROBLEMS, ExitCode.USAGE, ExitCode.INPUT, ExitCode.AUTH, ExitCode.UNREACHABLE, ExitCode.SERVER,
        ExitCode.INTERRUPTED},
        details = {"0:every user deleted",
                "1:a user was not found or not deleted, or the answer was no",
                CommandContext.SERVER_BUSY})
public final class UsersDeleteCommand implements Callable<Integer> {
    @Mixin
    UserChangeArguments arguments;

    @Override
    public Integer call() {
        return arguments.run("users delete", Deletion::new);
    }
}
