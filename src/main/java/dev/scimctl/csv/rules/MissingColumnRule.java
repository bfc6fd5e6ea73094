package dev.scimctl.csv.rules;

import dev.scimctl.Setting;
import dev.scimctl.csv.Columns;
import dev.scimctl.csv.Field;
import dev.scimctl.csv.Finding;
import dev.scimctl.csv.FindingSink;
import dev.scimctl.csv.Rule;

/** {@code missing-column}: the header has no e-mail, first-name or last-name column. Reported once, on line 1. */
public final class MissingColumnRule {
    private MissingColumnRule() {
    }

    public static void check(Columns columns, boolean splitRealname, Setting.Names words, FindingSink sink) {
        String separatorHint = separatorHint(columns, words);
        String split = words.of(Setting.SPLIT_REALNAME);
        String column = words.of(Setting.COLUMN_MAPPING);
        for (Field f : new Field[]{Field.EMAIL, Field.FIRST_NAME, Field.LAST_NAME}) {
            if (columns.has(f) || f != Field.EMAIL && splitRealname && columns.has(Field.REALNAME)) {
                continue;
            }
            String names = switch (f) {
                case EMAIL -> "email, email address or username";
                case FIRST_NAME -> "firstname, first name or givenName";
                default -> "lastname, last name or familyName";
            };
            String what = switch (f) {
                case EMAIL -> "no e-mail column: NinjaOne's userName is the e-mail address";
                case FIRST_NAME -> "no first-name column: NinjaOne requires name.givenName";
                default -> "no last-name column: NinjaOne requires name.familyName";
            };
            String extra = "";
            if (f != Field.EMAIL && columns.has(Field.REALNAME)) {
                extra = "; the file has \"" + columns.header(columns.index(Field.REALNAME))
                        + "\", but NinjaOne needs first and last name in separate columns (" + split + " splits it)";
            } else if (f != Field.EMAIL && splitRealname) {
                extra = "; " + split + " needs a realname column, and the file has none";
            }
            sink.accept(new Finding(Rule.MISSING_COLUMN, 1, 0, null, null, what + extra + separatorHint,
                    "add a column named " + names + ", or map yours with " + column + " " + f.label()
                            + "=\"Your Header\""));
        }
    }

    /** A one-column header with other punctuation in it was probably split on the wrong separator. */
    private static String separatorHint(Columns columns, Setting.Names words) {
        if (columns.size() != 1) {
            return "";
        }
        String h = columns.header(0);
        for (char c : new char[]{'|', ':', ',', ';', '\t'}) {
            if (h.indexOf(c) >= 0) {
                return " (the header reads as one column \"" + h + "\": if '" + (c == '\t' ? "\\t" : c)
                        + "' separates the columns, give " + words.of(Setting.CSV_DELIMITER) + " '"
                        + (c == '\t' ? "tab" : c) + "')";
            }
        }
        return "";
    }
}
