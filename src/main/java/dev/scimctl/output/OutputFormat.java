package dev.scimctl.output;

import java.util.Locale;

/**
 * {@code -o/--output}: the one vocabulary of output formats. Every command that prints data takes some of these, with
 * the same meaning everywhere (a command refuses the ones that make no sense for it). Lower case, as --help shows them.
 * See docs/formats.md for what each one promises.
 */
public enum OutputFormat {
    /** Aligned columns under a header, for a person at a terminal; the only format that waits for every record. */
    table,
    /** A report for a person (findings, steps, a plan), where the output is not one record a line. */
    text,
    /** One record a line, cells separated by tabs, no header: for cut, awk and while-read loops. */
    tsv,
    /** RFC 4180 CSV with a header row; cells a spreadsheet would run as a formula are neutralised. */
    csv,
    /** One JSON document. */
    json,
    /** One JSON object a line, written as each record arrives. */
    ndjson,
    /** Markdown: a checklist to follow by hand. */
    md;

    /** The format named {@code word} (any case), or null when the vocabulary has no such word. */
    public static OutputFormat named(String word) {
        try {
            return valueOf(word.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The format to use: the one asked for, else a table on a terminal and TSV in a pipe. */
    public static OutputFormat resolve(OutputFormat asked, boolean stdoutIsTerminal) {
        if (asked != null) {
            return asked;
        }
        return stdoutIsTerminal ? table : tsv;
    }
}
