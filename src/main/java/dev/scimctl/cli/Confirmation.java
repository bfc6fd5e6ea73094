package dev.scimctl.cli;

import dev.scimctl.UsageException;
import dev.scimctl.console.Prompt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The one way a command that changes several things asks first: {@code --yes} goes ahead; on a terminal (stdin,
 * stdout and stderr), a y/N question ({@link Prompt}: Ctrl-C there exits 130, nothing changed); otherwise (a script, a
 * pipe) a refusal that names --yes, since nobody can answer.
 */
public final class Confirmation {
    private Confirmation() {
    }

    /**
     * Whether to go ahead.
     *
     * @param question "Deactivate 3 users?"
     * @param what     "deactivate 3 users", for the refusal without a terminal
     * @throws UsageException without --yes when stdin, stdout or stderr is not a terminal
     */
    public static boolean confirmed(CommandContext context, boolean yes, String question, String what) {
        return confirmed(context, yes, question, what, "list", List.of());
    }

    /**
     * Whether to go ahead, after showing {@code lines} on stderr (what will change): all of them, or on a terminal the
     * first ones when they are longer than the screen, with the whole offered in a pager or a file.
     *
     * @param name what the lines are ("list of users"), for the offer
     */
    public static boolean confirmed(CommandContext context, boolean yes, String question, String what, String name,
                                    List<String> lines) {
        String noTerminal = Prompt.whyNot(context.terminals());
        if (yes || noTerminal != null) {
            lines.forEach(context.err()::println);
        }
        if (yes) {
            return true;
        }
        if (noTerminal != null) {
            throw new UsageException("refusing to " + what + " without a confirmation: " + noTerminal + ", so "
                    + "scimctl cannot ask; add --yes to go ahead");
        }
        Prompt prompt = context.prompt();
        prompt.show(name, lines, lines, context.err());
        try {
            return prompt.ask(question);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
