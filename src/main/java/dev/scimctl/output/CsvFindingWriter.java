package dev.scimctl.output;

import com.opencsv.ICSVWriter;
import dev.scimctl.csv.Finding;
import dev.scimctl.csv.Summary;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * Findings one a row, to open next to the input in a spreadsheet (CSV: RFC 4180 quoting or the layout asked for, cells
 * that a spreadsheet would run as formulas defused by {@link CsvCells}) or to cut and grep (TSV: no header).
 */
public final class CsvFindingWriter implements FindingWriter {
    public static final String[] HEADER = {"line", "column", "header", "severity", "rule", "value", "message", "fix"};

    private final PrintWriter out;
    private final Consumer<String[]> rows;
    private final boolean spreadsheet;

    private CsvFindingWriter(PrintWriter out, Consumer<String[]> rows, boolean spreadsheet) {
        this.out = out;
        this.rows = rows;
        this.spreadsheet = spreadsheet;
    }

    public static CsvFindingWriter csv(PrintWriter out, RecordLayout layout) {
        ICSVWriter csv = CsvCells.writer(out, layout.csv());
        if (layout.headers()) {
            csv.writeNext(HEADER, false);
        }
        return new CsvFindingWriter(out, row -> {
            csv.writeNext(row, false);
            try {
                csv.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, true);
    }

    public static CsvFindingWriter tsv(PrintWriter out) {
        return new CsvFindingWriter(out, row -> out.println(TablePrinter.tsvLine(row)), false);
    }

    @Override
    public void finding(Finding f) {
        rows.accept(new String[]{
                f.line() > 0 ? Long.toString(f.line()) : "",
                f.column() > 0 ? Integer.toString(f.column()) : "",
                cell(f.header()),
                f.severity().label(),
                f.code(),
                cell(f.value()),
                cell(f.message()),
                cell(f.fix())});
    }

    private String cell(String text) {
        return spreadsheet ? CsvCells.safe(text) : text == null ? "" : text;
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
