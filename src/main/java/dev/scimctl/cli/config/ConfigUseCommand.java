package dev.scimctl.cli.config;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.completion.ProfileCandidates;
import dev.scimctl.config.ConfigStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code scimctl config use NAME}: makes a profile the current one. */
@Command(name = "use")
@ExitCodes(ExitCode.INPUT)
final class ConfigUseCommand implements Callable<Integer> {
    private final CommandContext context;

    @Parameters(paramLabel = "NAME", completionCandidates = ProfileCandidates.class)
    String name;

    ConfigUseCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        ConfigStore store = context.configStore();
        if (store.profile(name).isEmpty()) {
            throw ProfileNames.unknown(name);
        }
        store.use(name);
        context.err().println("now using profile \"" + name + "\"");
        return ExitCode.OK;
    }
}
