package dev.scimctl.csv;

/**
 * One problem found in a CSV.
 *
 * @param line   the physical line (1 is the header); 0 for the file as a whole
 * @param column the 1-based column number; 0 when no single column applies
 * @param header the column's header as written, or null
 * @param value  the cell as written, or null
 * @param fix    a suggested fix (often the corrected value), or null when none can be suggested
 */
public record Finding(Rule rule, long line, int column, String header, String value, String message, String fix) {

    public Severity severity() {
        return rule.severity();
    }

    public String code() {
        return rule.code();
    }

    /** A finding about one cell of a row. */
    public static Finding at(Rule rule, UserRow row, Columns columns, int index, String message, String fix) {
        return new Finding(rule, row.line(), Columns.number(index), columns.header(index), row.cell(index), message,
                fix);
    }
}
