package dev.scimctl.csv.rules;

import dev.scimctl.csv.Columns;
import dev.scimctl.csv.Field;
import dev.scimctl.csv.FindingSink;
import dev.scimctl.csv.Rule;
import dev.scimctl.csv.Text;
import dev.scimctl.csv.UserRow;

import java.math.BigDecimal;

/**
 * {@code organization-id-invalid} and {@code organization-id-list}: NinjaOne's SCIM extension attribute
 * organizationId. {@code All} (any case) or empty makes a global end user; a positive integer (NinjaOne's API types
 * ids as int32) an end user of that organization. Anything else is an error. A list of ids is a warning: NinjaOne's
 * Entra guide says several ids "may be added as an expression" without documenting the syntax, so scimctl cannot
 * say which one NinjaOne will use, and never picks one itself.
 */
public final class OrganizationIdRule extends ColumnRule {

    public OrganizationIdRule(Columns columns) {
        super(columns, Field.ORGANIZATION_ID);
    }

    /** What a (stripped) organizationId says. */
    public static RowFacts.Org classify(String v) {
        if (v == null || v.isEmpty()) {
            return RowFacts.Org.NONE;
        }
        if (v.equalsIgnoreCase("all")) {
            return RowFacts.Org.ALL;
        }
        if (isId(v, 0, v.length())) {
            return RowFacts.Org.ID;
        }
        return parts(v) >= 2 ? RowFacts.Org.LIST : RowFacts.Org.INVALID;
    }

    /** A positive int32 written as plain digits. */
    static boolean isId(String v, int from, int to) {
        int len = to - from;
        if (len == 0 || len > 10) {
            return false;
        }
        long n = 0;
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
            n = n * 10 + (c - '0');
        }
        return n >= 1 && n <= Integer.MAX_VALUE;
    }

    /** The number of ids in a list separated by ',', ';', '|' or spaces; 0 if any part is not an id. */
    static int parts(String v) {
        int count = 0;
        int start = -1;
        for (int i = 0; i <= v.length(); i++) {
            char c = i == v.length() ? ',' : v.charAt(i);
            boolean sep = c == ',' || c == ';' || c == '|' || Text.isSpace(c);
            if (!sep && start < 0) {
                start = i;
            } else if (sep && start >= 0) {
                if (!isId(v, start, i)) {
                    return 0;
                }
                count++;
                start = -1;
            }
        }
        return count;
    }

    /** The ids of a list, for {@link KnownOrganizationRule}. */
    static long[] ids(String v) {
        return java.util.Arrays.stream(v.split("[,;|\\s]+")).filter(s -> !s.isEmpty()).mapToLong(Long::parseLong)
                .toArray();
    }

    @Override
    public void check(UserRow row, RowFacts facts, FindingSink sink) {
        RowFacts.Org org = facts.org();
        if (org == RowFacts.Org.LIST) {
            sink.accept(finding(Rule.ORGANIZATION_ID_LIST, row, Text.show(facts.organizationId())
                    + " lists several organizations: NinjaOne does not document how several ids are written, so it is "
                    + "unknown which organization the user will get", "give one organization id, or All"));
        } else if (org == RowFacts.Org.INVALID) {
            String v = facts.organizationId();
            String[] why = explain(v);
            sink.accept(finding(Rule.ORGANIZATION_ID_INVALID, row, Text.show(v)
                    + " is not an organization id: " + why[0], why[1]));
        }
    }

    /** The reason and the fix for an invalid value. */
    static String[] explain(String v) {
        String generic = "use the numeric id of the NinjaOne organization, or All for every organization";
        String lower = v.toLowerCase(java.util.Locale.ROOT);
        if (lower.equals("global") || lower.equals("*") || lower.equals("any") || lower.equals("every")
                || lower.equals("all organizations") || lower.equals("none")) {
            return new String[]{"a global end user is written All (or left empty)", "All"};
        }
        if (v.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new String[]{v.chars().allMatch(c -> c == '0') ? "organization ids start at 1"
                    : "it is larger than any NinjaOne organization id (ids are 32-bit integers)", generic};
        }
        if (v.startsWith("-") && v.length() > 1 && v.substring(1).chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new String[]{"organization ids are positive", generic};
        }
        try {
            // "12.0", "1.2E+3" or, where the decimal mark is a comma, "1,02E+2": a spreadsheet formatted the id as a
            // number. (A comma between plain ids is a list, classified before this.)
            String number = v.replace(" ", "");
            if (number.indexOf(',') == number.lastIndexOf(',') && number.indexOf('.') < 0) {
                number = number.replace(',', '.');
            }
            BigDecimal d = new BigDecimal(number);
            BigDecimal whole = d.stripTrailingZeros();
            if (whole.scale() <= 0 && whole.signum() > 0 && whole.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) <= 0) {
                String id = whole.toBigInteger().toString();
                return new String[]{"a spreadsheet wrote the number " + id + " as " + v + "; format the column as Text",
                        id};
            }
        } catch (NumberFormatException ignored) {
            // Not a number at all: the generic advice below.
        }
        return new String[]{"organizationId must be a NinjaOne organization's numeric id (not its name), or All", generic};
    }
}
