package dev.scimctl.mapping;

import java.util.regex.Pattern;

/**
 * How scimctl recognises a system-administrator role, which NinjaOne cannot assign via SCIM. A role counts as one when
 * the roles file flags it ({@code systemAdmin}, {@code isSystemAdmin}, {@code systemAdministrator} or
 * {@code administrator} true in the JSON, or a {@code systemAdmin} column saying true/yes/1 in the CSV), or when its
 * name matches {@link #NAME}: "System Administrator", "System Admin", "SystemAdmins", "system_administrator" … in any
 * case. The name rule works without a roles file.
 */
public final class SystemAdminRoles {
    /** "system", optional spaces, hyphens or underscores, then "admin" or "administrator", optionally plural. */
    public static final Pattern NAME =
            Pattern.compile("(?i)(?<![a-z])system[\\s_-]*admin(istrator)?s?(?![a-z])");

    private SystemAdminRoles() {
    }

    public static boolean nameLooksLikeSystemAdmin(String roleName) {
        return roleName != null && NAME.matcher(roleName).find();
    }
}
