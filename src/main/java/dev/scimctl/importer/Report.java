package dev.scimctl.importer;

import dev.scimctl.csv.CsvDialect;
import dev.scimctl.io.AtomicFile;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The import's account of every input row: what was planned for it (the action), whether it happened (the outcome),
 * the user's id, what changed, and the error if any. Users deactivated (not in the file) and members removed from
 * groups get lines too, with no line number. Written as CSV for a spreadsheet, atomically.
 */
public final class Report {
    public static final List<String> COLUMNS = List.of("line", "userName", "action", "outcome", "id", "detail", "error");

    /** One line of the report. {@code line} is 0 for users that are not in the file. */
    public record Line(long line, String userName, String action, String outcome, String id, String detail,
                       String error) {
        public List<String> cells() {
            return List.of(line == 0 ? "" : Long.toString(line), nz(userName), action, outcome, nz(id), nz(detail),
                    nz(error));
        }
    }

    private Report() {
    }

    /** The lines of a plan that was not applied (--dry-run): each row's outcome is "planned". */
    public static List<Line> planned(Plan plan) {
        return unapplied(plan, "planned");
    }

    /** The lines of a plan with nothing to change: every row is done already (skipped rows excepted). */
    public static List<Line> nothingToDo(Plan plan) {
        return unapplied(plan, "done");
    }

    private static List<Line> unapplied(Plan plan, String outcome) {
        List<Line> lines = new ArrayList<>();
        for (UserStep s : plan.users()) {
            lines.add(new Line(s.line(), s.userName(), s.action().label(), outcome, s.id(), plannedDetail(plan, s), null));
        }
        addSkipped(plan, lines);
        for (GroupStep g : plan.groups()) {
            for (GroupStep.Member m : g.remove()) {
                lines.add(new Line(0, m.display(), "remove-member", outcome, m.id(), "from group " + g.displayName(), null));
            }
        }
        lines.sort(ORDER);
        return lines;
    }

    /**
     * The lines of an applied plan.
     *
     * @param previous the journal's last run when this one resumed it (its work shows as "done by the interrupted
     *                 run"), or null
     */
    public static List<Line> applied(Results results, Journal.LastRun previous) {
        Plan plan = results.plan();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < plan.users().size(); i++) {
            UserStep s = plan.users().get(i);
            Outcome o = results.user(i);
            List<String> notes = results.memberNotes(s.userName());
            List<String> errors = results.memberErrors(s.userName());
            String outcome;
            String detail;
            String error;
            String id = s.id();
            if (o == null) {
                outcome = errors.isEmpty() ? "done" : "failed";
                String earlier = null;
                if (previous != null && !previous.finished() && previous.done().containsKey(s.row().key())) {
                    earlier = previous.done().get(s.row().key()) + " done by the interrupted run of " + previous.started();
                }
                detail = join(prepend(earlier, notes));
                error = join(errors);
            } else {
                id = o.id() != null ? o.id() : id;
                outcome = switch (o.status()) {
                    case DONE -> errors.isEmpty() ? "done" : "failed";
                    case FAILED -> "failed";
                    case NOT_RUN -> "not-run";
                };
                detail = join(prepend(o.detail(), notes));
                error = join(prepend(o.error(), errors));
            }
            lines.add(new Line(s.line(), s.userName(), s.action().label(), outcome, id, detail, error));
        }
        addSkipped(plan, lines);
        for (int i = 0; i < plan.groups().size(); i++) {
            GroupStep g = plan.groups().get(i);
            Outcome o = results.group(i);
            for (GroupStep.Member m : g.remove()) {
                String outcome = o == null ? "not-run" : o.ok() ? "done" : o.status() == Outcome.Status.NOT_RUN ? "not-run" : "failed";
                lines.add(new Line(0, m.display(), "remove-member", outcome, m.id(), "from group " + g.displayName(),
                        o == null || o.ok() ? null : o.error()));
            }
        }
        lines.sort(ORDER);
        return lines;
    }

    /** Rows in file order; lines for users not in the file after them, by name. */
    private static final Comparator<Line> ORDER = Comparator
            .comparing((Line l) -> l.line() == 0)
            .thenComparingLong(Line::line)
            .thenComparing(l -> nz(l.userName()));

    private static void addSkipped(Plan plan, List<Line> lines) {
        for (SkippedRow s : plan.skipped()) {
            lines.add(new Line(s.line(), s.userName(), "skip", "skipped", null, null, s.reason()));
        }
    }

    private static String plannedDetail(Plan plan, UserStep s) {
        List<String> parts = new ArrayList<>();
        s.changes().forEach(c -> parts.add(c.toString()));
        if (s.row() != null) {
            for (GroupStep g : plan.groups()) {
                if (g.add().stream().anyMatch(u -> u.equalsIgnoreCase(s.userName()))) {
                    parts.add("add to group " + g.displayName());
                }
            }
        }
        return join(parts);
    }

    /** The report's CSV unless asked otherwise: RFC 4180 with CRLF, as spreadsheets write it. */
    public static final CsvDialect DIALECT = new CsvDialect(false, "\r\n", ',');

    /** Writes the report as CSV (UTF-8, {@code dialect}), all at once: a reader never sees half a report. */
    public static void write(Path file, List<Line> lines, CsvDialect dialect) {
        try {
            AtomicFile.write(file, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                if (dialect.bom()) {
                    w.write('\uFEFF');
                }
                writeRow(w, COLUMNS, dialect);
                for (Line l : lines) {
                    writeRow(w, l.cells(), dialect);
                }
                w.flush();
            }, false, false);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(file + ": cannot write the report: " + e.getMessage(), e));
        }
    }

    private static void writeRow(Writer w, List<String> cells, CsvDialect dialect) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                w.write(dialect.separator());
            }
            w.write(quote(spreadsheetSafe(cells.get(i)), dialect.separator()));
        }
        w.write(dialect.lineEnd());
    }

    /**
     * A cell that starts with '=', '+', '-', '@', a tab or a CR is a formula to Excel (OWASP "CSV injection"); a
     * leading apostrophe makes it text, and spreadsheets do not display it.
     */
    static String spreadsheetSafe(String cell) {
        if (cell.isEmpty()) {
            return cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }

    static String quote(String cell, char separator) {
        boolean needs = cell.indexOf(separator) >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
                || cell.indexOf('\r') >= 0;
        return needs ? "\"" + cell.replace("\"", "\"\"") + "\"" : cell;
    }

    private static List<String> prepend(String first, List<String> rest) {
        List<String> all = new ArrayList<>();
        if (first != null && !first.isEmpty()) {
            all.add(first);
        }
        all.addAll(rest);
        return all;
    }

    private static String join(List<String> parts) {
        return String.join("; ", parts);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
