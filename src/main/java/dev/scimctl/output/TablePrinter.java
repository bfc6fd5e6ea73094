package dev.scimctl.output;

import dev.scimctl.text.SafeText;
import picocli.CommandLine.Help.Ansi;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows of text cells, printed the way pipelines and people each want them: on a terminal an aligned table under a
 * bold header; piped, tab-separated lines with no header and no decoration (tabs and newlines in cells become spaces).
 */
public final class TablePrinter {
    private final List<String> headers;
    private final List<String[]> rows = new ArrayList<>();
    private boolean headerRow = true;

    public TablePrinter(List<String> headers) {
        this.headers = List.copyOf(headers);
    }

    /** Whether the table starts with its header row ({@code --no-headers} turns it off); the widths still count it. */
    public TablePrinter headers(boolean shown) {
        this.headerRow = shown;
        return this;
    }

    public TablePrinter row(Object... cells) {
        String[] r = new String[headers.size()];
        for (int i = 0; i < r.length; i++) {
            Object c = i < cells.length ? cells[i] : null;
            r[i] = c == null ? "" : c.toString();
        }
        rows.add(r);
        return this;
    }

    public int size() {
        return rows.size();
    }

    /** An aligned table with a header (for a terminal). */
    public void printTable(PrintWriter out, Ansi ansi) {
        int[] widths = new int[headers.size()];
        for (int i = 0; i < widths.length; i++) {
            widths[i] = headers.get(i).length();
        }
        for (String[] r : rows) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], oneLine(r[i]).length());
            }
        }
        StringBuilder header = new StringBuilder();
        for (int i = 0; i < widths.length; i++) {
            header.append(pad(headers.get(i).toUpperCase(java.util.Locale.ROOT), widths[i], i == widths.length - 1));
        }
        if (headerRow) {
            out.println(ansi.string("@|bold " + header.toString().stripTrailing().replace("|", "") + "|@"));
        }
        for (String[] r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                line.append(pad(oneLine(r[i]), widths[i], i == widths.length - 1));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** Tab-separated lines without a header (for a pipe). */
    public void printTsv(PrintWriter out) {
        for (String[] r : rows) {
            out.println(tsvLine(r));
        }
    }

    /** One TSV record: tabs, CR and LF inside a cell become spaces, so that a line is always a record. */
    public static String tsvLine(String[] cells) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                b.append('\t');
            }
            b.append(oneLine(cells[i]));
        }
        return b.toString();
    }

    public void print(PrintWriter out, boolean terminal, Ansi ansi) {
        if (terminal) {
            printTable(out, ansi);
        } else {
            printTsv(out);
        }
    }

    /** Tabs and line breaks become spaces (a line is a record); other controls, visible escapes (SafeText). */
    public static String oneLine(String s) {
        return s == null ? "" : SafeText.line(s.replace('\t', ' ').replace('\r', ' ').replace('\n', ' '));
    }

    private static String pad(String s, int width, boolean last) {
        if (last) {
            return s;
        }
        StringBuilder b = new StringBuilder(s);
        while (b.length() < width + 2) {
            b.append(' ');
        }
        return b.toString();
    }
}
