package dev.scimctl.mapping;

import dev.scimctl.Setting;
import dev.scimctl.UsageException;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Builds the entry that {@code set} asks for, and refuses one that is wrong on its face, before it reaches the file:
 * a blank name, a system-administrator role, and (with a roles file) a role that does not exist or is of the other
 * type. The command line and the interactive editor share it, so they accept and refuse the same things.
 */
public final class MappingEdits {
    private MappingEdits() {
    }

    /**
     * @param type     the type asked for, or null to take it from the roles file (when all the roles have one type)
     * @param note     a new note, "" to clear it, or null to keep the existing entry's note
     * @param existing the group's current entry, or null
     * @param catalog  the roles file, or null
     * @throws UsageException with the reason and the fix
     */
    public static GroupRoleMapping.Entry entry(String group, RoleType type, List<String> roles, String note,
                                               GroupRoleMapping.Entry existing, RoleCatalog catalog) {
        if (group == null || group.isBlank()) {
            throw new UsageException("the group name is empty: give the group's name as the SCIM server shows it");
        }
        if (!group.equals(group.strip())) {
            throw new UsageException("the group name \"" + group + "\" has spaces at its start or end, so it would match "
                    + "no group: give \"" + group.strip() + "\"");
        }
        List<String> cleaned = new ArrayList<>();
        for (String role : roles) {
            String r = role == null ? "" : role.strip();
            if (r.isEmpty()) {
                throw new UsageException(n -> "a role name is empty: give each role's name with " + n.of(Setting.ROLE));
            }
            cleaned.add(r);
        }
        if (cleaned.isEmpty()) {
            throw new UsageException(n -> "no roles: give at least one " + n.of(Setting.ROLE)
                    + " ROLE (to remove the group's mapping, use unset)");
        }
        RoleType resolved = type != null ? type : typeFromCatalog(group, cleaned, catalog);
        String keptNote = note != null ? note : existing == null ? null : existing.note();
        GroupRoleMapping.Entry entry = new GroupRoleMapping.Entry(group, resolved, cleaned, keptNote);
        List<String> errors = MappingCheck.entry(entry, catalog).stream()
                .filter(f -> f.severity() == MappingSeverity.ERROR).map(MappingFinding::message).toList();
        if (!errors.isEmpty()) {
            throw new UsageException(String.join("; ", errors) + "; nothing was changed");
        }
        return entry;
    }

    private static RoleType typeFromCatalog(String group, List<String> roles, RoleCatalog catalog) {
        if (catalog != null) {
            Set<RoleType> types = EnumSet.noneOf(RoleType.class);
            for (String r : roles) {
                types.addAll(catalog.typesOf(r));
            }
            if (types.size() == 1) {
                return types.iterator().next();
            }
            // A role the roles file lacks (a typo, most often) is why no type was found: say that, with its "did you
            // mean", rather than ask for a type. The finding does not depend on the type given here.
            List<String> unknown = MappingCheck.entry(new GroupRoleMapping.Entry(group, RoleType.END_USER, roles, null),
                    catalog).stream().filter(f -> f.code() == FindingCode.UNKNOWN_ROLE).map(MappingFinding::message).toList();
            if (!unknown.isEmpty()) {
                throw new UsageException(String.join("; ", unknown) + "; nothing was changed");
            }
        }
        String quoted = roles.stream().map(r -> "\"" + r + "\"").collect(Collectors.joining(", "));
        throw new UsageException(n -> "which type of roles are " + quoted + "? give " + n.of(Setting.ROLE_TYPE)
                + " technician or " + n.of(Setting.ROLE_TYPE) + " endUser"
                + (catalog == null ? " (or " + n.of(Setting.ROLES_FILE) + " FILE, to take it from NinjaOne's roles)" : ""));
    }
}
