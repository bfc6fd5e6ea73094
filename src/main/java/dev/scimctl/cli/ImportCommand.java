package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.InputException;
import dev.scimctl.UsageException;
import dev.scimctl.cli.options.ConnectionOptions;
import dev.scimctl.cli.options.CsvInputOptions;
import dev.scimctl.cli.options.FormatOption;
import dev.scimctl.cli.options.ParallelOption;
import dev.scimctl.cli.options.QuietOption;
import dev.scimctl.config.StateFolder;
import dev.scimctl.csv.DuoCsvReader;
import dev.scimctl.csv.Finding;
import dev.scimctl.csv.Severity;
import dev.scimctl.csv.ValidationOptions;
import dev.scimctl.importer.CsvRows;
import dev.scimctl.importer.ImportInput;
import dev.scimctl.importer.ImportRun;
import dev.scimctl.importer.Journal;
import dev.scimctl.importer.OrganizationIdType;
import dev.scimctl.importer.Plan;
import dev.scimctl.importer.PlanJson;
import dev.scimctl.importer.Progress;
import dev.scimctl.importer.Report;
import dev.scimctl.importer.Results;
import dev.scimctl.importer.ServerCapabilities;
import dev.scimctl.io.RunLock;
import dev.scimctl.output.JsonOutput;
import dev.scimctl.output.OutputFormat;
import dev.scimctl.output.PlanPrinter;
import dev.scimctl.output.Styles;
import dev.scimctl.output.TextFindingWriter;
import dev.scimctl.text.Counted;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code scimctl import FILE}: make the server hold the users of a Duo CSV, after showing the plan. */
@Command(name = "import")
@ExitCodes({ExitCode.PROBLEMS, ExitCode.AUTH, ExitCode.UNREACHABLE, ExitCode.SERVER, ExitCode.INTERRUPTED})
@Formats(value = {OutputFormat.text, OutputFormat.json}, terminal = OutputFormat.text, pipe = OutputFormat.text,
        note = "With --dry-run, json is the plan (as --plan-out writes it); after an apply, the summary with every "
                + "row's outcome (the lines of --report). The plan for the question then goes to stderr.",
        csvFiles = true)
public final class ImportCommand implements Callable<Integer> {
    /** Its commands, in the order --help lists them (see {@link Subcommands}). */
    public static final Map<String, Class<?>> COMMANDS = Subcommands.of(
            Map.entry("undo", ImportUndoCommand.class));

    private static final int FINDINGS_SHOWN = 50;

    private final CommandContext context;

    @Mixin
    ConnectionOptions connection;

    // Optional for picocli only: a parent's required parameter would be demanded of 'import undo' too. run() requires it.
    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE")
    String file;

    @Mixin
    ApplyOptions apply;

    @Option(names = "--max-changes", paramLabel = "N")
    Long maxChanges;

    @Option(names = "--skip-invalid")
    boolean skipInvalid;

    @Option(names = "--deactivate-missing")
    boolean deactivateMissing;

    @Option(names = "--sync-groups")
    boolean syncGroups;

    @Mixin
    ParallelOption parallel;

    @Option(names = "--plan-out", paramLabel = "FILE")
    Path planOut;

    @Option(names = "--report", paramLabel = "FILE")
    Path report;

    @Option(names = "--journal", paramLabel = "FILE")
    Path journalFile;

    @Option(names = "--org-id-type", paramLabel = "TYPE", defaultValue = "auto")
    OrgIdType orgIdType;

    @Mixin
    CsvInputOptions csvInput;

    @Mixin
    QuietOption quiet;

    @Mixin
    FormatOption output;

    enum OrgIdType { auto, string, integer }

    ImportCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        try {
            return run();
        } finally {
            context.takeClientNotices(null);
        }
    }

    private int run() {
        PrintWriter err = context.err();
        if (file == null) {
            throw new UsageException("give the user CSV to import: scimctl import FILE (or 'scimctl import undo "
                    + "JOURNAL' to take an import back)");
        }
        parallel.check();
        if (maxChanges != null && maxChanges < 0) {
            throw new UsageException("--max-changes " + maxChanges + ": give 0 or more");
        }
        apply.requireWayToConfirm(context, "the plan", "scimctl import --dry-run " + file);
        boolean stdin = file.equals("-");
        Path journalPath = journalFile != null ? journalFile : stdin ? null : defaultJournal(Path.of(file));
        if (journalPath == null && !apply.dryRun) {
            throw new UsageException("an import from stdin needs --journal FILE, so that it can be resumed if it is "
                    + "interrupted");
        }

        for (Path out : new Path[]{report, planOut, apply.dryRun || journalFile == null ? null : journalPath}) {
            checkWritable(out);
        }
        refuseSharedFiles(stdin ? null : Path.of(file), apply.dryRun ? null : journalPath);

        // 1. Validate, while the server's capabilities are read (when the connection can be set up now).
        ImportRun importRun = startServerRead(stdin, journalPath);
        try {
            return validateAndApply(importRun, stdin, journalPath);
        } finally {
            // Whatever stopped the import first (the file, a held lock), the read ahead ends with the command.
            cancelServerRead(importRun);
        }
    }

    private int validateAndApply(ImportRun readingServer, boolean stdin, Path journalPath) {
        PrintWriter err = context.err();
        long validateStart = System.nanoTime();
        ImportInput input = readInput(stdin);
        debugPhase("read+validate", Duration.ofNanos(System.nanoTime() - validateStart));
        CsvRows.Result csv = input.csv();
        showFindings(csv);
        if (input.stopsImport(skipInvalid)) {
            err.println(Styles.error(context.ansi(false)) + Counted.of(csv.errors(), "validation error") + " in "
                    + input.name() + ": nothing was imported. Fix " + (csv.errors() == 1 ? "it" : "them")
                    + (csv.fileErrors() > 0 ? "" : ", or add --skip-invalid to import the valid rows") + ".");
            return ExitCode.PROBLEMS;
        }

        // 2. Read the server, plan, guard, apply.
        ImportRun importRun = readingServer != null ? readingServer : newRun(journalPath);
        String command = "import " + file;
        try (RunLock server = apply.dryRun ? null : context.lockServer(connection, command);
             RunLock journal = apply.dryRun ? null : context.lockJournal(journalPath, command)) {
            Shown shown = new Shown(context.openProgress(), input, apply.dryRun ? null : journalPath);
            context.takeClientNotices(importRun.clientListener(shown));
            ImportRun.Outcome outcome = importRun.run(input, shown);
            context.closeProgress();
            return finish(outcome, input, journalPath, shown);
        } finally {
            context.closeProgress();
        }
    }

    /**
     * The run, with the server's capabilities already being read on a worker; null when the connection cannot be set
     * up before validation without changing what the person sees first: anything read from stdin (the file,
     * --org-ids, the token), or settings in error (reported after the file's findings, as without this).
     */
    private ImportRun startServerRead(boolean stdin, Path journalPath) {
        if (stdin || csvInput.readsStdin() || "-".equals(connection.tokenFile())) {
            return null;
        }
        ImportRun run;
        try {
            run = newRun(journalPath);
        } catch (RuntimeException settingsInError) {
            return null;
        }
        run.discoverWhileValidating();
        return run;
    }

    private static void cancelServerRead(ImportRun run) {
        if (run != null) {
            run.cancelDiscovery();
        }
    }

    private ImportRun newRun(Path journalPath) {
        return new ImportRun(context.client(connection), new ImportRun.Settings(apply.dryRun, deactivateMissing,
                syncGroups, parallel.value(), maxChanges, switch (orgIdType) {
                    case auto -> null;
                    case string -> OrganizationIdType.STRING;
                    case integer -> OrganizationIdType.INTEGER;
                }, apply.dryRun ? null : journalPath, planOut), context.clock());
    }

    /** With --debug, how long a phase took: where an import's fixed costs go. */
    private void debugPhase(String name, Duration took) {
        if (context.debug()) {
            context.err().println("debug: import phase " + name + ": " + took.toMillis() + " ms");
        }
    }

    /**
     * The journal of an input file, in the state folder ($XDG_STATE_HOME/scimctl/journals). A journal that an earlier
     * scimctl kept beside the input is still used, so that its interrupted run can be resumed.
     */
    private Path defaultJournal(Path input) {
        Path inState = Journal.defaultFor(StateFolder.journals(context.env()), input);
        Path beside = Journal.besideInput(input);
        if (!Files.exists(inState) && Files.exists(beside)) {
            context.note("using the journal " + beside + ", kept beside the input by an earlier scimctl; new journals "
                    + "go to " + inState.getParent());
            return beside;
        }
        return inState;
    }

    /** The outcome's last lines, the report, and the exit code. */
    private int finish(ImportRun.Outcome outcome, ImportInput input, Path journalPath, Shown shown) {
        PrintWriter err = context.err();
        Plan.Counts counts = outcome.plan().counts();
        if (json()) {
            printJson(outcome, input, shown.planned);
        }
        if (outcome instanceof ImportRun.DryRun) {
            writeReport(Report.planned(outcome.plan()));
            err.println("Dry run: nothing was changed.");
            return ExitCode.OK;
        }
        if (outcome instanceof ImportRun.NothingToDo) {
            writeReport(Report.nothingToDo(outcome.plan()));
            err.println("Nothing to change: the server already holds " + input.name()
                    + (counts.skipped() > 0 ? " (except the skipped rows)." : "."));
            return counts.skipped() > 0 ? ExitCode.PROBLEMS : ExitCode.OK;
        }
        if (outcome instanceof ImportRun.OverLimit o) {
            err.println(Styles.error(context.ansi(false)) + "the plan has " + counts.changes()
                    + " changes, more than --max-changes " + o.limit() + ": nothing was changed. Check that "
                    + "this is the right file for this server, then raise the limit.");
            return ExitCode.PROBLEMS;
        }
        if (outcome instanceof ImportRun.Declined) {
            err.println("Nothing was changed.");
            return ExitCode.PROBLEMS;
        }
        ImportRun.Applied applied = (ImportRun.Applied) outcome;
        Results results = applied.results();
        writeReport(Report.applied(results, applied.previous()));
        summarize(results, journalPath);
        if (results.ending().stoppedBy() != null) {
            throw results.ending().stoppedBy();
        }
        return results.allOk() && counts.skipped() == 0 ? ExitCode.OK : ExitCode.PROBLEMS;
    }

    /** What the run shows on stderr and stdout, and asks on the terminal. */
    private final class Shown extends RunConsole implements ImportRun.Listener {
        private final ImportInput input;

        private final Path journal;
        private ImportRun.Planned planned;

        Shown(Progress progress, ImportInput input, Path journal) {
            super(context, progress, apply.yes);
            this.input = input;
            this.journal = journal;
        }

        @Override
        public void warning(String message) {
            context.warn(message);
        }

        @Override
        public void phase(String name, Duration took) {
            debugPhase(name, took);
        }

        @Override
        public void resuming(Path journal, Journal.LastRun previous, boolean fileChanged) {
            context.err().println("Resuming: " + journal + " records an interrupted import (started "
                    + previous.started() + ", " + Counted.of(previous.operations(), "operation") + " done). Re-reading "
                    + "the server, so that nothing is done twice and nothing is skipped.");
            if (fileChanged) {
                context.warn("the file has changed since that run; the plan below follows the file as it is now");
            }
        }

        @Override
        public void planned(ImportRun.Planned planned) {
            PrintWriter err = context.err();
            ServerCapabilities caps = planned.capabilities();
            err.println("Plan for " + input.name() + " → " + planned.server());
            err.println("  read: " + planned.read());
            err.println("  organizationId: " + caps.organizationIdTypeWhy() + "; updates by " + updateMethod(caps));
            if (journal != null) {
                err.println("  journal: " + journal);
            }
            this.planned = planned;
            if (!json()) {
                showPlan("plan", !apply.dryRun,
                        (out, terminal, ansi) -> PlanPrinter.print(planned.plan(), out, terminal, ansi));
            } else if (!apply.dryRun) {
                // stdout gets the summary at the end; the person answering the question reads the plan here.
                PlanPrinter.print(planned.plan(), err, context.terminals().stderr(), context.ansi(false));
            }
            err.println("Plan: " + PlanPrinter.counts(planned.plan().counts()) + ".");
        }

        @Override
        public boolean confirm(Plan.Counts counts, URI server) {
            // The same unit as the plan's counts and the progress bar: changes, each user or membership one.
            return ask("Apply " + Counted.of(counts.changes(), "change")
                    + " (the plan's count: users, groups and memberships) to " + server + "?");
        }

        @Override
        public void interrupted(Path journal) {
            PrintWriter err = context.err();
            context.closeProgress();
            err.println();
            err.println("Interrupted: every operation that completed is in " + journal
                    + "; run the same command again to resume.");
            err.flush();
        }
    }

    // ---- input ------------------------------------------------------------------------------------------------

    private ImportInput readInput(boolean stdin) {
        DuoCsvReader.Options options = csvInput.readerOptions();
        ValidationOptions validation = csvInput.validationOptions(context.in(), stdin);
        return stdin ? ImportInput.read(context.in(), "stdin", options, validation)
                : ImportInput.read(Path.of(file), options, validation);
    }

    /**
     * An output written over the input CSV (a slip such as {@code --report users.csv users.csv}) would replace the
     * administrator's file with a report, and two outputs on one file would leave neither readable: both are refused
     * before anything is read or sent.
     */
    private void refuseSharedFiles(Path input, Path journalPath) {
        Map<String, Path> outputs = new LinkedHashMap<>();
        outputs.put("--report", report);
        outputs.put("--plan-out", planOut);
        outputs.put("--journal", journalPath);
        List<Map.Entry<String, Path>> seen = new ArrayList<>();
        for (Map.Entry<String, Path> out : outputs.entrySet()) {
            if (out.getValue() == null) {
                continue;
            }
            if (input != null && sameFile(out.getValue(), input)) {
                throw new UsageException(out.getKey() + " " + out.getValue() + " is the input file " + file
                        + ": writing there would replace the users CSV; give another file");
            }
            for (Map.Entry<String, Path> earlier : seen) {
                if (sameFile(out.getValue(), earlier.getValue())) {
                    throw new UsageException(earlier.getKey() + " and " + out.getKey() + " name the same file "
                            + out.getValue() + ": give each its own file");
                }
            }
            seen.add(out);
        }
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            if (Files.exists(a) && Files.exists(b)) {
                return Files.isSameFile(a, b);
            }
        } catch (IOException unreadable) {
            // compared by name below
        }
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }

    /** An output that cannot be written is found out now, not after the server was changed. */
    private static void checkWritable(Path file) {
        if (file == null) {
            return;
        }
        Path dir = file.toAbsolutePath().getParent();
        if (Files.isDirectory(file) || dir == null || !Files.isDirectory(dir) || !Files.isWritable(dir)
                || Files.exists(file) && !Files.isWritable(file)) {
            throw new InputException(file + ": cannot be written (" + (Files.isDirectory(file) ? "it is a directory"
                    : dir == null || !Files.isDirectory(dir) ? "no such directory" : "permission denied")
                    + "): give a file in a folder you can write to");
        }
    }

    /** The validation's findings on stderr, as 'scimctl validate' shows them, up to a limit. */
    private void showFindings(CsvRows.Result csv) {
        if (csv.findings().isEmpty()) {
            return;
        }
        TextFindingWriter writer = new TextFindingWriter(context.err(), context.ansi(false));
        writer.begin(file.equals("-") ? "stdin" : file, "", ',');
        int shown = 0;
        for (Finding f : csv.findings()) {
            if (shown++ == FINDINGS_SHOWN) {
                break;
            }
            writer.finding(f);
        }
        writer.abort("");
        long errors = csv.findings().stream().filter(f -> f.severity() == Severity.ERROR).count();
        long warnings = csv.findings().size() - errors;
        context.err().println("Validation: " + Counted.of(errors, "error") + ", " + Counted.of(warnings, "warning")
                + (csv.findings().size() > FINDINGS_SHOWN ? " (the first " + FINDINGS_SHOWN + " shown; 'scimctl "
                + "validate " + file + "' lists them all)" : "") + ".");
    }

    // ---- plan, journal, report, summary -----------------------------------------------------------------------

    private static String updateMethod(ServerCapabilities caps) {
        if (Boolean.FALSE.equals(caps.patch())) {
            return Boolean.FALSE.equals(caps.etag()) ? "PUT (no PATCH, no ETags)" : "PUT with If-Match (no PATCH)";
        }
        return Boolean.TRUE.equals(caps.patch()) ? "PATCH" : "PATCH (PUT if refused)";
    }

    private boolean json() {
        return output.format(context) == OutputFormat.json;
    }

    /**
     * -o json on stdout: after --dry-run, the plan (the document --plan-out writes); else the summary, with every row's
     * outcome (the lines --report writes).
     */
    private void printJson(ImportRun.Outcome outcome, ImportInput input, ImportRun.Planned planned) {
        Map<String, Object> about = new LinkedHashMap<>();
        about.put("file", input.name());
        about.put("sha256", input.sha256());
        about.put("server", planned.server().toString());
        about.put("read", planned.read());
        about.put("deactivateMissing", deactivateMissing);
        about.put("syncGroups", syncGroups);
        if (outcome instanceof ImportRun.DryRun) {
            JsonOutput.pretty(context.out(), JsonOutput.tree(PlanJson.document(outcome.plan(), about)));
            return;
        }
        List<Report.Line> rows;
        if (outcome instanceof ImportRun.Applied applied) {
            about.put("outcome", "applied");
            about.put("counts", applied.results().counts());
            rows = Report.applied(applied.results(), applied.previous());
        } else {
            about.put("outcome", outcome instanceof ImportRun.NothingToDo ? "nothing-to-do"
                    : outcome instanceof ImportRun.OverLimit ? "over-limit" : "declined");
            about.put("counts", outcome.plan().counts());
            rows = outcome instanceof ImportRun.NothingToDo ? Report.nothingToDo(outcome.plan())
                    : Report.planned(outcome.plan());
        }
        about.put("rows", rows);
        JsonOutput.pretty(context.out(), JsonOutput.tree(about));
        context.out().flush();
    }

    private void writeReport(List<Report.Line> lines) {
        if (report != null) {
            Report.write(report, lines, output.csvDialect(context, Report.DIALECT));
        }
    }

    private void summarize(Results results, Path journalPath) {
        Results.Counts c = results.counts();
        PrintWriter err = context.err();
        StringBuilder b = new StringBuilder("Imported in ")
                .append(String.format(Locale.ROOT, "%.1f s", results.ending().elapsed().toMillis() / 1000.0)).append(": ")
                .append(c.created()).append(" created, ").append(c.updated()).append(" updated, ")
                .append(c.unchanged()).append(" unchanged, ").append(c.deactivated()).append(" deactivated, ")
                .append(c.failed()).append(" failed");
        if (c.notRun() > 0) {
            b.append(", ").append(c.notRun()).append(" not run");
        }
        if (c.skipped() > 0) {
            b.append(", ").append(c.skipped()).append(" skipped");
        }
        if (c.groupsCreated() + c.membersAdded() + c.membersRemoved() + c.groupsFailed() > 0) {
            b.append("; groups: ").append(c.groupsCreated()).append(" created, ")
                    .append(Counted.of(c.membersAdded(), "member")).append(" added, ").append(c.membersRemoved())
                    .append(" removed");
            if (c.groupsFailed() > 0) {
                b.append(", ").append(c.groupsFailed()).append(" failed");
            }
        }
        b.append('.');
        if (results.ending().pushbackCuts() > 0) {
            b.append(" The server pushed back; the import slowed to ")
                    .append(Counted.of(results.ending().lowestParallel(), "request")).append(" at a time.");
        }
        String colour = results.allOk() && c.skipped() == 0 ? "green" : "bold,red";
        err.println(context.ansi(false).string("@|" + colour + " " + b.toString().replace("@|", "@ |") + "|@"));
        if (c.failed() > 0 || c.notRun() > 0) {
            err.println("Failed rows are listed " + (report != null ? "in " + report : "with --report FILE")
                    + "; fix what they say and run the same command again (the journal is " + journalPath + ").");
        }
    }
}
