package dev.scimctl.cli.config;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.config.ConfigStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code scimctl config use NAME}: makes a profile the current one. */
@Command(name = "use")
@ExitCodes(ExitCode.INPUT)
final class ConfigUseCommand implements Callable<Integer> {
    @Mixin
    ProfileParameter profile;

    @Override
    public Integer call() {
        CommandContext context = profile.context();
        ConfigStore store = context.configStore();
        if (store.profile(profile.name).isEmpty()) {
            throw ProfileNames.unknown(profile.name);
        }
        store.use(profile.name);
        context.err().println("now using profile \"" + profile.name + "\"");
        return ExitCode.OK;
    }
}
