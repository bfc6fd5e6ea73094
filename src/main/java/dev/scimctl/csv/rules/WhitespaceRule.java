package dev.scimctl.csv.rules;

import dev.scimctl.csv.Columns;
import dev.scimctl.csv.Field;
import dev.scimctl.csv.Finding;
import dev.scimctl.csv.FindingSink;
import dev.scimctl.csv.Rule;
import dev.scimctl.csv.Text;
import dev.scimctl.csv.UserRow;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code surrounding-whitespace}: a checked value (e-mail, names, userType, organizationId, groups) that starts or
 * ends with spaces, tabs or non-breaking spaces. Whether Duo or NinjaOne trims them is not documented, so
 * "endUser " may not be endUser, and "Bob " is a different name from "Bob".
 */
public final class WhitespaceRule implements RowRule {
    private final Columns columns;
    private final int[] checked;

    public WhitespaceRule(Columns columns) {
        this.columns = columns;
        List<Integer> idx = new ArrayList<>();
        for (Field f : new Field[]{Field.EMAIL, Field.FIRST_NAME, Field.LAST_NAME, Field.USER_TYPE,
                Field.ORGANIZATION_ID}) {
            if (columns.index(f) >= 0) {
                idx.add(columns.index(f));
            }
        }
        for (int g : columns.groupIndexes()) {
            idx.add(g);
        }
        this.checked = idx.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public void check(UserRow row, RowFacts facts, FindingSink sink) {
        for (int i : checked) {
            String v = row.cell(i);
            if (Text.hasOuterSpace(v)) {
                sink.accept(Finding.at(Rule.SURROUNDING_WHITESPACE, row, columns, i, Text.show(v) + " has "
                        + describe(v) + ": whether Duo and NinjaOne remove it is not documented", Text.strip(v)));
            }
        }
    }

    private static String describe(String v) {
        boolean lead = Text.isSpace(v.charAt(0));
        boolean trail = Text.isSpace(v.charAt(v.length() - 1));
        boolean nbsp = v.indexOf('\u00A0') >= 0;
        String kind = nbsp ? "non-breaking space" : v.indexOf('\t') >= 0 ? "tab or space" : "space";
        return (lead && trail ? "a leading and a trailing " : lead ? "a leading " : "a trailing ") + kind
                + (nbsp ? " (U+00A0, which spreadsheets insert)" : "");
    }
}
