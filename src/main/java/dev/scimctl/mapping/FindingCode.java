package dev.scimctl.mapping;

import dev.scimctl.Spelling;

/**
 * What {@link MappingCheck} can find. Each has a stable code, its constant's name ({@link Spelling#kebab}: scripts and
 * docs refer to it), and a fixed severity.
 */
public enum FindingCode {
    /** A mapped group that the server does not hold. */
    UNKNOWN_GROUP(MappingSeverity.ERROR),
    /** A role name that the roles file does not list. */
    UNKNOWN_ROLE(MappingSeverity.ERROR),
    /** A group whose roles are of both types. */
    MIXED_ROLE_TYPES(MappingSeverity.ERROR),
    /** A mapping to a system-administrator role, which NinjaOne cannot assign via SCIM. */
    SYSTEM_ADMIN_ROLE(MappingSeverity.ERROR),
    /** A user in groups mapped to technician roles and groups mapped to end-user roles. */
    USER_IN_BOTH_TYPES(MappingSeverity.ERROR),
    /** A user in several role-bearing groups of one type. */
    USER_IN_SEVERAL_GROUPS(MappingSeverity.WARNING),
    /** A server group that no entry maps. */
    UNMAPPED_GROUP(MappingSeverity.WARNING),
    /** A mapped group that the server holds under a differently cased name. */
    GROUP_NAME_CASE(MappingSeverity.WARNING),
    /** A mapped name that several server groups share. */
    AMBIGUOUS_GROUP(MappingSeverity.WARNING),
    /** A user whose SCIM userType is not the type of the roles their groups give. */
    USER_TYPE_MISMATCH(MappingSeverity.WARNING),
    /** A role-bearing group with groups among its members, which scimctl does not expand. */
    NESTED_GROUP(MappingSeverity.INFO);

    private final MappingSeverity severity;

    FindingCode(MappingSeverity severity) {
        this.severity = severity;
    }

    /** {@code unknown-group}, {@code mixed-role-types} … */
    public String code() {
        return Spelling.kebab(this);
    }

    public MappingSeverity severity() {
        return severity;
    }
}
