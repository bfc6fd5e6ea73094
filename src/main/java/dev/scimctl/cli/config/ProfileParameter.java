package dev.scimctl.cli.config;

import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.completion.ProfileCandidates;
import picocli.CommandLine.Parameters;

/**
 * NAME, the profile that {@code config set-profile}, {@code use} and {@code delete} act on, completed from the saved
 * profiles. The factory builds it with the run's context, so those commands need no constructor of their own.
 */
final class ProfileParameter {
    private final CommandContext context;

    @Parameters(paramLabel = "NAME", completionCandidates = ProfileCandidates.class)
    String name;

    ProfileParameter(CommandContext context) {
        this.context = context;
    }

    CommandContext context() {
        return context;
    }
}
