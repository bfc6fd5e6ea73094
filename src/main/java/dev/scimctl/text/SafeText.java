package dev.scimctl.text;

/**
 * Renders a string from outside (a server, a file, a command line) for a human format, so that it cannot drive the
 * terminal or disguise itself: C0 control characters and DEL become visible escapes (ESC as backslash-x-1b), and C1
 * controls and the bidirectional controls (overrides, embeddings, isolates, marks) backslash-u escapes of four hex
 * digits, which are also valid in a JSON string (so that the guard of TerminalSafeWriter keeps JSON valid). Everything
 * else, including every printable non-ASCII letter, is kept. JSON does not use this: it keeps the exact value,
 * JSON-escaped ({@code JsonOutput}).
 */
public final class SafeText {
    private SafeText() {
    }

    /** For a line of text that may hold line breaks of its own (a message): keeps LF and TAB, escapes the rest. */
    public static String text(String s) {
        return render(s, true);
    }

    /** For one cell or one line: also escapes LF, CR and TAB, so that the value stays on its line. */
    public static String line(String s) {
        return render(s, false);
    }

    /** Whether {@code c} would be escaped by {@link #line}. */
    public static boolean unsafe(int c) {
        return c < 0x20 || c >= 0x7f && c <= 0x9f || bidi(c);
    }

    private static String render(String s, boolean keepBreaks) {
        if (s == null) {
            return null;
        }
        int i = 0;
        while (i < s.length() && !escaped(s.charAt(i), keepBreaks)) {
            i++;
        }
        if (i == s.length()) {
            return s; // the common case: nothing to escape, no copy
        }
        StringBuilder b = new StringBuilder(s.length() + 8).append(s, 0, i);
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!escaped(c, keepBreaks)) {
                b.append(c);
            } else if (c < 0x80) {
                b.append(String.format("\\x%02x", (int) c));
            } else {
                b.append(String.format("\\u%04x", (int) c));
            }
        }
        return b.toString();
    }

    private static boolean escaped(char c, boolean keepBreaks) {
        if (keepBreaks && (c == '\n' || c == '\t')) {
            return false;
        }
        return unsafe(c);
    }

    /** LRM, RLM, ALM, the embeddings and overrides (U+202A–U+202E) and the isolates (U+2066–U+2069). */
    private static boolean bidi(int c) {
        return c == 0x200e || c == 0x200f || c == 0x061c || c >= 0x202a && c <= 0x202e || c >= 0x2066 && c <= 0x2069;
    }
}
