package dev.scimctl.cli;

import dev.scimctl.InputException;
import dev.scimctl.UsageException;
import dev.scimctl.console.Confirm;
import dev.scimctl.importer.Progress;
import dev.scimctl.importer.RunListener;
import dev.scimctl.output.ProgressBar;
import dev.scimctl.output.Styles;
import dev.scimctl.text.SafeText;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * What {@code import} and {@code import undo} share on the terminal while they plan and apply: the progress bar (on
 * a terminal only), notices above it, and the one question before anything is changed. Each command's listener
 * extends it with what only that run shows.
 */
class RunConsole implements RunListener {
    private final CommandContext context;
    private final ProgressBar bar;
    private final boolean yes;

    /** @param bar the progress bar, or null where stderr is not a terminal */
    RunConsole(CommandContext context, ProgressBar bar, boolean yes) {
        this.context = context;
        this.bar = bar;
        this.yes = yes;
    }

    /**
     * A run that changes the server asks first, unless {@code --yes}: without a terminal to ask on, that is a usage
     * error before anything is read.
     *
     * @param what what would be confirmed ("the plan", "the undo")
     */
    static void requireWayToConfirm(CommandContext context, boolean dryRun, boolean yes, String what) {
        if (!dryRun && !yes && !(context.terminals().stdin() && context.terminals().stderr())) {
            throw new UsageException("there is no terminal to confirm " + what + " on: add --yes to apply it without "
                    + "asking (or --dry-run to only see it)");
        }
    }

    /** The progress bar as the importer reports to it; nothing where there is none. */
    @Override
    public Progress progress() {
        if (bar == null) {
            return Progress.NONE;
        }
        return new Progress() {
            @Override
            public void begin(String phase, long total) {
                bar.begin(phase, total);
            }

            @Override
            public void step(boolean failed) {
                bar.step(failed);
            }

            @Override
            public void steps(long count, boolean failed) {
                bar.steps(count, failed);
            }

            @Override
            public void end() {
                bar.end();
            }
        };
    }

    /** A notice from the run or the client core, above the progress bar where there is one. */
    @Override
    public void notice(String line) {
        if (bar != null) {
            bar.printAbove(Styles.note() + SafeText.text(line));
        } else {
            PrintWriter err = context.err();
            synchronized (err) {
                err.println(Styles.note() + SafeText.text(line));
            }
        }
    }

    /** True with {@code --yes}; else the question, answered on the terminal. */
    boolean ask(String question) {
        if (yes) {
            return true;
        }
        try {
            return Confirm.ask(question, context.in(), context.err());
        } catch (IOException e) {
            throw new InputException("cannot read the answer from the terminal: " + e.getMessage(), e);
        }
    }
}
