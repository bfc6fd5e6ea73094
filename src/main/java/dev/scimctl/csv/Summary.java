package dev.scimctl.csv;

import java.util.SortedMap;

/**
 * What a validation saw: the rows by the account they would become, and the findings.
 *
 * @param rows                    non-blank data rows read
 * @param technicians             rows with userType technician
 * @param globalEndUsers          end users (userType endUser or empty) with organizationId All or empty
 * @param endUsersByOrganization  end users per organization id (at most 10,000 organizations are itemised)
 * @param endUsersInOtherOrganizations end users of organizations past the first 10,000 (0 in any real tenant)
 * @param unclassified            rows whose account type or organization cannot be told (an invalid value)
 * @param linesWithErrors         distinct lines with at least one error
 */
public record Summary(long rows, long technicians, long globalEndUsers,
                      SortedMap<Integer, Long> endUsersByOrganization, long endUsersInOtherOrganizations,
                      long unclassified, long errors, long warnings,
                      long linesWithErrors) {

    public long organizationEndUsers() {
        return endUsersByOrganization.values().stream().mapToLong(Long::longValue).sum() + endUsersInOtherOrganizations;
    }

    /** Whether validate passes: no errors, and with {@code strict} no warnings either. */
    public boolean ok(boolean strict) {
        return errors == 0 && (!strict || warnings == 0);
    }
}
