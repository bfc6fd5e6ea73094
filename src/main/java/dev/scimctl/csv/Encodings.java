package dev.scimctl.csv;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

/**
 * Decides how to decode a file from its first bytes: a byte-order mark picks UTF-8 or UTF-16; anything else is read
 * as UTF-8 (strictly, so that a Windows-1252 file fails at its first accented letter, with the line). Files that are
 * clearly not CSV text (a spreadsheet, an archive, UTF-32, binary data) are refused here with what to do instead.
 */
public final class Encodings {
    /** How many bytes {@link #detect} wants to see (fewer is fine at the end of a file). */
    public static final int SNIFF_BYTES = 8192;

    private Encodings() {
    }

    /** The charset, and how many bytes of byte-order mark to skip. */
    public record Detected(Charset charset, int bomLength) {
        public String describe() {
            String n = charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : charset.equals(StandardCharsets.UTF_16LE)
                    ? "UTF-16LE" : charset.equals(StandardCharsets.UTF_16BE) ? "UTF-16BE" : charset.name();
            return n + (bomLength > 0 ? " with BOM" : "");
        }
    }

    public static Detected detect(byte[] b, int n, String name) {
        if (n == 0) {
            throw empty(name);
        }
        if (starts(b, n, 'P', 'K', 3, 4) || starts(b, n, 'P', 'K', 5, 6)) {
            throw new CsvInputException(name, 0, 0, "this is a zip archive, most likely an Excel workbook (.xlsx), "
                    + "not a CSV file: in Excel use File > Save As > 'CSV UTF-8 (Comma delimited) (*.csv)' and "
                    + "validate that file");
        }
        if (starts(b, n, 0xD0, 0xCF, 0x11, 0xE0)) {
            throw new CsvInputException(name, 0, 0, "this is an Excel 97-2003 workbook (.xls), not a CSV file: in "
                    + "Excel use File > Save As > 'CSV UTF-8 (Comma delimited) (*.csv)' and validate that file");
        }
        if (starts(b, n, '%', 'P', 'D', 'F')) {
            throw new CsvInputException(name, 0, 0, "this is a PDF, not a CSV file: export the users from Duo "
                    + "(Users > Export > CSV) or save the spreadsheet as 'CSV UTF-8'");
        }
        if (n >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B) {
            throw new CsvInputException(name, 0, 0, "this is gzip-compressed: decompress it first "
                    + "(gunzip -k FILE) and validate the CSV inside");
        }
        if (starts(b, n, 0xFF, 0xFE, 0, 0) || starts(b, n, 0, 0, 0xFE, 0xFF)) {
            throw new CsvInputException(name, 0, 0, "this is UTF-32 text, which scimctl does not read: save it as "
                    + "UTF-8 ('CSV UTF-8' in Excel, or 'iconv -f UTF-32 -t UTF-8')");
        }
        if (n >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            if (n == 3) {
                throw empty(name);
            }
            return new Detected(StandardCharsets.UTF_8, 3);
        }
        if (n >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return new Detected(StandardCharsets.UTF_16LE, 2);
        }
        if (n >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return new Detected(StandardCharsets.UTF_16BE, 2);
        }
        int nul = 0;
        int nulOdd = 0;
        int control = 0;
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xFF;
            if (c == 0) {
                nul++;
                nulOdd += i & 1;
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' || c == 0x7F) {
                control++;
            }
        }
        if (nul > n / 4 && (nulOdd > nul * 9 / 10 || nulOdd < nul / 10)) {
            throw new CsvInputException(name, 0, 0, "this looks like UTF-16 text without a byte-order mark, which "
                    + "cannot be read reliably: save it as 'CSV UTF-8' (or 'iconv -f UTF-16LE -t UTF-8')");
        }
        // A stray NUL or two in text is left to the line reader, which names its line and column.
        if (nul > n / 100 + 1 || control > n / 100 + 1) {
            throw new CsvInputException(name, 0, 0, "this is not a text file (it holds binary data): give the "
                    + "users CSV exported from Duo or saved from a spreadsheet as 'CSV UTF-8'");
        }
        return new Detected(StandardCharsets.UTF_8, 0);
    }

    static CsvInputException empty(String name) {
        return new CsvInputException(name, 0, 0, "the file is empty: expected a header row "
                + "(email,firstname,lastname,...) and one row per user");
    }

    private static boolean starts(byte[] b, int n, int... prefix) {
        if (n < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
