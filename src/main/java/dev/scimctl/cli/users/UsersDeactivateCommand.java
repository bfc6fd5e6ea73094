package dev.scimctl.cli.users;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code scimctl users deactivate USER…}: sets active=false, after showing who and asking. */
@Command(name = "deactivate")
@ExitCodes(value = {ExitCode.OK, ExitCode.PROBLEMS, ExitCode.USAGE, ExitCode.INPUT, ExitCode.AUTH, ExitCode.UNREACHABLE, ExitCode.SERVER,
        ExitCode.INTERRUPTED},
        details = {"0:every user deactivated (or inactive already)",
                "1:a user was not found or not changed, or the answer was no",
                CommandContext.SERVER_BUSY})
public final class UsersDeactivateCommand implements Callable<Integer> {
    @Mixin
    UserChangeArguments arguments;

    @Override
    public Integer call() {
        return arguments.run("users deactivate", Deactivation::new);
    }
}
