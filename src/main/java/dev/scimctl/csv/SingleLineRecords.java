package dev.scimctl.csv;

import java.util.Arrays;

/**
 * The fast path of {@link DuoCsvReader}: splits a physical line that holds one whole record in the plain RFC 4180
 * shape, which is nearly every line of a real export. A cell is either unquoted without any {@code "}, or quoted from
 * its first to its last character with {@code ""} for a quote inside. Anything else (a quote left open to the next
 * line, text after a closing quote, a stray quote inside an unquoted cell) returns null, and opencsv parses the
 * record as before, so its rules for odd input stay the only ones. The cells are the same as opencsv's
 * (SingleLineRecordsTest compares them on generated lines); it is about three times faster (issue #18).
 */
final class SingleLineRecords {
    private static final char QUOTE = '"';

    private SingleLineRecords() {
    }

    /** The cells of {@code line}, or null when opencsv must read the record. */
    static String[] split(String line, char delimiter) {
        if (line.indexOf(QUOTE) < 0) {
            return splitUnquoted(line, delimiter);
        }
        return splitQuoted(line, delimiter);
    }

    private static String[] splitUnquoted(String line, char delimiter) {
        int count = 1;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            if (line.charAt(i) == delimiter) {
                count++;
            }
        }
        String[] cells = new String[count];
        int start = 0;
        int k = 0;
        for (int i = 0; i < n; i++) {
            if (line.charAt(i) == delimiter) {
                cells[k++] = line.substring(start, i);
                start = i + 1;
            }
        }
        cells[k] = line.substring(start);
        return cells;
    }

    private static String[] splitQuoted(String line, char delimiter) {
        String[] cells = new String[8];
        int k = 0;
        int n = line.length();
        int i = 0;
        int nextQuote = -1;
        while (true) {
            String cell;
            if (i < n && line.charAt(i) == QUOTE) {
                StringBuilder sb = null;
                int from = i + 1;
                int j = from;
                while (true) {
                    int q = line.indexOf(QUOTE, j);
                    if (q < 0) {
                        return null; // open to the next line
                    }
                    if (q + 1 < n && line.charAt(q + 1) == QUOTE) {
                        if (sb == null) {
                            sb = new StringBuilder(q - from + 16);
                        }
                        sb.append(line, j, q + 1);
                        j = q + 2;
                        continue;
                    }
                    cell = sb == null ? line.substring(from, q) : sb.append(line, j, q).toString();
                    i = q + 1;
                    break;
                }
                if (i < n && line.charAt(i) != delimiter) {
                    return null; // text after the closing quote
                }
            } else {
                int end = line.indexOf(delimiter, i);
                if (end < 0) {
                    end = n;
                }
                if (nextQuote < i) {
                    nextQuote = line.indexOf(QUOTE, i);
                    nextQuote = nextQuote < 0 ? n : nextQuote;
                }
                if (nextQuote < end) {
                    return null; // a quote inside an unquoted cell
                }
                cell = line.substring(i, end);
                i = end;
            }
            if (k == cells.length) {
                cells = Arrays.copyOf(cells, k * 2);
            }
            cells[k++] = cell;
            if (i >= n) {
                return Arrays.copyOf(cells, k);
            }
            i++; // past the delimiter
        }
    }
}
