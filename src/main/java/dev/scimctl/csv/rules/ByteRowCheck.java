package dev.scimctl.csv.rules;

import dev.scimctl.csv.ByteScan;
import dev.scimctl.csv.Columns;
import dev.scimctl.csv.Field;
import dev.scimctl.csv.Text;
import dev.scimctl.csv.ValidationOptions;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Validate's fast path (issue #18): the verdict of all the row rules on a row that is one line of valid UTF-8, read
 * from its bytes, without a String, a cell array or a {@link dev.scimctl.csv.UserRow}. It answers only "the rules
 * find nothing" (and then the row's account type and organization) or "ask the rules": any doubt returns false
 * having changed nothing, and the row goes through the rules as before, so every finding, message and count is
 * theirs. Doubts are: a quote it does not split the simple way, a non-empty cell past the header, a checked cell
 * with a space or control character at an end, an empty required value, an address the plausibility check refuses
 * or one seen before, any userType or organizationId but the plain valid ones, a technician with an organization.
 * ValidatorFastPathTest compares the findings with and without it on generated files.
 */
public final class ByteRowCheck {
    private static final byte QUOTE = '"';
    private static final byte[] END_USER = ascii(UserTypeRule.END_USER);
    private static final byte[] TECHNICIAN = ascii(UserTypeRule.TECHNICIAN);
    private static final byte[] TECHNICIAN_UPPER = ascii("TECHNICIAN");
    private static final byte[] ALL = ascii("all");
    private final boolean enabled;
    private final byte delimiter;
    private final int width;
    private final int email;
    private final int first;
    private final int last;
    private final int userType;
    private final int org;
    /** Columns whose values must not start or end with a space ({@link WhitespaceRule}). */
    private final int[] trimmed;
    private final Set<Integer> knownOrganizations;
    private final DuplicateEmailRule duplicates;
    /** The cells of the current row: [starts[i], ends[i]) in the line's bytes, without quotes; width entries. */
    private final int[] starts;
    private final int[] ends;
    private int cells;
    private RowFacts.Kind kind;
    private RowFacts.Org orgKind;
    private int organization;

    public ByteRowCheck(Columns columns, ValidationOptions options, char delimiter, DuplicateEmailRule duplicates) {
        this.delimiter = (byte) delimiter;
        this.width = columns.size();
        this.email = columns.index(Field.EMAIL);
        this.first = columns.index(Field.FIRST_NAME);
        this.last = columns.index(Field.LAST_NAME);
        this.userType = columns.index(Field.USER_TYPE);
        this.org = columns.index(Field.ORGANIZATION_ID);
        List<Integer> t = new ArrayList<>();
        for (int i : new int[]{email, first, last, userType, org}) {
            if (i >= 0) {
                t.add(i);
            }
        }
        for (int g : columns.groupIndexes()) {
            t.add(g);
        }
        this.trimmed = t.stream().mapToInt(Integer::intValue).toArray();
        this.knownOrganizations = options.organizationIds();
        this.duplicates = duplicates;
        this.starts = new int[width];
        this.ends = new int[width];
        // With --split-realname and a name column missing, a realname is split on every row: the rules do that.
        // Without an e-mail column a blank line could pass for a row; the reader skips those, so the rules see them.
        this.enabled = delimiter > 0 && delimiter < 128 && delimiter != '"' && delimiter != '\n' && delimiter != '\r'
                && email >= 0 && !(options.splitRealname() && (first < 0 || last < 0));
    }

    /**
     * The rules' verdict on the line {@code a[from, to)} (valid UTF-8, no line end), the row on line {@code line}: true
     * when they find nothing, and its address is remembered for the duplicate check; false to let them see it.
     */
    public boolean check(byte[] a, int from, int to, long line) {
        if (!enabled || !split(a, from, to)) {
            return false;
        }
        for (int c : trimmed) {
            if (c < cells) {
                int s = starts[c];
                int e = ends[c];
                if (s < e && (firstIsSpace(a, s) || lastIsSpace(a, e))) {
                    return false;
                }
            }
        }
        if (empty(email) || first >= 0 && empty(first) || last >= 0 && empty(last)) {
            return false;
        }
        int es = starts[email];
        int ee = ends[email];
        if (!EmailFormatRule.isPlausible(a, es, ee) || !classify(a)) {
            return false;
        }
        if (kind == RowFacts.Kind.TECHNICIAN && orgKind == RowFacts.Org.ID) {
            return false; // TechnicianOrganizationRule
        }
        if (knownOrganizations != null && orgKind == RowFacts.Org.ID && !knownOrganizations.contains(organization)) {
            return false; // KnownOrganizationRule
        }
        // Last: it changes the table when it answers true.
        return duplicates.rememberNew(EmailHashTable.hash(a, es, ee), line);
    }

