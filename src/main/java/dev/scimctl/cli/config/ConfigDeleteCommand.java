package dev.scimctl.cli.config;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.completion.ProfileCandidates;
import dev.scimctl.config.ConfigStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code scimctl config delete NAME}: removes a profile and its token. */
@Command(name = "delete")
@ExitCodes(ExitCode.INPUT)
final class ConfigDeleteCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(paramLabel = "NAME", completionCandidates = ProfileCandidates.class)
    String name;

    ConfigDeleteCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        if (!context.configStore().delete(name)) {
            throw ProfileNames.unknown(name);
        }
        ConfigStore store = context.configStore();
        boolean noneInUse = store.currentProfile().isEmpty() && !store.profiles().isEmpty();
        // The current profile went with it: say which command makes another one current, before a command fails on it.
        context.err().println("profile \"" + name + "\" and its token deleted" + (noneInUse
                ? "; no profile is in use now: choose one with 'scimctl config use NAME' (saved: "
                + String.join(", ", store.profiles().keySet()) + ")" : ""));
        return ExitCode.OK;
    }
}
