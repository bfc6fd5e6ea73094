package dev.scimctl.cli.mapgroups;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.mapping.Finding;
import dev.scimctl.mapping.MappingCheck;
import dev.scimctl.mapping.Severity;
import dev.scimctl.output.TablePrinter;
import picocli.CommandLine.Help.Ansi;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Findings of {@code check}: lines for a person, TSV for a pipe, or one JSON object. */
final class FindingsView {
    private FindingsView() {
    }

    /** One finding a line: severity and code aligned, then the message (which names its subject). */
    static void text(List<Finding> findings, PrintWriter out, Ansi ansi) {
        int codeWidth = findings.stream().mapToInt(f -> f.code().code().length()).max().orElse(0);
        for (Finding f : findings) {
            String severity = String.format(Locale.ROOT, "%-7s", f.severity().label());
            String styled = switch (f.severity()) {
                case ERROR -> "@|bold,red " + severity + "|@";
                case WARNING -> "@|yellow " + severity + "|@";
                case INFO -> "@|faint " + severity + "|@";
            };
            out.println(ansi.string(styled) + " " + String.format(Locale.ROOT, "%-" + codeWidth + "s", f.code().code())
                    + "  " + f.message());
        }
    }

    /** severity, code, subject, message: one finding a line, for grep, cut and awk. */
    static void tsv(List<Finding> findings, PrintWriter out) {
        for (Finding f : findings) {
            out.println(TablePrinter.tsvLine(new String[]{f.severity().label(), f.code().code(), f.subject(), f.message()}));
        }
    }

    static void json(List<Finding> findings, String mapping, String roles, String server, PrintWriter out) throws Exception {
        ObjectNode report = MappingListView.JSON.createObjectNode();
        report.put("mapping", mapping);
        report.put("roles", roles);
        report.put("server", server);
        Map<Severity, Integer> counts = MappingCheck.count(findings);
        report.put("ok", counts.get(Severity.ERROR) == 0);
        report.put("errors", counts.get(Severity.ERROR));
        report.put("warnings", counts.get(Severity.WARNING));
        report.put("notes", counts.get(Severity.INFO));
        ArrayNode list = report.putArray("findings");
        for (Finding f : findings) {
            ObjectNode o = list.addObject();
            o.put("severity", f.severity().label());
            o.put("code", f.code().code());
            o.put("subject", f.subject());
            o.put("message", f.message());
            ArrayNode related = o.putArray("related");
            f.related().forEach(related::add);
        }
        out.println(MappingListView.JSON.writeValueAsString(report));
    }

    /** "2 errors, 1 warning" (notes only when there are some). */
    static String summary(List<Finding> findings) {
        Map<Severity, Integer> c = MappingCheck.count(findings);
        String s = plural(c.get(Severity.ERROR), "error") + ", " + plural(c.get(Severity.WARNING), "warning");
        return c.get(Severity.INFO) > 0 ? s + ", " + plural(c.get(Severity.INFO), "note") : s;
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }
}
