package dev.scimctl.cli.config;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.config.ConfigStore;
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
        ConfigStore store = context.configStore();
        boolean noneInUse = store.currentProfile().isEmpty() && !store.profiles().isEmpty();
        // The current profile went with it: say which command makes another one current, before a command fails on it.
        context.err().println("profile \"" + profile.name + "\" and its token deleted" + (noneInUse
                ? "; no profile is in use now: choose one with 'scimctl config use NAME' (saved: "
                + String.join(", ", store.profiles().keySet()) + ")" : ""));
        return ExitCode.OK;
    }
}
