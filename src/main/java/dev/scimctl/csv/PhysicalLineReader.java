package dev.scimctl.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Decodes bytes and hands out physical lines, the way an editor numbers them (LF, CRLF and a lone CR each end one).
 *
 * <p>It extends {@link BufferedReader} because opencsv's {@code CSVReader} reads through
 * {@code BufferedReader.readLine()} and uses a given one as it is: so we see every line opencsv consumes, and can
 * count lines exactly, also inside multi-line quoted fields, without a second pass. Only {@link #readLine()} is
 * supported. It also refuses what would otherwise go wrong silently: bytes that are not valid in the charset (the
 * JDK's readers would replace them with U+FFFD), NUL characters, and a line or a record (a quoted field running over
 * lines) longer than the limit, which would otherwise read a broken 10 MB file into one cell.
 */
public final class PhysicalLineReader extends BufferedReader {
    private static final int BUFFER = 1 << 16;
    /**
     * The most physical lines one record may span. opencsv joins the lines of an open quoted field by copying the
     * text so far each time, so a quote left open near the top of a big file costs time quadratic in its length;
     * a notes cell of a thousand lines is already far beyond any real Duo export.
     */
    public static final int MAX_RECORD_LINES = 1000;

    private final InputStream in;
    private final boolean closeInput;
    private final String name;
    private final Charset charset;
    private final CharsetDecoder decoder;
    private final ByteBuffer bytes = ByteBuffer.allocate(BUFFER);
    private final char[] buf = new char[BUFFER];
    private final CharBuffer chars = CharBuffer.wrap(buf);
    private final int maxLineChars;
    private int pos;
    private int lim;
    private boolean endOfInput;
    private boolean flushed;
    private boolean skipLf;
    private String malformed;
    private String peeked;
    private long line;
    private long recordStartLine = 1;
    private long recordChars;
    private int recordLines;

    /**
     * @param head bytes already read from the start of {@code in} (after any byte-order mark), decoded first
     * @param maxLineChars the longest line, and the longest record spanning lines, in characters
     */
    public PhysicalLineReader(InputStream in, boolean closeInput, byte[] head, int headOffset, int headLength,
                              Charset charset, String name, int maxLineChars) {
        super(Reader.nullReader(), 1);
        this.in = in;
        this.closeInput = closeInput;
        this.name = name;
        this.charset = charset;
        this.decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        this.maxLineChars = maxLineChars;
        bytes.put(head, headOffset, headLength).flip();
    }

    /** Physical lines handed out so far: the number of the last line read. */
    public long linesRead() {
        return line;
    }

    /** Marks the start of a CSV record, so that a record that never ends can be reported at its first line. */
    public void startRecord() {
        recordStartLine = line + 1;
        recordChars = 0;
        recordLines = 0;
    }

    /** The line the current record started on. */
    public long recordStartLine() {
        return recordStartLine;
    }

    /** The physical lines the current record has taken so far. */
    public int recordLines() {
        return recordLines;
    }

    /** Reads the next line without consuming it: the next {@link #readLine()} returns it again. */
    public String peekLine() throws IOException {
        if (peeked == null) {
            peeked = nextLine();
        }
        return peeked;
    }

    @Override
    public String readLine() throws IOException {
        String s;
        if (peeked != null) {
            s = peeked;
            peeked = null;
        } else {
            s = nextLine();
        }
        if (s != null) {
            line++;
            recordLines++;
            recordChars += s.length() + 1;
            if (recordLines > 1 && (recordChars > maxLineChars || recordLines > MAX_RECORD_LINES)) {
                throw new CsvInputException(name, recordStartLine, 0, "a quoted field that starts on this line "
                        + "is still open after " + (recordLines - 1) + " more lines (one record may span at most "
                        + MAX_RECORD_LINES + " lines and " + (maxLineChars >> 20) + " MiB): a \" is probably "
                        + "missing or stray on line " + recordStartLine + "; quote a value as \"…\" and write a \" "
                        + "inside it as \"\"");
            }
        }
        return s;
    }

    private String nextLine() throws IOException {
        StringBuilder sb = null;
        long lineNo = line + 1; // nextLine() runs only when nothing is peeked
        for (;;) {
            if (pos >= lim && !fill()) {
                int col = (sb == null ? 0 : sb.length()) + 1;
                if (malformed != null) {
                    throw malformedError(lineNo, col);
                }
                return sb == null ? null : sb.toString();
            }
            if (skipLf) {
                skipLf = false;
                if (buf[pos] == '\n') {
                    pos++;
                    continue;
                }
            }
            int start = pos;
            int limit = lim;
            int i = start;
            char c = 0;
            while (i < limit) {
                c = buf[i];
                if (c <= '\r') {
                    if (c == '\n' || c == '\r') {
                        break;
                    }
                    if (c == 0) {
                        throw new CsvInputException(name, lineNo, (sb == null ? 0 : sb.length()) + i - start + 1,
                                "a NUL character: this is not a text file, or it is UTF-16 without a byte-order "
                                        + "mark; open it in a spreadsheet and save it as 'CSV UTF-8'");
                    }
                }
                i++;
            }
            int len = i - start;
            if ((sb == null ? 0 : sb.length()) + len > maxLineChars) {
                throw new CsvInputException(name, lineNo, 0, "the line is longer than " + (maxLineChars >> 20)
                        + " MiB (the limit for one line): this is not a list of users, or its line ends are "
                        + "broken; check the file in a text editor");
            }
            if (i < limit) {
                pos = i + 1;
                skipLf = c == '\r';
                return sb == null ? new String(buf, start, len) : sb.append(buf, start, len).toString();
            }
            if (sb == null) {
                sb = new StringBuilder(Math.max(128, len * 2));
            }
            sb.append(buf, start, len);
            pos = limit;
        }
    }

    /** Decodes the next chunk into {@code buf}. False at the end of input, or at a malformed byte. */
    private boolean fill() throws IOException {
        pos = 0;
        lim = 0;
        if (malformed != null || flushed) {
            return false;
        }
        chars.clear();
        for (;;) {
            CoderResult r = decoder.decode(bytes, chars, endOfInput);
            if (r.isError()) {
                malformed = describe(r.length());
                break;
            }
            if (r.isOverflow()) {
                break;
            }
            if (endOfInput) {
                decoder.flush(chars);
                flushed = true;
                break;
            }
            if (chars.position() > 0) {
                break;
            }
            bytes.compact();
            int n = in.read(bytes.array(), bytes.arrayOffset() + bytes.position(), bytes.remaining());
            if (n < 0) {
                endOfInput = true;
            } else {
                bytes.position(bytes.position() + n);
            }
            bytes.flip();
        }
        lim = chars.position();
        return lim > 0;
    }

    private String describe(int length) {
        StringBuilder hex = new StringBuilder();
        int p = bytes.position();
        for (int i = 0; i < length && p + i < bytes.limit(); i++) {
            hex.append(i == 0 ? "" : " ").append(String.format("0x%02X", bytes.get(p + i) & 0xFF));
        }
        // One high byte followed by plain ASCII is what Excel's "CSV (Comma delimited)" writes for é, ü, ß...
        boolean legacy = charset.equals(StandardCharsets.UTF_8) && length == 1
                && (p + 1 >= bytes.limit() || (bytes.get(p + 1) & 0x80) == 0);
        return hex + (legacy ? "): the file is probably in Windows-1252 or Latin-1 (Excel's 'CSV (Comma delimited)')"
                + ": save it as 'CSV UTF-8 (Comma delimited)', or convert it with "
                + "'iconv -f WINDOWS-1252 -t UTF-8 in.csv > out.csv'"
                : "): save the file as UTF-8 ('CSV UTF-8' in Excel)");
    }

    private CsvInputException malformedError(long lineNo, long col) {
        String what = charset.equals(StandardCharsets.UTF_8) ? "UTF-8" : charset.name();
        return new CsvInputException(name, lineNo, col, "bytes that are not valid " + what + " (" + malformed);
    }

    @Override
    public int read() {
        throw new UnsupportedOperationException("PhysicalLineReader is read by lines only");
    }

    @Override
    public int read(char[] cbuf, int off, int len) {
        throw new UnsupportedOperationException("PhysicalLineReader is read by lines only");
    }

    @Override
    public boolean ready() {
        return pos < lim;
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public void mark(int readAheadLimit) throws IOException {
        throw new IOException("mark is not supported");
    }

    @Override
    public void reset() throws IOException {
        throw new IOException("reset is not supported");
    }

    @Override
    public void close() throws IOException {
        if (closeInput) {
            in.close();
        }
    }
}
