package dev.scimctl.output;

/**
 * {@code --output}: how a command writes its records to stdout. Lower case, as picocli shows them in --help.
 * See docs/formats.md for what each one promises.
 */
public enum OutputFormat {
    /** Aligned columns under a header, for a person at a terminal; the only format that waits for every record. */
    table,
    /** One record a line, cells separated by tabs, no header: for cut, awk and while-read loops. */
    tsv,
    /** One JSON document: an array of records (a single resource for the get commands). */
    json,
    /** One JSON object a line, written as each page arrives. */
    ndjson,
    /** RFC 4180 CSV with a header row; cells a spreadsheet would run as a formula are neutralised. */
    csv;

    /** The format to use: the one asked for, else a table on a terminal and TSV in a pipe. */
    public static OutputFormat resolve(OutputFormat asked, boolean stdoutIsTerminal) {
        if (asked != null) {
            return asked;
        }
        return stdoutIsTerminal ? table : tsv;
    }
}
