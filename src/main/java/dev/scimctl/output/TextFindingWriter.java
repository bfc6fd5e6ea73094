package dev.scimctl.output;

import dev.scimctl.csv.Finding;
import dev.scimctl.csv.Severity;
import dev.scimctl.csv.Summary;
import picocli.CommandLine.Help.Ansi;

import java.io.PrintWriter;

/**
 * Findings for people: grouped under a {@code file:line} heading (which terminals and editors open at the line),
 * severity coloured on a terminal, then the summary. Only fixed labels go through picocli's markup; values from the
 * file never do, and control characters in them are made visible, so a cell cannot colour or move the terminal.
 */
public final class TextFindingWriter implements FindingWriter {
    private static final String INDENT = "           ";

    private final PrintWriter out;
    private final Ansi ansi;
    private String file = "";
    private long lastLine = -1;

    public TextFindingWriter(PrintWriter out, Ansi ansi) {
        this.out = out;
        this.ansi = ansi;
    }

    @Override
    public void begin(String file, String encoding, char delimiter) {
        this.file = file;
    }

    @Override
    public void finding(Finding f) {
        if (f.line() != lastLine) {
            if (lastLine != -1) {
                out.println();
            }
            lastLine = f.line();
            out.println(ansi.string("@|bold " + escape(file + (f.line() > 0 ? ":" + f.line() : "")) + "|@"));
        }
        String label = f.severity() == Severity.ERROR ? "@|bold,red error  |@" : "@|yellow warning|@";
        StringBuilder b = new StringBuilder("  ").append(ansi.string(label)).append("  ");
        if (f.column() > 0) {
            b.append("column ").append(f.column());
            if (f.header() != null && !f.header().isEmpty()) {
                b.append(" (").append(printable(f.header())).append(')');
            }
            b.append(": ");
        }
        b.append(printable(f.message())).append("  ").append(ansi.string("@|faint [" + f.code() + "]|@"));
        out.println(b);
        if (f.fix() != null) {
            out.println(INDENT + "fix: " + printable(f.fix()));
        }
    }

    @Override
    public void end(Summary summary, boolean strict) {
        if (lastLine != -1) {
            out.println();
        }
        out.println(SummaryText.rows(summary));
        String verdict = SummaryText.verdict(summary, strict);
        String colour = summary.errors() > 0 || strict && summary.warnings() > 0 ? "bold,red"
                : summary.warnings() > 0 ? "yellow" : "green";
        out.println(ansi.string("@|" + colour + " " + escape(verdict) + "|@"));
    }

    @Override
    public void abort(String message) {
        if (lastLine != -1) {
            out.println();
        }
        out.flush();
    }

    /** Control characters (including ESC) shown as \\uXXXX. */
    static String printable(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean control = c < 0x20 || c >= 0x7F && c <= 0x9F;
            if (control && b == null) {
                b = new StringBuilder(s.length() + 8).append(s, 0, i);
            }
            if (b != null) {
                if (control) {
                    b.append(String.format("\\u%04X", (int) c));
                } else {
                    b.append(c);
                }
            }
        }
        return b == null ? s : b.toString();
    }

    /** Text placed inside picocli markup must not close or open markup itself. */
    private static String escape(String s) {
        return printable(s).replace("|@", "| @").replace("@|", "@ |");
    }
}
