package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.options.ConnectionOptions;
import dev.scimctl.cli.options.ParallelOption;
import dev.scimctl.cli.options.QuietOption;
import dev.scimctl.config.StateFolder;
import dev.scimctl.importer.Journal;
import dev.scimctl.importer.Progress;
import dev.scimctl.importer.UndoApplier;
import dev.scimctl.importer.UndoPlan;
import dev.scimctl.importer.UndoRecords;
import dev.scimctl.importer.UndoRun;
import dev.scimctl.io.RunLock;
import dev.scimctl.output.Styles;
import dev.scimctl.output.UndoPlanPrinter;
import dev.scimctl.text.Counted;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code scimctl import undo JOURNAL}: take back what an import did, as its journal records it. */
@Command(name = "undo")
@ExitCodes({ExitCode.PROBLEMS, ExitCode.AUTH, ExitCode.UNREACHABLE, ExitCode.SERVER, ExitCode.INTERRUPTED})
public final class ImportUndoCommand implements Callable<Integer> {
    private final CommandContext context;

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "JOURNAL|FILE")
    Path journal;

    @Mixin
    ApplyOptions apply;

    @Option(names = "--delete")
    boolean delete;

    @Option(names = "--force")
    boolean force;

    @Mixin
    ParallelOption parallel;

    @Option(names = "--journal", paramLabel = "FILE")
    Path undoJournal;

    @Mixin
    QuietOption quiet;

    ImportUndoCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        parallel.check();
        apply.requireWayToConfirm(context, "the undo", "scimctl import undo --dry-run " + journal);
        Path imported = journalOf(journal);
        Path ownJournal = undoJournal != null ? undoJournal : imported.resolveSibling(imported.getFileName() + ".undo");
        UndoRun run = new UndoRun(context.client(connection), new UndoRun.Settings(imported, ownJournal, delete, force,
                apply.dryRun, parallel.value()), context.clock());
        String command = "import undo " + journal;
        try (RunLock server = apply.dryRun ? null : context.lockServer(connection, command);
             RunLock own = apply.dryRun ? null : context.lockJournal(ownJournal, command)) {
            Shown shown = new Shown(context.openProgress());
            context.takeClientNotices(run.clientListener(shown));
            UndoRun.Outcome outcome = run.run(shown);
            context.closeProgress();
            return finish(outcome, ownJournal);
        } finally {
            context.closeProgress();
            context.takeClientNotices(null);
        }
    }

    /** A .journal file as given; for the CSV an import read, the journal import keeps for it. */
    private Path journalOf(Path given) {
        if (given.getFileName() != null && given.getFileName().toString().endsWith(".journal")) {
            return given;
        }
        Path inState = Journal.defaultFor(StateFolder.journals(context.env()), given);
        Path beside = Journal.besideInput(given);
        return !Files.exists(inState) && Files.exists(beside) ? beside : inState;
    }

    private int finish(UndoRun.Outcome outcome, Path ownJournal) {
        PrintWriter err = context.err();
        UndoPlan.Counts counts = outcome.plan().counts();
        int kept = counts.conflicts() > 0 ? ExitCode.PROBLEMS : ExitCode.OK;
        if (outcome instanceof UndoRun.DryRun) {
            err.println("Dry run: nothing was changed.");
            return ExitCode.OK;
        }
        if (outcome instanceof UndoRun.NothingToDo) {
            err.println("Nothing to undo: the server holds what it held before the import"
                    + (counts.conflicts() > 0 ? ", except the conflicts above." : "."));
            return kept;
        }
        if (outcome instanceof UndoRun.Declined) {
            err.println("Nothing was changed.");
            return ExitCode.PROBLEMS;
        }
        UndoRun.Applied applied = (UndoRun.Applied) outcome;
        long done = applied.results().stream().filter(r -> r.status() == UndoApplier.Status.DONE).count();
        long failed = applied.results().stream().filter(r -> r.status() == UndoApplier.Status.FAILED).count();
        long conflicts = counts.conflicts()
                + applied.results().stream().filter(r -> r.status() == UndoApplier.Status.CONFLICT).count();
        for (UndoApplier.StepResult r : applied.results()) {
            if (r.status() != UndoApplier.Status.DONE) {
                err.println((r.status() == UndoApplier.Status.FAILED ? Styles.error(context.ansi(false))
                        : Styles.warning(context.ansi(false))) + r.op() + " " + r.name() + ": " + r.detail());
            }
        }
        String summary = String.format(Locale.ROOT, "Undone in %.1f s: %d done, %d failed, %d conflict%s kept.",
                applied.elapsed().toMillis() / 1000.0, done, failed, conflicts, conflicts == 1 ? "" : "s");
        String colour = failed + conflicts == 0 ? "green" : "bold,red";
        err.println(context.ansi(false).string("@|" + colour + " " + summary + "|@"));
        if (failed > 0) {
            err.println("Run the same command again to retry what failed (the undo's journal is " + ownJournal + ").");
        }
        return failed + conflicts == 0 ? ExitCode.OK : ExitCode.PROBLEMS;
    }

    private final class Shown extends RunConsole implements UndoRun.Listener {
        Shown(Progress progress) {
            super(context, progress, apply.yes);
        }

        @Override
        public void planned(UndoRecords.Recorded recorded, UndoPlan plan, URI server) {
            PrintWriter err = context.err();
            err.println("Undo of " + recorded.journal() + " → " + server);
            err.println("  the import started " + recorded.started()
                    + (recorded.runs() > 1 ? " (" + recorded.runs() + " runs: interrupted, then resumed)" : "")
                    + (recorded.interrupted() ? "; it was interrupted: only what it did is undone" : ""));
            showPlan("undo plan", !apply.dryRun,
                    (out, terminal, ansi) -> UndoPlanPrinter.print(plan, out, terminal, ansi));
            err.println("Undo: " + UndoPlanPrinter.counts(plan.counts()) + ".");
        }

        @Override
        public boolean confirm(UndoPlan.Counts counts, URI server) {
            return ask("Undo " + Counted.of(counts.changes(), "change")
                    + " on " + server + "?");
        }
    }
}
