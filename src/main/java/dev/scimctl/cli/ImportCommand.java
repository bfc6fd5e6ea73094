package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.InputException;
import dev.scimctl.UsageException;
import dev.scimctl.cli.options.ConnectionOptions;
import dev.scimctl.console.Confirm;
import dev.scimctl.csv.DuoCsvReader;
import dev.scimctl.csv.Finding;
import dev.scimctl.csv.OrganizationIds;
import dev.scimctl.csv.Severity;
import dev.scimctl.csv.ValidationOptions;
import dev.scimctl.importer.AdaptiveLimit;
import dev.scimctl.importer.Applier;
import dev.scimctl.importer.CsvRows;
import dev.scimctl.importer.Journal;
import dev.scimctl.importer.OrganizationIdType;
import dev.scimctl.importer.Plan;
import dev.scimctl.importer.PlanJson;
import dev.scimctl.importer.Planner;
import dev.scimctl.importer.Progress;
import dev.scimctl.importer.RemoteState;
import dev.scimctl.importer.Report;
import dev.scimctl.importer.Results;
import dev.scimctl.importer.ServerCapabilities;
import dev.scimctl.output.PlanPrinter;
import dev.scimctl.output.ProgressBar;
import dev.scimctl.output.TextFindingWriter;
import dev.scimctl.scim.ClientListener;
import dev.scimctl.scim.ScimClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code scimctl import FILE}: make the server hold the users of a Duo CSV, after showing the plan. */
@Command(name = "import",
        description = {"Provision the users of a Duo CSV into the SCIM server: validate the file (the rules of "
                + "'scimctl validate'), read the server's users, print the plan (create, update with each attribute's "
                + "old and new value, unchanged, deactivate, group memberships), ask, then apply it.",
                "Running it twice changes nothing the second time. An interrupted import is resumed by running the same "
                        + "command again: it re-reads the server, so nothing is done twice and nothing is skipped. "
                        + "Every completed operation is appended to a journal. See docs/import.md."},
        footerHeading = "%nExamples:%n",
        footer = {"  scimctl import --dry-run users.csv        # the plan; nothing is changed",
                "  scimctl import users.csv                  # plan, confirm, apply",
                "  scimctl import --yes --max-changes 50 --report report.csv users.csv",
                "  scimctl import --deactivate-missing --sync-groups users.csv"},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                "0:every row imported (or nothing to do, or --dry-run)",
                "1:validation errors, a failed or skipped row, a plan over --max-changes or not confirmed",
                "2:usage (e.g. no terminal and no --yes)",
                "3:a file cannot be read",
                "4:token refused",
                "5:server unreachable",
                "6:server misbehaved",
                "130:interrupted: run the same command again to resume"})
public final class ImportCommand implements Callable<Integer> {
    private static final int MAX_PARALLEL = 32;
    private static final int FINDINGS_SHOWN = 50;

    private final CommandContext context;

    @Mixin
    ConnectionOptions connection;

    @Parameters(index = "0", paramLabel = "FILE", description = "The user CSV, or '-' to read stdin (then --journal is needed).")
    String file;

    @Option(names = "--dry-run", description = "Print the plan and stop: nothing is changed, no journal is written.")
    boolean dryRun;

    @Option(names = {"-y", "--yes"}, description = "Apply without asking. Required when stdin or stderr is not a terminal.")
    boolean yes;

    @Option(names = "--max-changes", paramLabel = "N",
            description = "Refuse a plan with more than N changes (creations, updates, deactivations, group changes): "
                    + "a guard against importing the wrong file.")
    Long maxChanges;

    @Option(names = "--skip-invalid",
            description = "Import the valid rows and skip rows with validation errors (reported, and exit 1). "
                    + "Without it, any error stops the import before the server is contacted.")
    boolean skipInvalid;

    @Option(names = "--deactivate-missing",
            description = "Deactivate (active=false, never delete) the server's users that are not in the file.")
    boolean deactivateMissing;

