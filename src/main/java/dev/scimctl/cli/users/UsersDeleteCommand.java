package dev.scimctl.cli.users;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code scimctl users delete USER…}: DELETE, after showing who and asking. */
@Command(name = "delete")
@ExitCodes(ExitCode.PROBLEMS)
public final class UsersDeleteCommand implements Callable<Integer> {
    @Mixin
    UserChangeArguments arguments;

    @Override
    public Integer call() {
        return arguments.run("users delete", UserChange::deletion);
    }
}
