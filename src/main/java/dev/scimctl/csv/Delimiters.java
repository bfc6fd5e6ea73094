package dev.scimctl.csv;

/**
 * Finds the separator from the header line: ',' (Duo, most tools), ';' (Excel in locales that write a decimal
 * comma) or a tab (Excel's "Unicode Text"). The one that splits the header into the most columns, outside quotes,
 * wins; a tie or none at all means ','.
 */
public final class Delimiters {
    private static final char[] CANDIDATES = {',', ';', '\t'};

    private Delimiters() {
    }

    public static char detect(String headerLine) {
        int[] counts = new int[CANDIDATES.length];
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                for (int k = 0; k < CANDIDATES.length; k++) {
                    if (c == CANDIDATES[k]) {
                        counts[k]++;
                    }
                }
            }
        }
        int best = 0;
        for (int k = 1; k < CANDIDATES.length; k++) {
            if (counts[k] > counts[best]) {
                best = k;
            }
        }
        return CANDIDATES[best];
    }

    /** Reads {@code --delimiter}: one character, or a name (comma, semicolon, tab, pipe), or "\t". */
    public static char parse(String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("give one character, e.g. ';', or a name: comma, semicolon, tab, pipe");
        }
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        char c = switch (v) {
            case "comma" -> ',';
            case "semicolon" -> ';';
            case "tab", "\\t" -> '\t';
            case "pipe" -> '|';
            default -> {
                if (value.length() != 1) {
                    throw new IllegalArgumentException("'" + value + "' is not one character: give e.g. ',' ';' "
                            + "'|' or tab");
                }
                yield value.charAt(0);
            }
        };
        if (c == '"' || c == '\n' || c == '\r' || c == 0) {
            throw new IllegalArgumentException("'" + value + "' cannot separate columns: give e.g. ',' ';' '|' or tab");
        }
        return c;
    }

    /** How a separator is named in messages. */
    public static String name(char c) {
        return switch (c) {
            case ',' -> "comma";
            case ';' -> "semicolon";
            case '\t' -> "tab";
            default -> "'" + c + "'";
        };
    }
}
