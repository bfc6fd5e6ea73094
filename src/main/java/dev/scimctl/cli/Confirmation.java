package dev.scimctl.cli;

import dev.scimctl.UsageException;
import dev.scimctl.console.Confirm;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The one way a command that changes several things asks first: {@code --yes} goes ahead; on a terminal, a y/N
 * question; without a terminal (a script, a pipe) a refusal that names --yes, since nobody can answer.
 */
public final class Confirmation {
    private Confirmation() {
    }

    /**
     * Whether to go ahead.
     *
     * @param question "Deactivate 3 users?"
     * @param what     "deactivate 3 users", for the refusal without a terminal
     * @throws UsageException without --yes when stdin is not a terminal
     */
    public static boolean confirmed(CommandContext context, boolean yes, String question, String what) {
        if (yes) {
            return true;
        }
        if (!context.terminals().stdin()) {
            throw new UsageException("refusing to " + what + " without a confirmation: stdin is not a terminal, so "
                    + "scimctl cannot ask; add --yes to go ahead");
        }
        try {
            return Confirm.ask(question, context.in(), context.err());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
