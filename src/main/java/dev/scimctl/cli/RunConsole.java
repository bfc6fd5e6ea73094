package dev.scimctl.cli;

import dev.scimctl.InputException;
import dev.scimctl.UsageException;
import dev.scimctl.console.Prompt;
import dev.scimctl.importer.Progress;
import dev.scimctl.importer.RunListener;
import picocli.CommandLine.Help.Ansi;

import java.io.IOException;
import java.io.PrintWriter;

/**
 * What {@code import} and {@code import undo} share on the terminal while they plan and apply: the progress bar (on
 * a terminal, without --quiet), notices above it, the plan (cut to the screen where it is asked about) and the one
 * question before anything is changed ({@link Prompt}). Each command's listener extends it with what only that run
 * shows.
 */
class RunConsole implements RunListener {
    private final CommandContext context;
    private final Progress progress;
    private final boolean yes;
    private final Prompt prompt;

    /** @param progress the run's progress bar ({@link CommandContext#openProgress}) */
    RunConsole(CommandContext context, Progress progress, boolean yes) {
        this.context = context;
        this.progress = progress;
        this.yes = yes;
        this.prompt = context.prompt();
    }

    @Override
    public Progress progress() {
        return progress;
    }

    /** A notice from the run or the client core, above the progress bar where there is one; none with --quiet. */
    @Override
    public void notice(String line) {
        context.note(line);
    }

    /**
     * The plan on stdout, as {@code printer} prints it for a terminal (or not): whole, unless the question comes
     * (no --yes), where a plan longer than the screen is cut and offered whole at the question.
     */
    void showPlan(String name, boolean asking, PrinterOf printer) {
        PrintWriter out = context.out();
        if (!asking || yes) {
            printer.print(out, context.terminals().stdout(), context.ansi(true));
            out.flush();
            return;
        }
        prompt.show(name, Prompt.lines(w -> printer.print(w, true, context.ansi(true))),
                Prompt.lines(w -> printer.print(w, true, Ansi.OFF)), out);
    }

    /** A plan printer: PlanPrinter's or UndoPlanPrinter's print. */
    @FunctionalInterface
    interface PrinterOf {
        void print(PrintWriter out, boolean terminal, Ansi ansi);
    }

    /** True with {@code --yes}; else the question, answered on the terminal. */
    boolean ask(String question) {
        if (yes) {
            return true;
        }
        try {
            return prompt.ask(question);
        } catch (IOException e) {
            throw new InputException("cannot read the answer from the terminal: " + e.getMessage(), e);
        }
    }
}
