package dev.scimctl.importer;

import java.math.BigInteger;
import java.util.List;
import java.util.Locale;

/**
 * One user as the file wants it, after validation. A field is null when the file has no column for it: the import
 * then neither sends nor compares it ("not managed by this file"); "" means the column is there and the cell is blank.
 *
 * @param line           the physical line the row starts on, for messages and the report
 * @param userName       the e-mail address, as written (stripped): it becomes userName and the primary work e-mail
 * @param userType       "technician", "endUser", "" or null (see {@link #canonicalUserType})
 * @param organizationId "All", a positive integer as text, "" or null (see {@link #canonicalOrganizationId})
 * @param groups         the group names of the row, as written (stripped)
 */
public record ImportRow(long line, String userName, String givenName, String familyName, String userType,
                        String organizationId, List<String> groups) {

    public ImportRow {
        if (userName == null || userName.isBlank()) {
            throw new IllegalArgumentException("line " + line + ": a row needs a userName");
        }
        groups = groups == null ? List.of() : List.copyOf(groups);
    }

    /** A row from cells as a CSV gives them: stripped, with userType and organizationId in their canonical spelling. */
    public static ImportRow of(long line, String email, String givenName, String familyName, String userType,
                               String organizationId, List<String> groups) {
        return new ImportRow(line, strip(email), strip(givenName), strip(familyName),
                canonicalUserType(strip(userType)), canonicalOrganizationId(strip(organizationId)),
                groups == null ? List.of() : groups.stream().map(String::strip).filter(g -> !g.isEmpty()).distinct().toList());
    }

    /** userName is case-insensitive in SCIM: this is how rows and server users are matched. */
    public String key() {
        return key(userName);
    }

    public static String key(String userName) {
        return userName.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * NinjaOne accepts "technician" in any case (its Entra guide writes "Technician"), so it is sent in one spelling;
     * "endUser" is case-sensitive and validated before it gets here, so anything else is passed on as it is.
     */
    static String canonicalUserType(String value) {
        if (value == null) {
            return null;
        }
        return value.equalsIgnoreCase("technician") ? "technician" : value;
    }

    /** "All" in any case becomes "All"; an integer loses its leading zeros, so that "007" and 7 compare equal. */
    static String canonicalOrganizationId(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        if (value.equalsIgnoreCase("all")) {
            return "All";
        }
        if (value.chars().allMatch(Character::isDigit)) {
            return new BigInteger(value).toString();
        }
        return value;
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }
}