    @Option(names = "--sync-groups",
            description = "Also remove user members of the file's groups that the file does not put in them "
                    + "(one RFC 'members[value eq \"id\"]' removal each).")
    boolean syncGroups;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "4",
            description = "Requests in flight at once (1-" + MAX_PARALLEL + "; default ${DEFAULT-VALUE}). Fewer while "
                    + "the server answers 429 or 503.")
    int parallel;

    @Option(names = "--plan-out", paramLabel = "FILE", description = "Also write the plan as JSON to FILE.")
    Path planOut;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Write a CSV with one line per input row: line, userName, action, outcome, id, detail, error.")
    Path report;

    @Option(names = "--journal", paramLabel = "FILE",
            description = "Append completed operations to FILE. Default: the input's name plus .journal, beside it.")
    Path journalFile;

    @Option(names = "--org-id-type", paramLabel = "TYPE", defaultValue = "auto",
            description = "How organizationId is sent: auto (as /Schemas types it, else a string), string or integer. "
                    + "\"All\" is always a string.")
    OrgIdType orgIdType;

    @Option(names = "--column", paramLabel = "FIELD=HEADER",
            description = "Read FIELD from the column named HEADER (repeatable), as in 'scimctl validate'.")
    List<String> columns = new ArrayList<>();

    @Option(names = "--delimiter", paramLabel = "CHAR", description = "The separator. Default: detected.")
    String delimiter;

    @Option(names = "--org-ids", paramLabel = "FILE",
            description = "The tenant's organization ids (as in 'scimctl validate'): an organizationId not in it is an error.")
    String orgIds;

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
        if (parallel < 1 || parallel > MAX_PARALLEL) {
            throw new UsageException("--parallel " + parallel + ": give 1 to " + MAX_PARALLEL);
        }
        if (maxChanges != null && maxChanges < 0) {
            throw new UsageException("--max-changes " + maxChanges + ": give 0 or more");
        }
        boolean interactive = context.terminals().stdin() && context.terminals().stderr();
        if (!dryRun && !yes && !interactive) {
            throw new UsageException("there is no terminal to confirm the plan on: add --yes to apply it without "
                    + "asking (or --dry-run to only see it)");
        }
        boolean stdin = file.equals("-");
        Path journalPath = journalFile != null ? journalFile : stdin ? null : Journal.defaultFor(Path.of(file));
        if (journalPath == null && !dryRun) {
            throw new UsageException("an import from stdin needs --journal FILE, so that it can be resumed if it is "
                    + "interrupted");
        }

        for (Path out : new Path[]{report, planOut, dryRun ? null : journalPath}) {
            checkWritable(out);
        }

        // 1. Validate.
        Input input = readInput(stdin);
        CsvRows.Result csv = input.csv();
        showFindings(csv);
        if (csv.errors() > 0 && (!skipInvalid || csv.fileErrors() > 0)) {
            err.println("error: " + count(csv.errors(), "validation error") + " in " + input.name() + ": nothing was "
                    + "imported. Fix " + (csv.errors() == 1 ? "it" : "them") + (csv.fileErrors() > 0 ? ""
                    : ", or add --skip-invalid to import the valid rows") + ".");
            return ExitCode.PROBLEMS;
        }

        // 2. Read the server.
        ScimClient client = context.client(connection);
        ServerCapabilities caps = ServerCapabilities.discover(client, switch (orgIdType) {
            case auto -> null;
            case string -> OrganizationIdType.STRING;
            case integer -> OrganizationIdType.INTEGER;
        });
        Journal.LastRun previous = journalPath == null || dryRun ? null : Journal.lastRun(journalPath);
        if (previous != null && !previous.finished()) {
            err.println("Resuming: " + journalPath + " records an interrupted import (started " + previous.started()
                    + ", " + count(previous.operations(), "operation") + " done). Re-reading the server, so that "
                    + "nothing is done twice and nothing is skipped.");
            if (previous.sha256() != null && !previous.sha256().equals(input.sha256())) {
                context.warn("the file has changed since that run; the plan below follows the file as it is now");
            }
        }
        Set<String> userNames = new LinkedHashSet<>();
        csv.rows().forEach(r -> userNames.add(r.userName()));
        csv.invalid().forEach(r -> {
            if (!r.userName().isBlank()) {
                userNames.add(r.userName());
            }
        });
        Set<String> groups = new LinkedHashSet<>();
        csv.rows().forEach(r -> groups.addAll(r.groups()));

        AdaptiveLimit limit = new AdaptiveLimit(parallel);
        try (ProgressBar bar = context.terminals().stderr() ? new ProgressBar(err) : null) {
            context.takeClientNotices(notices(bar, limit));
            Progress progress = progress(bar);
            RemoteState remote = RemoteState.read(client, caps, userNames, groups, deactivateMissing, limit, progress);
            Plan plan = Planner.plan(csv.rows(), csv.invalid(), remote, new Planner.Options(deactivateMissing, syncGroups));

            // 3. The plan.
            Plan.Counts counts = plan.counts();
            err.println("Plan for " + input.name() + " → " + client.baseUrl());
            err.println("  read: " + remote.description());
            err.println("  organizationId: " + caps.organizationIdTypeWhy() + "; updates by " + updateMethod(caps));
            PlanPrinter.print(plan, context.out(), context.terminals().stdout(), context.ansi(true));
            context.out().flush();
            err.println("Plan: " + PlanPrinter.counts(counts) + ".");
            if (planOut != null) {
                PlanJson.write(planOut, plan, planContext(input, client.baseUrl(), remote, caps));
            }
            if (dryRun) {
                writeReport(Report.planned(plan));
                err.println("Dry run: nothing was changed.");
                return ExitCode.OK;
            }
            if (plan.isEmpty()) {
                writeReport(Report.nothingToDo(plan));
                err.println("Nothing to change: the server already holds " + input.name()
                        + (counts.skipped() > 0 ? " (except the skipped rows)." : "."));
                return counts.skipped() > 0 ? ExitCode.PROBLEMS : ExitCode.OK;
            }

            // 4. The guards.
            if (maxChanges != null && counts.changes() > maxChanges) {
                err.println(context.ansi(false).string("@|bold,red error:|@ ") + "the plan has "
                        + counts.changes() + " changes, more than --max-changes " + maxChanges + ": nothing was "
                        + "changed. Check that this is the right file for this server, then raise the limit.");
                return ExitCode.PROBLEMS;
            }
            if (!yes && !confirm("Apply " + counts.changes() + " change" + (counts.changes() == 1 ? "" : "s")
                    + " to " + client.baseUrl() + "?")) {
                err.println("Nothing was changed.");
                return ExitCode.PROBLEMS;
            }

            // 5. Apply, journaling each operation.
            Results results;
            try (Journal journal = Journal.open(journalPath, journalStart(input, client.baseUrl(), counts),
                    context.clock())) {
                results = new Applier(client, caps, journal, progress, limit).apply(plan);
                journal.end(journalEnd(results));
            }

            // 6. Report.
            writeReport(Report.applied(results, previous));
            summarize(results, journalPath);
            if (results.stoppedBy() != null) {
                throw results.stoppedBy();
            }
            return results.allOk() && counts.skipped() == 0 ? ExitCode.OK : ExitCode.PROBLEMS;
        }
    }

    private boolean confirm(String question) {
        try {
            return Confirm.ask(question, context.in(), context.err());
        } catch (IOException e) {
            throw new InputException("cannot read the answer from the terminal: " + e.getMessage(), e);
        }
    }

    // ---- input ------------------------------------------------------------------------------------------------

    /** The validated file, how messages call it, and its SHA-256 (the journal notes which file a run read). */
    private record Input(CsvRows.Result csv, String name, String sha256) {
    }

    private Input readInput(boolean stdin) {
        DuoCsvReader.Options options = DuoCsvReader.Options.DEFAULTS
                .withColumns(ValidateCommand.parseColumns(columns))
                .withDelimiter(ValidateCommand.parseDelimiter(delimiter));
        ValidationOptions validation = ValidationOptions.DEFAULTS;
        if (orgIds != null) {
            if (orgIds.equals("-") && stdin) {
                throw new UsageException("--org-ids - and FILE - cannot both read stdin: give one of them as a file");
            }
            validation = new ValidationOptions(orgIds.equals("-") ? OrganizationIds.read(context.in(), "stdin")
                    : OrganizationIds.read(Path.of(orgIds)), orgIds.equals("-") ? "stdin" : orgIds);
        }
        if (stdin) {
            MessageDigest digest = sha256();
            try (DuoCsvReader reader = DuoCsvReader.open(new DigestInputStream(context.in(), digest), "stdin", options,
                    false)) {
                CsvRows.Result csv = CsvRows.read(reader, validation);
                return new Input(csv, reader.name(), HexFormat.of().formatHex(digest.digest()));
            }
        }
        Path path = Path.of(file);
        try (DuoCsvReader reader = DuoCsvReader.open(path, options)) {
            CsvRows.Result csv = CsvRows.read(reader, validation);
            return new Input(csv, reader.name(), digestOf(path));
        }
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

    private static String digestOf(Path path) {
        MessageDigest digest = sha256();
        try (InputStream in = new DigestInputStream(Files.newInputStream(path), digest)) {
            in.transferTo(OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new InputException(path + ": cannot be read: " + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
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
        context.err().println("Validation: " + count(errors, "error") + ", " + count(warnings, "warning")
                + (csv.findings().size() > FINDINGS_SHOWN ? " (the first " + FINDINGS_SHOWN + " shown; 'scimctl "
                + "validate " + file + "' lists them all)" : "") + ".");
    }

    // ---- progress and notices ---------------------------------------------------------------------------------

    private static Progress progress(ProgressBar bar) {
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
            public void end() {
                bar.end();
            }
        };
    }

    /** The core's retry notices, drawn above the bar; and its pushbacks, which slow the import down. */
    private ClientListener notices(ProgressBar bar, AdaptiveLimit limit) {
        PrintWriter err = context.err();
        return new ClientListener() {
            @Override
            public void notice(String line) {
                if (bar != null) {
                    bar.printAbove("note: " + line);
                } else {
                    synchronized (err) {
                        err.println("note: " + line);
                    }
                }
            }

            @Override
            public void retrying(String method, URI uri, int status, Duration wait) {
                limit.retrying(status);
            }
        };
    }

    // ---- plan, journal, report, summary -----------------------------------------------------------------------

    private static String updateMethod(ServerCapabilities caps) {
        if (Boolean.FALSE.equals(caps.patch())) {
            return Boolean.FALSE.equals(caps.etag()) ? "PUT (no PATCH, no ETags)" : "PUT with If-Match (no PATCH)";
        }
        return Boolean.TRUE.equals(caps.patch()) ? "PATCH" : "PATCH (PUT if refused)";
    }

    private Map<String, Object> planContext(Input input, URI server, RemoteState remote, ServerCapabilities caps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", input.name());
        m.put("sha256", input.sha256());
        m.put("server", server.toString());
        m.put("read", remote.description());
        m.put("organizationIdType", caps.organizationIdType().name().toLowerCase(Locale.ROOT));
        m.put("deactivateMissing", deactivateMissing);
        m.put("syncGroups", syncGroups);
        return m;
    }

    private Map<String, Object> journalStart(Input input, URI server, Plan.Counts counts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", input.name());
        m.put("sha256", input.sha256());
        m.put("url", server.toString());
        m.put("changes", counts.changes());
        return m;
    }

    private static Map<String, Object> journalEnd(Results results) {
        Results.Counts c = results.counts();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", results.allOk());
        m.put("created", c.created());
        m.put("updated", c.updated());
        m.put("deactivated", c.deactivated());
        m.put("failed", c.failed());
        m.put("groupsCreated", c.groupsCreated());
        m.put("membersAdded", c.membersAdded());
        m.put("membersRemoved", c.membersRemoved());
        if (results.stoppedBy() != null) {
            m.put("stoppedBy", results.stoppedBy().getMessage());
        }
        return m;
    }

    private void writeReport(List<Report.Line> lines) {
        if (report != null) {
            Report.write(report, lines);
        }
    }

    private void summarize(Results results, Path journalPath) {
        Results.Counts c = results.counts();
        PrintWriter err = context.err();
        StringBuilder b = new StringBuilder("Imported in ")
                .append(String.format(Locale.ROOT, "%.1f s", results.elapsed().toMillis() / 1000.0)).append(": ")
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
                    .append(count(c.membersAdded(), "member")).append(" added, ").append(c.membersRemoved())
                    .append(" removed");
            if (c.groupsFailed() > 0) {
                b.append(", ").append(c.groupsFailed()).append(" failed");
            }
        }
        b.append('.');
        if (results.pushbackCuts() > 0) {
            b.append(" The server pushed back; the import slowed to ").append(results.lowestParallel())
                    .append(" request").append(results.lowestParallel() == 1 ? "" : "s").append(" at a time.");
        }
        String colour = results.allOk() && c.skipped() == 0 ? "green" : "bold,red";
        err.println(context.ansi(false).string("@|" + colour + " " + b.toString().replace("@|", "@ |") + "|@"));
        if (c.failed() > 0 || c.notRun() > 0) {
            err.println("Failed rows are listed " + (report != null ? "in " + report : "with --report FILE")
                    + "; fix what they say and run the same command again (the journal is " + journalPath + ").");
        }
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }
}
