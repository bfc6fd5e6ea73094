package dev.scimctl.output;

import dev.scimctl.text.SafeText;

/**
 * Cells for CSV files that people open in a spreadsheet. A cell starting with '=', '+', '-', '@', a tab or a CR is
 * a formula to Excel and LibreOffice (OWASP "CSV injection"); a leading apostrophe makes it text, and spreadsheets
 * do not display the apostrophe. Control characters and bidi overrides become visible escapes ({@link SafeText}).
 */
public final class CsvCells {
    private CsvCells() {
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
