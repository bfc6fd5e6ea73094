package dev.scimctl.output;

/**
 * Cells for CSV files that people open in a spreadsheet. A cell starting with '=', '+', '-', '@', a tab or a CR is
 * a formula to Excel and LibreOffice (OWASP "CSV injection"); a leading apostrophe makes it text, and spreadsheets
 * do not display the apostrophe.
 */
public final class CsvCells {
    private CsvCells() {
    }

    public static String safe(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell == null ? "" : cell;
        }
        char c = cell.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + cell : cell;
    }
}
