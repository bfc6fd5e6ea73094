package dev.scimctl.csv;

/**
 * A Duo realname split into a first and a last name: the rule validate suggests, and {@code --split-realname} applies.
 * The last word is the last name and the rest the first name ("Alice Martin"); with a comma, the order is "Last,
 * First". Two words are a sure split; more words, or a comma, are a guess the user should check ({@link #doubt}).
 *
 * @param doubt why the split may be wrong, or null when it is sure
 */
public record RealnameSplit(String given, String family, String doubt) {

    /** The split of {@code realname}, or null when there is nothing to split (blank, or one word). */
    public static RealnameSplit of(String realname) {
        String real = realname == null ? "" : Text.strip(realname).replaceAll("\\s+", " ");
        int comma = real.indexOf(',');
        if (comma >= 0) {
            String family = real.substring(0, comma).strip();
            String given = real.substring(comma + 1).strip();
            if (family.isEmpty() || given.isEmpty() || given.indexOf(',') >= 0) {
                return null;
            }
            return new RealnameSplit(given, family, "read as \"Last, First\" because of the comma");
        }
        int space = real.lastIndexOf(' ');
        if (space <= 0) {
            return null;
        }
        String given = real.substring(0, space);
        return new RealnameSplit(given, real.substring(space + 1), given.indexOf(' ') < 0 ? null
                : "more than two words, and only the last was taken as the last name (a particle such as van or de, "
                + "or a second last name, belongs to it)");
    }

    /**
     * The split a row needs: it has a realname and no first or last name (an empty cell, or no such column); null when
     * it needs none or the realname cannot be split.
     */
    public static RealnameSplit forRow(UserRow row) {
        return needed(row) ? of(row.realname()) : null;
    }

    /** A realname, and no first or last name (an empty cell, or no such column). */
    public static boolean needed(UserRow row) {
        return !Text.isBlank(row.realname()) && (Text.isBlank(row.givenName()) || Text.isBlank(row.familyName()));
    }

    /** "first name "Jean Paul", last name "Sartre"": the split as a fix says it. */
    public String describe() {
        return "first name \"" + given + "\", last name \"" + family + "\"";
    }
}
