package dev.scimctl.io;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads lines as bytes, each at most a given length, so that a file with one enormous line (a journal that is not a
 * journal) fails with its line number rather than filling the memory. It says whether the last line lacked its
 * line break: a line cut off by a crash or a full disk.
 */
public final class BoundedLines {
    /** A line longer than the limit. */
    public static final class TooLongException extends IOException {
        private final long line;

        TooLongException(long line) {
            super("line " + line + " is too long");
            this.line = line;
        }

        public long line() {
            return line;
        }
    }

    private final InputStream in;
    private final int limit;
    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(256);
    private long number;
    private boolean lastWasCut;

    public BoundedLines(InputStream in, int limit) {
        this.in = new BufferedInputStream(in, 64 * 1024);
        this.limit = limit;
    }

    /** The next line without its line break (and without a CR before it), or null at the end. */
    public byte[] next() throws IOException {
        buffer.reset();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (buffer.size() >= limit) {
                throw new TooLongException(number + 1);
            }
            buffer.write(b);
        }
        if (b == -1 && buffer.size() == 0) {
            return null;
        }
        number++;
        lastWasCut = b == -1;
        byte[] line = buffer.toByteArray();
        int n = line.length;
        if (n > 0 && line[n - 1] == '\r') {
            return java.util.Arrays.copyOf(line, n - 1);
        }
        return line;
    }

    /** The number of the line {@link #next()} returned last, from 1. */
    public long number() {
        return number;
    }

    /** Whether that line ended at the end of the input rather than with a line break. */
    public boolean lastWasCut() {
        return lastWasCut;
    }
}
