package dev.scimctl.output;

import dev.scimctl.text.SafeText;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.BooleanSupplier;
import java.util.regex.Pattern;

/**
 * The last guard between scimctl and stdout or stderr: whatever a command forgot to pass through {@link SafeText},
 * no control character reaches the terminal raw. LF, CR (the progress bar) and TAB pass; so do colour sequences
 * ({@code ESC [ digits ; m}) while colour is on, which are ours (picocli's markup). Every other control character or
 * bidi control becomes its visible escape. JSON has none of them raw (JsonOutput escapes them), so it passes whole.
 */
public final class TerminalSafeWriter extends Writer {
    private static final int MAX_SEQUENCE = 32;
    /** ESC, which begins a colour sequence: read here, never written (colour is CommandContext.ansi's). */
    private static final char ESC = 0x1b;
    private static final Pattern COLOUR = Pattern.compile(ESC + "\\[[0-9;]*m");

    private final PrintWriter target;
    private final BooleanSupplier colour;
    /** An escape sequence begun but not yet ended (a write may end in the middle of one). */
    private final StringBuilder pending = new StringBuilder();

    /** @param colour whether colour is on for this stream now (it is decided after the streams are made) */
    public TerminalSafeWriter(PrintWriter target, BooleanSupplier colour) {
        this.target = target;
        this.colour = colour;
    }

    @Override
    public void write(char[] chars, int off, int len) throws IOException {
        StringBuilder b = new StringBuilder(len + 8);
        for (int i = off; i < off + len; i++) {
            char c = chars[i];
            if (pending.length() > 0) {
                pending.append(c);
                if (c == 'm' && pending.length() >= 3 || !(c == '[' && pending.length() == 2 || c == ';'
                        || c >= '0' && c <= '9') || pending.length() > MAX_SEQUENCE) {
                    flushPending(b);
                }
            } else if (c == ESC && colour.getAsBoolean()) {
                pending.append(c);
            } else if (c == '\n' || c == '\r' || c == '\t' || !SafeText.unsafe(c)) {
                b.append(c);
            } else {
                b.append(SafeText.line(String.valueOf(c)));
            }
        }
        target.write(b.toString());
        check();
    }

    /** A complete colour sequence passes; anything else that began with ESC is shown escaped. */
    private void flushPending(StringBuilder b) {
        String s = pending.toString();
        pending.setLength(0);
        if (COLOUR.matcher(s).matches()) {
            b.append(s);
        } else {
            b.append(SafeText.line(s));
        }
    }

    @Override
    public void flush() throws IOException {
        target.flush();
        check();
    }

    @Override
    public void close() throws IOException {
        if (pending.length() > 0) {
            StringBuilder b = new StringBuilder();
            flushPending(b);
            target.write(b.toString());
        }
        target.close();
    }

    /** The target swallows its errors; pass them on, so that a reader gone (| head) is still noticed. */
    private void check() throws IOException {
        if (target.checkError()) {
            throw new IOException("the output was closed");
        }
    }
}
