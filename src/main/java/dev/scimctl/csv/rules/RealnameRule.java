package dev.scimctl.csv.rules;

import dev.scimctl.csv.Columns;
import dev.scimctl.csv.Field;
import dev.scimctl.csv.Finding;
import dev.scimctl.csv.FindingSink;
import dev.scimctl.csv.Rule;
import dev.scimctl.csv.Text;
import dev.scimctl.csv.UserRow;

/**
 * {@code realname-not-split}: Duo's CSV has one {@code realname}, but NinjaOne needs name.givenName and
 * name.familyName separately, and Duo's SCIM mapping sends First Name and Last Name. A row with a realname and an
 * empty first or last name gets this one finding (instead of {@link RequiredValueRule}'s), with a split to start from.
 */
public final class RealnameRule implements RowRule {
    private final Columns columns;
    private final int first;
    private final int last;

    public RealnameRule(Columns columns) {
        this.columns = columns;
        this.first = columns.index(Field.FIRST_NAME);
        this.last = columns.index(Field.LAST_NAME);
    }

    /** A realname, and an empty first or last name in a column that exists. */
    static boolean applies(UserRow row) {
        return !Text.isBlank(row.realname()) && (row.givenName() != null && Text.isBlank(row.givenName())
                || row.familyName() != null && Text.isBlank(row.familyName()));
    }

    @Override
    public void check(UserRow row, RowFacts facts, FindingSink sink) {
        if (!applies(row)) {
            return;
        }
        String real = Text.strip(row.realname());
        int at = Text.isBlank(row.givenName()) ? first : last;
        int space = real.lastIndexOf(' ');
        String fix = space > 0
                ? "first name \"" + real.substring(0, space).trim() + "\", last name \"" + real.substring(space + 1) + "\""
                : "fill in the first and last name";
        sink.accept(Finding.at(Rule.REALNAME_NOT_SPLIT, row, columns, at, "the row has realname " + Text.show(real)
                + " but no " + (Text.isBlank(row.givenName()) && Text.isBlank(row.familyName()) ? "first or last name"
                : Text.isBlank(row.givenName()) ? "first name" : "last name") + ": NinjaOne needs the first and last "
                + "name separately (name.givenName and name.familyName), and realname is not split for you", fix));
    }
}
