package dev.scimctl.output;

import dev.scimctl.csv.CsvDialect;

/**
 * The layout choices shared by every command that prints rows: whether table and CSV output start with a header row
 * ({@code --no-headers}), and the CSV dialect ({@code --bom}, {@code --csv-dialect}).
 */
public record RecordLayout(boolean headers, CsvDialect csv) {
    public static final RecordLayout DEFAULT = new RecordLayout(true, CsvDialect.RFC_4180);
}
