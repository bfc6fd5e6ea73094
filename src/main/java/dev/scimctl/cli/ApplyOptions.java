package dev.scimctl.cli;

import dev.scimctl.UsageException;
import dev.scimctl.console.Prompt;
import picocli.CommandLine.Option;

/**
 * {@code --dry-run} and {@code -y}/{@code --yes} of {@code import} and {@code import undo}: show the plan and stop, or
 * apply it without asking. With neither, the plan is confirmed on a terminal ({@link RunConsole}).
 */
final class ApplyOptions {
    @Option(names = "--dry-run")
    boolean dryRun;

    @Option(names = {"-y", "--yes"})
    boolean yes;

    /**
     * A run that changes the server asks first, unless {@code --yes}: without a terminal to ask on (stdin, stdout and
     * stderr), that is a usage error before anything is read.
     *
     * @param what what would be confirmed ("the plan", "the undo")
     * @param dryRunCommand the same command with --dry-run, to page the plan instead
     */
    void requireWayToConfirm(CommandContext context, String what, String dryRunCommand) {
        String noTerminal = Prompt.whyNot(context.terminals());
        if (!dryRun && !yes && noTerminal != null) {
            throw new UsageException("there is no terminal to confirm " + what + " on (" + noTerminal + "): add --yes "
                    + "to apply it without asking, or --dry-run to only see it ('" + dryRunCommand + " | less')");
        }
    }
}
