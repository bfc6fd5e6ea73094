package dev.scimctl.csv.rules;

import dev.scimctl.text.EditDistance;
import dev.scimctl.csv.Columns;
import dev.scimctl.csv.Field;
import dev.scimctl.csv.FindingSink;
import dev.scimctl.csv.Rule;
import dev.scimctl.csv.Text;
import dev.scimctl.csv.UserRow;

import java.util.Locale;

/**
 * {@code user-type-spelling} and {@code user-type-invalid}: NinjaOne's SCIM extension attribute userType.
 * {@code technician} is accepted in any case (NinjaOne's Entra guide writes "Technician"); {@code endUser} only
 * exactly so. Empty means an end user. {@code TECHNICIAN} and {@code END_USER} are the enum names of NinjaOne's
 * public REST API, not SCIM values: both are errors that say so. A wrong value silently creates the wrong kind of
 * account, which is why near-misses are errors with the right value as the fix.
 */
public final class UserTypeRule extends ColumnRule {
    public static final String TECHNICIAN = "technician";
    public static final String END_USER = "endUser";

    public UserTypeRule(Columns columns) {
        super(columns, Field.USER_TYPE);
    }

    /** The account a (stripped) userType asks for. */
    public static RowFacts.Kind classify(String v) {
        if (v == null || v.isEmpty()) {
            return RowFacts.Kind.DEFAULT_END_USER;
        }
        if (v.equals(END_USER)) {
            return RowFacts.Kind.END_USER;
        }
        if (v.equalsIgnoreCase(TECHNICIAN) && !v.equals("TECHNICIAN")) {
            return RowFacts.Kind.TECHNICIAN;
        }
        return RowFacts.Kind.INVALID;
    }

    @Override
    public void check(UserRow row, RowFacts facts, FindingSink sink) {
        if (facts.kind() != RowFacts.Kind.INVALID) {
            return;
        }
        String v = facts.userType();
        String shown = Text.show(v);
        String n = Text.normalizeName(v);
        if (v.equals("TECHNICIAN") || v.equals("END_USER")) {
            String right = v.equals("END_USER") ? END_USER : TECHNICIAN;
            report(row, sink, Rule.USER_TYPE_SPELLING, shown + " is how NinjaOne's public REST API spells the user "
                    + "type, not SCIM: the SCIM userType is " + right, right);
        } else if (n.equals("enduser")) {
            report(row, sink, Rule.USER_TYPE_SPELLING, shown + " is not endUser: userType is case-sensitive "
                    + "and NinjaOne only recognises endUser exactly", END_USER);
        } else if (n.startsWith("admin") || n.equals("systemadministrator") || n.equals("sysadmin")) {
            report(row, sink, Rule.USER_TYPE_INVALID, shown + " is not a user type, and system administrators "
                    + "cannot be assigned over SCIM: use technician and grant the role through the identity-group "
                    + "mapping in NinjaOne", TECHNICIAN);
        } else if (near(n, "enduser") || n.equals("user") || n.equals("users") || n.equals("end")) {
            report(row, sink, Rule.USER_TYPE_SPELLING, shown + " looks like a misspelling of endUser "
                    + "(exactly so: userType is case-sensitive)", END_USER);
        } else if (near(n, "technician") || n.startsWith("tech")) {
            report(row, sink, Rule.USER_TYPE_SPELLING, shown + " looks like a misspelling of technician", TECHNICIAN);
        } else {
            report(row, sink, Rule.USER_TYPE_INVALID, shown + " is not a NinjaOne user type: the valid values are "
                    + "technician, endUser (exactly so), or empty for an end user",
                    "technician, endUser, or empty");
        }
    }

    private void report(UserRow row, FindingSink sink, Rule rule, String message, String fix) {
        sink.accept(finding(rule, row, message, fix));
    }

    /** Within a small edit distance, scaled to the word: typos, not different words. */
    static boolean near(String normalized, String target) {
        return EditDistance.between(normalized.toLowerCase(Locale.ROOT), target) <= (target.length() >= 8 ? 2 : 1);
    }
}
