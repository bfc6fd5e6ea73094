package dev.scimctl.mapping;

/**
 * What {@link MappingCheck} can find. Each has a stable code (scripts and docs refer to it) and a fixed severity.
 */
public enum FindingCode {
    /** A mapped group that the server does not hold. */
    UNKNOWN_GROUP("unknown-group", MappingSeverity.ERROR),
    /** A role name that the roles file does not list. */
    UNKNOWN_ROLE("unknown-role", MappingSeverity.ERROR),
    /** A group whose roles are of both types. */
    MIXED_ROLE_TYPES("mixed-role-types", MappingSeverity.ERROR),
    /** A mapping to a system-administrator role, which NinjaOne cannot assign via SCIM. */
    SYSTEM_ADMIN_ROLE("system-admin-role", MappingSeverity.ERROR),
    /** A user in groups mapped to technician roles and groups mapped to end-user roles. */
    USER_IN_BOTH_TYPES("user-in-both-types", MappingSeverity.ERROR),
    /** A user in several role-bearing groups of one type. */
    USER_IN_SEVERAL_GROUPS("user-in-several-groups", MappingSeverity.WARNING),
    /** A server group that no entry maps. */
    UNMAPPED_GROUP("unmapped-group", MappingSeverity.WARNING),
    /** A mapped group that the server holds under a differently cased name. */
    GROUP_NAME_CASE("group-name-case", MappingSeverity.WARNING),
    /** A mapped name that several server groups share. */
    AMBIGUOUS_GROUP("ambiguous-group", MappingSeverity.WARNING),
    /** A user whose SCIM userType is not the type of the roles their groups give. */
    USER_TYPE_MISMATCH("user-type-mismatch", MappingSeverity.WARNING),
    /** A role-bearing group with groups among its members, which scimctl does not expand. */
    NESTED_GROUP("nested-group", MappingSeverity.INFO);

    private final String code;
    private final MappingSeverity severity;

    FindingCode(String code, MappingSeverity severity) {
        this.code = code;
        this.severity = severity;
    }

    public String code() {
        return code;
    }

    public MappingSeverity severity() {
        return severity;
    }
}
