package dev.scimctl.csv;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.ICSVParser;

import java.io.Reader;

/** How scimctl reads any CSV: RFC 4180 as Excel writes it, where a backslash is just a backslash. */
public final class CsvParsers {
    private CsvParsers() {
    }

    /** A reader of {@code in} separated by {@code separator}; a quote inside a quoted value is doubled. */
    public static CSVReader reader(Reader in, char separator) {
        return new CSVReaderBuilder(in).withCSVParser(new CSVParserBuilder().withSeparator(separator).withQuoteChar('"')
                .withEscapeChar(ICSVParser.NULL_CHARACTER).build()).build();
    }
}
