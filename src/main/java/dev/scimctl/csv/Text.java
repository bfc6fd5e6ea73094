package dev.scimctl.csv;

/**
 * Small text helpers for cell values. Spreadsheets leave non-breaking spaces (U+00A0) and stray byte-order marks in
 * cells, which {@link String#strip()} keeps, so "space" here is wider than {@link Character#isWhitespace}.
 */
public final class Text {
    private static final int MAX_SHOWN = 80;

    private Text() {
    }

    public static boolean isSpace(char c) {
        if (c > ' ' && c < 0x7F) {
            return false; // the common case, first
        }
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\u00A0' || c == '\u2007' || c == '\u202F'
                || c == '\uFEFF' || c == '\u200B' || Character.isWhitespace(c);
    }

    /** The value without leading and trailing spaces (in the wide sense above); null stays null. */
    public static String strip(String s) {
        if (s == null) {
            return null;
        }
        int start = 0;
        int end = s.length();
        while (start < end && isSpace(s.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    /** Null, empty or only spaces. */
    public static boolean isBlank(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Not blank, and starts or ends with a space. */
    public static boolean hasOuterSpace(String s) {
        int n = s == null ? 0 : s.length();
        return n > 0 && (isSpace(s.charAt(0)) || isSpace(s.charAt(n - 1))) && !isBlank(s);
    }

    /**
     * A value as a person should see it in a message: in double quotes, control characters and invisible spaces
     * spelled out (so a trailing space or a tab is visible), long values cut.
     */
    public static String show(String s) {
        if (s == null) {
            return "(none)";
        }
        StringBuilder b = new StringBuilder(Math.min(s.length(), MAX_SHOWN) + 8).append('"');
        int n = Math.min(s.length(), MAX_SHOWN);
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\t' -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\u00A0' -> b.append("\\u00A0");
                case '\uFEFF' -> b.append("\\uFEFF");
                case '\u200B' -> b.append("\\u200B");
                default -> {
                    if (c < ' ' || c == 0x7F) {
                        b.append(String.format("\\u%04X", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
        if (s.length() > MAX_SHOWN) {
            b.append("… (").append(s.length()).append(" characters)");
        }
        return b.toString();
    }

    /** Lower case, without spaces, '_', '-' and '.': how column names and field names are compared. */
    public static String normalizeName(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isSpace(c) || c == '_' || c == '-' || c == '.') {
                continue;
            }
            b.append(Character.toLowerCase(c));
        }
        return b.toString();
    }
}
