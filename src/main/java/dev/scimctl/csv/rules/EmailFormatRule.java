package dev.scimctl.csv.rules;

import dev.scimctl.csv.Columns;
import dev.scimctl.csv.Field;
import dev.scimctl.csv.FindingSink;
import dev.scimctl.csv.Rule;
import dev.scimctl.csv.Text;
import dev.scimctl.csv.UserRow;

import java.util.Locale;

/**
 * {@code email-format}: an e-mail that cannot be a deliverable address. Deliberately plausibility, not RFC 5321:
 * one '@', a local part without spaces or stray dots, and a domain of dotted labels ending in a top-level domain of
 * two or more letters. A character loop, not a regular expression: it runs once per row. Where the mistake is
 * mechanical (a "mailto:" prefix, "Name &lt;addr&gt;", a trailing dot) the fix is the corrected address.
 */
public final class EmailFormatRule extends ColumnRule {

    public EmailFormatRule(Columns columns) {
        super(columns, Field.EMAIL);
    }

    /** Why an address is not plausible, and a corrected one where it can be derived. */
    public record Problem(String reason, String fix) {
    }

    @Override
    public void check(UserRow row, RowFacts facts, FindingSink sink) {
        String e = facts.email();
        if (index < 0 || e == null || e.isEmpty()) {
            return;
        }
        Problem p = problem(e);
        if (p != null) {
            sink.accept(finding(Rule.EMAIL_FORMAT, row, Text.show(e) + " is not a plausible "
                    + "e-mail address: " + p.reason(), p.fix() != null ? p.fix()
                    : "correct the address; it becomes the user's SCIM userName"));
        }
    }

    /** Null when {@code e} (already stripped) is plausible. */
    public static Problem problem(String e) {
        if (isPlausible(e)) {
            return null;
        }
        String lower = e.toLowerCase(Locale.ROOT);
        if (lower.startsWith("mailto:")) {
            String rest = e.substring(7);
            return new Problem("it starts with \"mailto:\"", isPlausible(rest) ? rest : null);
        }
        int lt = e.indexOf('<');
        int gt = e.lastIndexOf('>');
        if (lt >= 0 && gt > lt) {
            String inner = e.substring(lt + 1, gt).trim();
            return new Problem("it is a display name with an address; give the address alone",
                    isPlausible(inner) ? inner : null);
        }
        int at = e.indexOf('@');
        if (at < 0) {
            return new Problem("it has no @", null);
        }
        if (e.indexOf('@', at + 1) >= 0) {
            boolean list = e.indexOf(',') >= 0 || e.indexOf(';') >= 0 || hasSpace(e);
            return new Problem(list ? "it holds more than one address; give one per user" : "it has more than one @",
                    null);
        }
        if (hasSpace(e)) {
            String joined = removeSpaces(e);
            return new Problem("it contains a space", isPlausible(joined) ? joined : null);
        }
        String local = e.substring(0, at);
        String domain = e.substring(at + 1);
        if (local.isEmpty()) {
            return new Problem("nothing before the @", null);
        }
        if (domain.isEmpty()) {
            return new Problem("no domain after the @", null);
        }
        if (domain.endsWith(".") && isPlausible(e.substring(0, e.length() - 1))) {
            return new Problem("the domain ends with a dot", e.substring(0, e.length() - 1));
        }
        if (domain.indexOf(',') >= 0 && isPlausible(local + "@" + domain.replace(',', '.'))) {
            return new Problem("the domain has a comma where a dot belongs", local + "@" + domain.replace(',', '.'));
        }
        if (local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return new Problem("the part before the @ starts or ends with a dot, or has two in a row", null);
        }
        if (domain.indexOf('.') < 0) {
            return new Problem("the domain \"" + domain + "\" has no dot (a local host name cannot receive mail "
                    + "from NinjaOne)", null);
        }
        if (local.length() > 64) {
            return new Problem("the part before the @ is longer than 64 characters", null);
        }
        if (e.length() > 254) {
            return new Problem("it is longer than 254 characters", null);
        }
        return new Problem("the domain \"" + domain + "\" is not a valid domain name, or the address contains "
                + "characters an address cannot have", null);
    }

    /** The fast check that clean rows take. */
    static boolean isPlausible(String e) {
        int n = e.length();
        return n >= 6 && n <= 254 && check(e, n); // "a@b.cd" is the shortest
    }

