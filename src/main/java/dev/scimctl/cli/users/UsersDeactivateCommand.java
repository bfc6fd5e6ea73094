package dev.scimctl.cli.users;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code scimctl users deactivate USER…}: sets active=false, after showing who and asking. */
@Command(name = "deactivate")
@ExitCodes(ExitCode.PROBLEMS)
public final class UsersDeactivateCommand implements Callable<Integer> {
    @Mixin
    UserChangeArguments arguments;

    @Override
    public Integer call() {
        return arguments.run("users deactivate", UserChange::deactivation);
    }
}
