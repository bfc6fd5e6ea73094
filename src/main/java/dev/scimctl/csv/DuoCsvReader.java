package dev.scimctl.csv;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.ICSVParser;
import com.opencsv.exceptions.CsvMalformedLineException;
import com.opencsv.exceptions.CsvValidationException;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Reads a Duo user CSV as a stream of {@link UserRow}s, one at a time, so memory does not grow with the file.
 * Opening it reads the header: the encoding (UTF-8 with or without BOM, UTF-16 with BOM), the separator and the
 * column mapping are known from then on. Rows that are entirely blank are skipped (spreadsheets leave them at the
 * end). Anything that makes the rest of the file unreadable throws a {@link CsvInputException} naming the line.
 *
 * <pre>{@code
 * try (DuoCsvReader r = DuoCsvReader.open(path, DuoCsvReader.Options.DEFAULTS)) {
 *     for (UserRow row; (row = r.next()) != null; ) { ... }
 * }
 * }</pre>
 */
public final class DuoCsvReader implements Closeable {
    /** The longest line, and the longest quoted field spanning lines, in characters: far beyond any user row. */
    public static final int DEFAULT_MAX_LINE_CHARS = 1 << 20;

    /**
     * @param delimiter the separator, or null to detect it from the header
     * @param columns explicit field-to-header mappings ({@code --column})
     * @param maxLineChars see {@link #DEFAULT_MAX_LINE_CHARS}
     */
    public record Options(Character delimiter, Map<Field, List<String>> columns, int maxLineChars) {
        public static final Options DEFAULTS = new Options(null, Map.of(), DEFAULT_MAX_LINE_CHARS);

        public Options {
            columns = Map.copyOf(columns);
        }

        public Options withDelimiter(Character d) {
            return new Options(d, columns, maxLineChars);
        }

        public Options withColumns(Map<Field, List<String>> c) {
            return new Options(delimiter, c, maxLineChars);
        }

        public Options withMaxLineChars(int max) {
            return new Options(delimiter, columns, max);
        }
    }

    private final String name;
    private final Encodings.Detected encoding;
    private final PhysicalLineReader lines;
    private final CSVReader csv;
    private final char delimiter;
    private final boolean delimiterDetected;
    private final Columns columns;
    private final int email;
    private final int first;
    private final int last;
    private final int userType;
    private final int org;
    private final int realname;
    private final int[] groups;
    private final boolean[] groupLists;
    private final long estimatedRows;
    private long rows;

    private DuoCsvReader(String name, Encodings.Detected encoding, PhysicalLineReader lines, Options options,
                         long estimatedRows) throws IOException {
        this.name = name;
        this.estimatedRows = estimatedRows;
        this.encoding = encoding;
        this.lines = lines;
        String firstLine = lines.peekLine();
        if (firstLine == null) {
            throw Encodings.empty(name);
        }
        if (Text.isBlank(firstLine)) {
            lines.readLine();
            while (true) {
                String l = lines.readLine();
                if (l == null) {
                    throw Encodings.empty(name);
                }
                if (!Text.isBlank(l)) {
                    throw new CsvInputException(name, 1, 0, "the first line is blank, but it must be the header "
                            + "row (email,firstname,lastname,...): delete the blank lines above line "
                            + lines.linesRead());
                }
            }
        }
        this.delimiterDetected = options.delimiter() == null;
        this.delimiter = delimiterDetected ? Delimiters.detect(firstLine) : options.delimiter();
        this.csv = new CSVReaderBuilder(lines)
                .withCSVParser(new CSVParserBuilder()
                        .withSeparator(delimiter)
                        .withQuoteChar('"')
                        // RFC 4180: a quote inside a quoted value is doubled; a backslash is just a backslash.
                        .withEscapeChar(ICSVParser.NULL_CHARACTER)
                        // Keep cells exactly as written: leading spaces are one of the things we report.
                        .withIgnoreLeadingWhiteSpace(false)
                        .build())
                // verifyReader peeks with mark/reset before every line; our reader knows its end without that.
                .withVerifyReader(false)
                .build();
        String[] header = readRecord();
        this.columns = Columns.resolve(header, options.columns());
        this.email = columns.index(Field.EMAIL);
        this.first = columns.index(Field.FIRST_NAME);
        this.last = columns.index(Field.LAST_NAME);
        this.userType = columns.index(Field.USER_TYPE);
        this.org = columns.index(Field.ORGANIZATION_ID);
        this.realname = columns.index(Field.REALNAME);
        this.groups = columns.groupIndexesShared();
        this.groupLists = new boolean[groups.length];
        for (int i = 0; i < groups.length; i++) {
            groupLists[i] = Text.normalizeName(columns.header(groups[i])).equals("groups");
        }
    }