    private static boolean check(String e, int n) {
        int at = -1;
        for (int i = 0; i < n; i++) {
            char c = e.charAt(i);
            if (c == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            } else if (!localChar(c) && !(c == '-' || c == '.')) {
                return false;
            }
        }
        if (at <= 0 || at > 64 || at == n - 1) {
            return false;
        }
        // Local part: allowed characters, no leading, trailing or doubled dot.
        char prev = '.';
        for (int i = 0; i < at; i++) {
            char c = e.charAt(i);
            if (c == '.' && prev == '.') {
                return false;
            }
            prev = c;
        }
        if (prev == '.') {
            return false;
        }
        // Domain: labels of letters, digits and '-', not starting or ending with '-', at least two labels, and a
        // top-level domain of two or more letters.
        int labelStart = at + 1;
        int labels = 0;
        for (int i = at + 1; i <= n; i++) {
            char c = i == n ? '.' : e.charAt(i);
            if (c == '.') {
                int len = i - labelStart;
                if (len == 0 || len > 63 || e.charAt(labelStart) == '-' || e.charAt(i - 1) == '-') {
                    return false;
                }
                labels++;
                if (i == n && !e.startsWith("xn--", labelStart)) { // xn--: an internationalised TLD
                    for (int k = labelStart; k < n; k++) {
                        if (!Character.isLetter(e.charAt(k))) {
                            return false;
                        }
                    }
                    if (len < 2) {
                        return false;
                    }
                }
                labelStart = i + 1;
            } else if (!(Character.isLetterOrDigit(c) || c == '-')) {
                return false;
            }
        }
        return labels >= 2;
    }

    /**
     * {@link #isPlausible(String)} of the ASCII text in {@code a[from, to)}, read from the bytes in one pass: the
     * local part up to the @, then the domain label by label (EmailFormatRuleTest compares the two).
     */
    static boolean isPlausible(byte[] a, int from, int to) {
        int n = to - from;
        if (n < 6 || n > 254) {
            return false;
        }
        int i = from;
        int prev = '.'; // so that a leading dot counts as a doubled one
        for (; i < to; i++) {
            int c = a[i];
            if (c == '@') {
                break;
            }
            if (c < 0 || !ASCII_ADDRESS[c] || c == '.' && prev == '.') {
                return false;
            }
            prev = c;
        }
        int at = i;
        if (at == to || at == from || at - from > 64 || prev == '.' || at == to - 1) {
            return false;
        }
        int labelStart = at + 1;
        int labels = 0;
        boolean letters = true; // the label so far is letters only
        for (i = at + 1; i <= to; i++) {
            int c = i == to ? '.' : a[i];
            if (c == '.') {
                int len = i - labelStart;
                if (len == 0 || len > 63 || a[labelStart] == '-' || a[i - 1] == '-') {
                    return false;
                }
                labels++;
                if (i == to && !letters && !(len >= 4 && a[labelStart] == 'x' && a[labelStart + 1] == 'n'
                        && a[labelStart + 2] == '-' && a[labelStart + 3] == '-')) { // xn--: as in the String check
                    return false;
                }
                if (i == to && letters && len < 2) {
                    return false;
                }
                labelStart = i + 1;
                letters = true;
            } else if (!asciiLetter(c)) {
                if (!(c >= '0' && c <= '9' || c == '-')) {
                    return false; // a second @ among them
                }
                letters = false;
            }
        }
        return labels >= 2;
    }

    /** The ASCII characters an address may hold besides its @: {@link #localChar}, '-' and '.'. */
    private static final boolean[] ASCII_ADDRESS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_ADDRESS[c] = localChar(c) || c == '-' || c == '.';
        }
    }

    private static boolean asciiLetter(int c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    /** Characters of an unquoted local part (RFC 5322 atext), plus letters beyond ASCII (RFC 6531). */
    private static boolean localChar(char c) {
        if (c < 128) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || "!#$%&'*+/=?^_`{|}~".indexOf(c) >= 0;
        }
        return Character.isLetterOrDigit(c);
    }

    private static boolean hasSpace(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Text.isSpace(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String removeSpaces(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (!Text.isSpace(s.charAt(i))) {
                b.append(s.charAt(i));
            }
        }
        return b.toString();
    }
}
