package dev.scimctl.csv;

import java.util.List;

/**
 * One user row of a Duo CSV, as read: values are the raw cells (not stripped), null when the file has no column
 * for the field, "" when the row's cell is empty or missing. {@code line} is the physical line the row starts on.
 * {@code groups} holds the non-blank group cells, stripped, in column order ({@code groups} columns may list several
 * names separated by ';' or ','). {@code cells} is every cell of the row as opencsv split it, for columns validate
 * does not know (aliases, phones, Duo custom attributes); it is the reader's array, handed over, not a copy.
 */
public record UserRow(long line, String email, String givenName, String familyName, String userType,
                      String organizationId, List<String> groups, String realname, String[] cells) {

    /** The raw cell at a 0-based index, or "" when the row is shorter. */
    public String cell(int index) {
        return index >= 0 && index < cells.length ? cells[index] : "";
    }

    /** The raw value of a field's column, null when the file has no such column. */
    public String value(Field field) {
        return switch (field) {
            case EMAIL -> email;
            case FIRST_NAME -> givenName;
            case LAST_NAME -> familyName;
            case USER_TYPE -> userType;
            case ORGANIZATION_ID -> organizationId;
            case REALNAME -> realname;
            case GROUP -> groups.isEmpty() ? null : String.join(";", groups);
        };
    }
}
