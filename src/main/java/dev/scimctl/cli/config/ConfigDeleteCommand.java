package dev.scimctl.cli.config;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.completion.ProfileCandidates;
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
        context.err().println("profile \"" + name + "\" and its token deleted");
        return ExitCode.OK;
    }
}
