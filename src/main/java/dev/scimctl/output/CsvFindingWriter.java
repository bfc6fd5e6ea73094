package dev.scimctl.output;

import com.opencsv.CSVWriterBuilder;
import com.opencsv.ICSVWriter;
import dev.scimctl.csv.Finding;
import dev.scimctl.csv.Summary;

import java.io.PrintWriter;

/**
 * Findings as CSV, to open next to the input in a spreadsheet: one row per finding, RFC 4180 quoting, cells that a
 * spreadsheet would run as formulas defused ({@link CsvCells}).
 */
public final class CsvFindingWriter implements FindingWriter {
    public static final String[] HEADER = {"line", "column", "header", "severity", "rule", "value", "message", "fix"};

    private final PrintWriter out;
    private final ICSVWriter csv;

    public CsvFindingWriter(PrintWriter out) {
        this.out = out;
        this.csv = new CSVWriterBuilder(out).withLineEnd("\n").build();
        csv.writeNext(HEADER, false);
    }

    @Override
    public void finding(Finding f) {
        csv.writeNext(new String[]{
                f.line() > 0 ? Long.toString(f.line()) : "",
                f.column() > 0 ? Integer.toString(f.column()) : "",
                CsvCells.safe(f.header()),
                f.severity().label(),
                f.code(),
                CsvCells.safe(f.value()),
                CsvCells.safe(f.message()),
                CsvCells.safe(f.fix())}, false);
    }

    @Override
    public void end(Summary summary, boolean strict) {
        out.flush();
    }

    @Override
    public void abort(String message) {
        out.flush();
    }
}
