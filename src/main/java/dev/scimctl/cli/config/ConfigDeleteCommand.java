package dev.scimctl.cli.config;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code scimctl config delete NAME}: removes a profile and its token. */
@Command(name = "delete")
@ExitCodes(ExitCode.INPUT)
final class ConfigDeleteCommand implements Callable<Integer> {
    @Mixin
    ProfileParameter profile;

    @Override
    public Integer call() {
        CommandContext context = profile.context();
        if (!context.configStore().delete(profile.name)) {
            throw ProfileNames.unknown(profile.name);
        }
        context.err().println("profile \"" + profile.name + "\" and its token deleted");
        return ExitCode.OK;
    }
}
