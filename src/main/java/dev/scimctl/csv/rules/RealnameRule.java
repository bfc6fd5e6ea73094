package dev.scimctl.csv.rules;

import dev.scimctl.Setting;
import dev.scimctl.csv.Columns;
import dev.scimctl.csv.Field;
import dev.scimctl.csv.Finding;
import dev.scimctl.csv.FindingSink;
import dev.scimctl.csv.RealnameSplit;
import dev.scimctl.csv.Rule;
import dev.scimctl.csv.Text;
import dev.scimctl.csv.UserRow;

/**
 * {@code realname-not-split} and {@code realname-split-unsure}: Duo's CSV has one {@code realname}, but NinjaOne needs
 * name.givenName and name.familyName separately, and Duo's SCIM mapping sends First Name and Last Name. Without
 * {@code --split-realname}, a row with a realname and an empty first or last name gets this one error (instead of
 * {@link RequiredValueRule}'s), with a split to start from ({@link RealnameSplit}). With it, the split is made, and
 * only a split that may be wrong is reported (a warning), or a realname that cannot be split (an error).
 */
public final class RealnameRule implements RowRule {
    private final Columns columns;
    private final boolean split;
    private final int first;
    private final int last;
    private final int realname;
    private final Setting.Names names;

    public RealnameRule(Columns columns, boolean split, Setting.Names names) {
        this.columns = columns;
        this.split = split;
        this.names = names;
        this.first = columns.index(Field.FIRST_NAME);
        this.last = columns.index(Field.LAST_NAME);
        this.realname = columns.index(Field.REALNAME);
    }

    /** A realname, and an empty first or last name in a column that exists. */
    static boolean applies(UserRow row) {
        return !Text.isBlank(row.realname()) && (row.givenName() != null && Text.isBlank(row.givenName())
                || row.familyName() != null && Text.isBlank(row.familyName()));
    }

    @Override
    public void check(UserRow row, RowFacts facts, FindingSink sink) {
        if (split ? !RealnameSplit.needed(row) : !applies(row)) {
            return;
        }
        String real = Text.strip(row.realname());
        RealnameSplit suggested = RealnameSplit.of(real);
        if (split && suggested != null) {
            if (suggested.doubt() != null) {
                sink.accept(Finding.at(Rule.REALNAME_SPLIT_UNSURE, row, columns, realname, "realname "
                        + Text.show(real) + " was split as " + suggested.describe() + ": " + suggested.doubt(),
                        "check it; where it is wrong, fill in the first and last name in the file"));
            }
            return;
        }
        int at = split ? realname : Text.isBlank(row.givenName()) ? first : last;
        String fix = suggested != null ? suggested.describe() + " (or " + names.of(Setting.SPLIT_REALNAME) + ")"
                : "fill in the first and last name";
        String missing = Text.isBlank(row.givenName()) && Text.isBlank(row.familyName()) ? "first or last name"
                : Text.isBlank(row.givenName()) ? "first name" : "last name";
        sink.accept(Finding.at(Rule.REALNAME_NOT_SPLIT, row, columns, at, "the row has realname " + Text.show(real)
                + " but no " + missing + ": NinjaOne needs the first and last name separately (name.givenName and "
                + "name.familyName), and " + (split ? "a single word cannot be split" : "realname is not split for "
                + "you"), fix));
    }
}