    /** Opens a file; {@code -} is not special here (see {@link #open(InputStream, String, Options, boolean)}). */
    public static DuoCsvReader open(Path path, Options options) {
        String name = path.toString();
        if (Files.isDirectory(path)) {
            throw new CsvInputException(name, 0, 0, "this is a directory, not a CSV file");
        }
        InputStream in;
        try {
            in = Files.newInputStream(path);
        } catch (NoSuchFileException e) {
            throw new CsvInputException(name, 0, 0, "no such file");
        } catch (AccessDeniedException e) {
            throw new CsvInputException(name, 0, 0, "permission denied: check the file's permissions");
        } catch (IOException e) {
            throw new CsvInputException(name, 0, 0, "cannot be read: " + e.getMessage());
        }
        long size = -1;
        try {
            size = Files.size(path);
        } catch (IOException e) {
            // Only an estimate is lost.
        }
        return open(in, name, options, true, size);
    }

    /**
     * Reads from a stream (stdin for {@code -}). {@code name} is how messages call it.
     *
     * @param closeInput whether {@link #close()} closes {@code in}
     */
    public static DuoCsvReader open(InputStream in, String name, Options options, boolean closeInput) {
        return open(in, name, options, closeInput, -1);
    }

    private static DuoCsvReader open(InputStream in, String name, Options options, boolean closeInput, long size) {
        try {
            byte[] head = in.readNBytes(Encodings.SNIFF_BYTES);
            Encodings.Detected enc = Encodings.detect(head, head.length, name);
            PhysicalLineReader lines = new PhysicalLineReader(in, closeInput, head, enc.bomLength(),
                    head.length - enc.bomLength(), enc.charset(), name, options.maxLineChars());
            return new DuoCsvReader(name, enc, lines, options, estimate(head, size));
        } catch (IOException e) {
            closeQuietly(in, closeInput);
            throw new CsvInputException(name, 0, 0, "cannot be read: " + e.getMessage());
        } catch (RuntimeException e) {
            closeQuietly(in, closeInput);
            throw e;
        }
    }

    /** Rows in a file of {@code size} bytes, from the line length in its first bytes; 0 when unknown. */
    private static long estimate(byte[] head, long size) {
        if (size <= 0) {
            return 0;
        }
        int newlines = 0;
        for (byte b : head) {
            newlines += b == '\n' ? 1 : 0;
        }
        if (head.length >= size) {
            return newlines;
        }
        return newlines < 2 ? size / 64 : (long) ((double) size * newlines / head.length);
    }

    /** The number of rows a file probably has, from its size (0 for a stream): lets consumers size tables once. */
    public long estimatedRows() {
        return estimatedRows;
    }

    /**
     * Takes a row that is one physical line of valid UTF-8, as bytes (validate's fast path): {@code line[from, to)},
     * without its line end, starting on line {@code lineNumber}.
     */
    @FunctionalInterface
    public interface ByteRowHandler {
        /** True when it has dealt with the row: the reader counts it and does not return it as a {@link UserRow}. */
        boolean handle(byte[] line, int from, int to, long lineNumber);
    }

    /** The next non-blank row, or null at the end of the file. */
    public UserRow next() {
        return next(null);
    }

    /**
     * The next non-blank row that {@code handler} did not deal with, or null at the end of the file. Rows the handler
     * takes count in {@link #rowsRead()} like the others.
     */
    public UserRow next(ByteRowHandler handler) {
        while (true) {
            if (handler != null && handleBytes(handler)) {
                rows++;
                continue;
            }
            String[] cells = readRecord();
            if (cells == null) {
                return null;
            }
            if (isBlank(cells)) {
                continue;
            }
            rows++;
            return toRow(lines.recordStartLine(), cells);
        }
    }

