package dev.scimctl.mapping;

/**
 * A NinjaOne user role, as the roles file lists it.
 *
 * @param type        null when the file does not say (NinjaOne's JSON may leave it out when asked for one type)
 * @param id          NinjaOne's role id as text, or null
 * @param systemAdmin flagged by the file, or named like one (see {@link SystemAdminRoles})
 */
public record Role(String name, RoleType type, String id, boolean systemAdmin) {
}