    /**
     * Splits the line as opencsv would when it is the simple shape: cells unquoted without any quote, or quoted from
     * end to end without a quote inside. False for anything else, and for a non-empty cell past the header.
     */
    boolean split(byte[] a, int from, int to) {
        byte d = delimiter;
        int n = 0;
        int i = from;
        while (true) {
            int s;
            int e;
            if (i < to && a[i] == QUOTE) {
                s = i + 1;
                e = ByteScan.skipWithout(a, s, to, QUOTE, QUOTE);
                while (e < to && a[e] != QUOTE) {
                    e++;
                }
                if (e == to) {
                    return false; // open to the next line
                }
                i = e + 1;
                if (i < to && a[i] != d) {
                    return false; // a doubled quote, or text after the closing one
                }
            } else {
                s = i;
                e = ByteScan.skipWithout(a, i, to, d, QUOTE);
                while (e < to && a[e] != d) {
                    if (a[e] == QUOTE) {
                        return false;
                    }
                    e++;
                }
                i = e;
            }
            if (n < width) {
                starts[n] = s;
                ends[n] = e;
            } else if (e > s) {
                return false; // ExtraCellsRule may have something to say
            }
            n++;
            if (i >= to) {
                cells = Math.min(n, width);
                return true;
            }
            i++; // past the delimiter
        }
    }

    /**
     * Whether the cell's first character may be a space ({@link dev.scimctl.csv.Text#isSpace}): in ASCII, any
     * control character counts too (the rules decide); beyond it, the character is decoded and asked.
     */
    private static boolean firstIsSpace(byte[] a, int s) {
        int b = a[s];
        return b >= 0 ? b <= ' ' : Text.isSpace(charAt(a, s));
    }

    /** Whether the last character of the cell that ends before {@code e} may be a space; see above. */
    private static boolean lastIsSpace(byte[] a, int e) {
        int b = a[e - 1];
        if (b >= 0) {
            return b <= ' ';
        }
        int i = e - 1;
        while ((a[i] & 0xC0) == 0x80) { // back to the first byte of the character (cells end at ASCII bytes)
            i--;
        }
        return Text.isSpace(charAt(a, i));
    }

    /** The character whose valid UTF-8 starts at {@code i}; one beyond U+FFFF as its high surrogate, never a space. */
    private static char charAt(byte[] a, int i) {
        int b = a[i] & 0xFF;
        if (b < 0xE0) {
            return (char) ((b & 0x1F) << 6 | a[i + 1] & 0x3F);
        }
        if (b < 0xF0) {
            return (char) ((b & 0x0F) << 12 | (a[i + 1] & 0x3F) << 6 | a[i + 2] & 0x3F);
        }
        return '\uD800';
    }

    /** The cells {@link #split} found (at most the header's width): for ByteRowCheckTest. */
    int cells() {
        return cells;
    }

    String cell(byte[] a, int i) {
        return new String(a, starts[i], ends[i] - starts[i], StandardCharsets.UTF_8);
    }

    /** Whether a column's cell is empty (or missing from a short row). */
    private boolean empty(int column) {
        return column >= cells || starts[column] == ends[column];
    }

    /** The account type and organization, as {@link UserTypeRule} and {@link OrganizationIdRule} classify them. */
    private boolean classify(byte[] a) {
        kind = RowFacts.Kind.DEFAULT_END_USER;
        if (userType >= 0 && !empty(userType)) {
            int s = starts[userType];
            int e = ends[userType];
            if (is(a, s, e, END_USER, false)) {
                kind = RowFacts.Kind.END_USER;
            } else if (is(a, s, e, TECHNICIAN, true) && !is(a, s, e, TECHNICIAN_UPPER, false)) {
                kind = RowFacts.Kind.TECHNICIAN;
            } else {
                return false;
            }
        }
        orgKind = RowFacts.Org.NONE;
        organization = 0;
        if (org >= 0 && !empty(org)) {
            int s = starts[org];
            int e = ends[org];
            if (is(a, s, e, ALL, true)) {
                orgKind = RowFacts.Org.ALL;
            } else if (e - s <= 10) {
                long n = 0;
                for (int i = s; i < e; i++) {
                    int c = a[i];
                    if (c < '0' || c > '9') {
                        return false;
                    }
                    n = n * 10 + (c - '0');
                }
                if (n < 1 || n > Integer.MAX_VALUE) {
                    return false;
                }
                orgKind = RowFacts.Org.ID;
                organization = (int) n;
            } else {
                return false;
            }
        }
        return true;
    }

    /** Whether the ASCII bytes {@code a[s, e)} are {@code word}, in any case when {@code anyCase} (letters only). */
    private static boolean is(byte[] a, int s, int e, byte[] word, boolean anyCase) {
        if (e - s != word.length) {
            return false;
        }
        int fold = anyCase ? 0x20 : 0;
        for (int i = 0; i < word.length; i++) {
            if ((a[s + i] | fold) != (word[i] | fold)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String word) {
        return word.getBytes(StandardCharsets.US_ASCII);
    }

    public RowFacts.Kind kind() {
        return kind;
    }

    public RowFacts.Org org() {
        return orgKind;
    }

    /** The organization id when {@link #org()} is {@link RowFacts.Org#ID}. */
    public int organization() {
        return organization;
    }
}
