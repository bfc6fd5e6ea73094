package dev.scimctl.output;

import dev.scimctl.csv.Summary;
import dev.scimctl.text.Counted;

import java.util.Map;

/** The human summary of a validation: two lines, for stdout in text mode and stderr with machine formats. */
public final class SummaryText {
    private static final int ORGANIZATIONS_SHOWN = 10;

    private SummaryText() {
    }

    public static String rows(Summary s) {
        StringBuilder b = new StringBuilder(Counted.of(s.rows(), "row")).append(": ");
        b.append(Counted.of(s.technicians(), "technician")).append(", ");
        b.append(Counted.of(s.globalEndUsers(), "global end user")).append(", ");
        int orgs = s.endUsersByOrganization().size();
        b.append(Counted.of(s.organizationEndUsers(), "end user")).append(" in ")
                .append(Counted.of(orgs, "organization"));
        if (orgs > 0) {
            b.append(" (");
            int shown = 0;
            for (Map.Entry<Integer, Long> e : s.endUsersByOrganization().entrySet()) {
                if (shown == ORGANIZATIONS_SHOWN) {
                    b.append(", ").append(orgs - shown).append(" more");
                    break;
                }
                b.append(shown++ == 0 ? "" : ", ").append(e.getKey()).append(": ").append(e.getValue());
            }
            b.append(')');
        }
        if (s.endUsersInOtherOrganizations() > 0) {
            b.append(" (").append(s.endUsersInOtherOrganizations()).append(" of them in organizations past the first ")
                    .append(orgs).append(", not itemised)");
        }
        if (s.unclassified() > 0) {
            b.append(", ").append(s.unclassified()).append(" with an invalid userType or organizationId");
        }
        return b.toString();
    }

    public static String verdict(Summary s, boolean strict) {
        if (s.errors() == 0 && s.warnings() == 0) {
            return "No problems found.";
        }
        String errors = Counted.of(s.errors(), "error");
        if (s.errors() > 0) {
            errors += " (on " + Counted.of(s.linesWithErrors(), "line") + ")";
        }
        String warnings = Counted.of(s.warnings(), "warning");
        if (s.errors() > 0) {
            return errors + ", " + warnings + ": fix the errors, then validate again.";
        }
        return strict ? errors + ", " + warnings + ": --strict counts warnings as errors."
                : errors + ", " + warnings + ".";
    }
}
