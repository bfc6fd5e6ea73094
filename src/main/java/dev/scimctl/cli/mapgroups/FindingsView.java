package dev.scimctl.cli.mapgroups;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.output.JsonOutput;
import dev.scimctl.mapping.MappingFinding;
import dev.scimctl.mapping.MappingCheck;
import dev.scimctl.mapping.MappingSeverity;
import dev.scimctl.output.TablePrinter;
import dev.scimctl.text.Counted;
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
    static void text(List<MappingFinding> findings, PrintWriter out, Ansi ansi) {
        int codeWidth = findings.stream().mapToInt(f -> f.code().code().length()).max().orElse(0);
        for (MappingFinding f : findings) {
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
    static void tsv(List<MappingFinding> findings, PrintWriter out) {
        for (MappingFinding f : findings) {
            out.println(TablePrinter.tsvLine(new String[]{f.severity().label(), f.code().code(), f.subject(), f.message()}));
        }
    }

    static void json(List<MappingFinding> findings, String mapping, String roles, String server, PrintWriter out) throws Exception {
        ObjectNode report = JsonNodeFactory.instance.objectNode();
        report.put("mapping", mapping);
        report.put("roles", roles);
        report.put("server", server);
        Map<MappingSeverity, Integer> counts = MappingCheck.count(findings);
        report.put("ok", counts.get(MappingSeverity.ERROR) == 0);
        report.put("errors", counts.get(MappingSeverity.ERROR));
        report.put("warnings", counts.get(MappingSeverity.WARNING));
        report.put("notes", counts.get(MappingSeverity.INFO));
        ArrayNode list = report.putArray("findings");
        for (MappingFinding f : findings) {
            ObjectNode o = list.addObject();
            o.put("severity", f.severity().label());
            o.put("code", f.code().code());
            o.put("subject", f.subject());
            o.put("message", f.message());
            ArrayNode related = o.putArray("related");
            f.related().forEach(related::add);
        }
        JsonOutput.pretty(out, report);
    }

    /** "2 errors, 1 warning" (notes only when there are some). */
    static String summary(List<MappingFinding> findings) {
        Map<MappingSeverity, Integer> c = MappingCheck.count(findings);
        String s = Counted.of(c.get(MappingSeverity.ERROR), "error") + ", "
                + Counted.of(c.get(MappingSeverity.WARNING), "warning");
        return c.get(MappingSeverity.INFO) > 0 ? s + ", " + Counted.of(c.get(MappingSeverity.INFO), "note") : s;
    }
}
