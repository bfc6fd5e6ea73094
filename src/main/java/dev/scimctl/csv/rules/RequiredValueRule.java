package dev.scimctl.csv.rules;

import dev.scimctl.csv.Columns;
import dev.scimctl.csv.Field;
import dev.scimctl.csv.Finding;
import dev.scimctl.csv.FindingSink;
import dev.scimctl.csv.Rule;
import dev.scimctl.csv.Text;
import dev.scimctl.csv.UserRow;

/**
 * {@code required-value}: an empty (or only-spaces) e-mail, first name or last name. Duo's mapping sends these as
 * userName, name.givenName and name.familyName, and NinjaOne requires all three. A missing name on a row with a
 * realname is left to {@link RealnameRule}, which can say more.
 */
public final class RequiredValueRule implements RowRule {
    private final Columns columns;
    private final int email;
    private final int first;
    private final int last;

    public RequiredValueRule(Columns columns) {
        this.columns = columns;
        this.email = columns.index(Field.EMAIL);
        this.first = columns.index(Field.FIRST_NAME);
        this.last = columns.index(Field.LAST_NAME);
    }

    @Override
    public void check(UserRow row, RowFacts facts, FindingSink sink) {
        if (email >= 0 && Text.isBlank(row.email())) {
            sink.accept(Finding.at(Rule.REQUIRED_VALUE, row, columns, email, "the e-mail is " + empty(row.email())
                    + ": it becomes the user's SCIM userName, so every user needs one", "fill in the e-mail address"));
        }
        if (RealnameRule.applies(row)) {
            return;
        }
        if (first >= 0 && Text.isBlank(row.givenName())) {
            sink.accept(Finding.at(Rule.REQUIRED_VALUE, row, columns, first, "the first name is "
                    + empty(row.givenName()) + ": NinjaOne requires name.givenName", "fill in the first name"));
        }
        if (last >= 0 && Text.isBlank(row.familyName())) {
            sink.accept(Finding.at(Rule.REQUIRED_VALUE, row, columns, last, "the last name is "
                    + empty(row.familyName()) + ": NinjaOne requires name.familyName", "fill in the last name"));
        }
    }

    private static String empty(String v) {
        return v.isEmpty() ? "empty" : "only spaces";
    }
}