    private boolean handleBytes(ByteRowHandler handler) {
        lines.startRecord();
        try {
            if (lines.peekBytes() && handler.handle(lines.lineBytes(), lines.lineStart(), lines.lineEnd(),
                    lines.recordStartLine())) {
                lines.skipLine();
                return true;
            }
            return false;
        } catch (IOException e) {
            throw new CsvInputException(name, lines.linesRead(), 0, "cannot be read: " + e.getMessage());
        }
    }

    private String[] readRecord() {
        lines.startRecord();
        try {
            String line = lines.peekLine();
            String[] cells = line == null ? null : SingleLineRecords.split(line, delimiter);
            if (cells != null) {
                lines.readLine();
                return cells;
            }
            return csv.readNext();
        } catch (CsvMalformedLineException e) {
            long start = lines.recordStartLine();
            throw new CsvInputException(name, start, 0, "a quoted value in the row that starts on this line is "
                    + "never closed (the file ends inside it, on line " + lines.linesRead() + "): a \" is missing or "
                    + "stray; quote a value as \"…\" and write a \" inside it as \"\"");
        } catch (CsvValidationException e) {
            throw new CsvInputException(name, lines.recordStartLine(), 0, e.getMessage());
        } catch (IOException e) {
            throw new CsvInputException(name, lines.linesRead(), 0, "cannot be read: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new CsvInputException(name, lines.linesRead(), 0, "cannot be read: " + e.getCause().getMessage());
        }
    }

    private UserRow toRow(long line, String[] cells) {
        List<String> g;
        if (groups.length == 0) {
            g = List.of();
        } else {
            g = new ArrayList<>(groups.length);
            for (int i = 0; i < groups.length; i++) {
                String v = groups[i] < cells.length ? cells[groups[i]] : "";
                if (Text.isBlank(v)) {
                    continue;
                }
                if (groupLists[i]) {
                    int start = 0;
                    for (int k = 0; k <= v.length(); k++) {
                        if (k == v.length() || v.charAt(k) == ';' || v.charAt(k) == ',') {
                            String part = v.substring(start, k);
                            if (!Text.isBlank(part)) {
                                g.add(Text.strip(part));
                            }
                            start = k + 1;
                        }
                    }
                } else {
                    g.add(Text.strip(v));
                }
            }
            g = Collections.unmodifiableList(g);
        }
        return new UserRow(line, cell(cells, email), cell(cells, first), cell(cells, last), cell(cells, userType),
                cell(cells, org), g, cell(cells, realname), cells);
    }

    private static String cell(String[] cells, int index) {
        if (index < 0) {
            return null;
        }
        return index < cells.length ? cells[index] : "";
    }

    private static boolean isBlank(String[] cells) {
        for (String c : cells) {
            if (!Text.isBlank(c)) {
                return false;
            }
        }
        return true;
    }

    private static void closeQuietly(InputStream in, boolean close) {
        if (close) {
            try {
                in.close();
            } catch (IOException ignored) {
                // Already failing with a better message.
            }
        }
    }

    /** How messages name the input: the path as given, or "stdin". */
    public String name() {
        return name;
    }

    public Charset charset() {
        return encoding.charset();
    }

    /** "UTF-8 with BOM", "UTF-16LE with BOM", "UTF-8". */
    public String encodingDescription() {
        return encoding.describe();
    }

    public char delimiter() {
        return delimiter;
    }

    /** Whether the separator was detected (rather than given with --delimiter). */
    public boolean delimiterDetected() {
        return delimiterDetected;
    }

    public Columns columns() {
        return columns;
    }

    /** Non-blank data rows returned so far. */
    public long rowsRead() {
        return rows;
    }

    /** Physical lines read so far, the header included. */
    public long linesRead() {
        return lines.linesRead();
    }

    @Override
    public void close() {
        try {
            csv.close();
        } catch (IOException e) {
            // Nothing was written; a failing close of an input changes nothing for the user.
        }
    }
}
