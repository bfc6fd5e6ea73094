package dev.scimctl.output;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import dev.scimctl.csv.CsvDialect;
import dev.scimctl.text.SafeText;

import java.io.PrintWriter;

/**
 * Cells for CSV files that people open in a spreadsheet. A cell starting with '=', '+', '-', '@', a tab or a CR is
 * a formula to Excel and LibreOffice (OWASP "CSV injection"); a leading apostrophe makes it text, and spreadsheets
 * do not display the apostrophe. Control characters and bidi overrides become visible escapes ({@link SafeText}).
 */
public final class CsvCells {
    private CsvCells() {
    }

    /**
     * An opencsv writer in {@code dialect} (its BOM written first), quoting only where a cell needs it: a separator, a
     * quote, a line break. Flush it, never close it: that would close stdout.
     */
    public static ICSVWriter writer(PrintWriter out, CsvDialect dialect) {
        if (dialect.bom()) {
            out.print('\uFEFF');
        }
        return new CSVWriterBuilder(out).withSeparator(dialect.separator()).withLineEnd(dialect.lineEnd()).build();
    }

    public static String safe(String raw) {
        if (raw == null || raw.isEmpty()) {
            return raw == null ? "" : raw;
        }
        String cell = SafeText.text(raw);
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}
