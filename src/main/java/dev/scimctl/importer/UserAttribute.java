package dev.scimctl.importer;

import dev.scimctl.Spelling;
import dev.scimctl.scim.ScimJson;
import dev.scimctl.scim.model.ScimUser;

import java.util.List;

/**
 * The user attributes an import manages, each with how the file's value and the server's value are read and
 * compared. Values are compared in their effective meaning, not their spelling: a missing userType on the server is
 * an end user, a missing organizationId is "All", and e-mail addresses ignore case.
 */
public enum UserAttribute {
    GIVEN_NAME("name.givenName"),
    FAMILY_NAME("name.familyName"),
    EMAIL("emails"),
    ACTIVE("active"),
    USER_TYPE(ScimJson.NINJAONE_USER + ":userType"),
    ORGANIZATION_ID(ScimJson.NINJAONE_USER + ":organizationId");

    private final String path;

    UserAttribute(String path) {
        this.path = path;
    }

    /** How the plan, the report and the journal name it: {@code givenName}, {@code organizationId} … */
    public String label() {
        return Spelling.camel(this);
    }

    /** The SCIM attribute path, as a PATCH operation names it. */
    public String path() {
        return path;
    }

    public boolean inExtension() {
        return this == USER_TYPE || this == ORGANIZATION_ID;
    }

    /**
     * The value the file wants, or null when the file does not manage this attribute (no column, or a blank name:
     * a blank is never a reason to erase a name on the server).
     */
    String desired(ImportRow row) {
        return switch (this) {
            case GIVEN_NAME -> blankToNull(row.givenName());
            case FAMILY_NAME -> blankToNull(row.familyName());
            case EMAIL -> row.userName();
            case ACTIVE -> "true";
            // A blank userType is an end user and a blank organizationId is global: NinjaOne's defaults, made explicit
            // so that a user whose cell was emptied is changed back to them.
            case USER_TYPE -> row.userType() == null ? null : row.userType().isEmpty() ? "endUser" : row.userType();
            case ORGANIZATION_ID -> row.organizationId() == null ? null
                    : row.organizationId().isEmpty() ? "All" : row.organizationId();
        };
    }

    /** The server's value as the plan shows it ("" when the server has none). */
    String current(ScimUser user) {
        String v = switch (this) {
            case GIVEN_NAME -> user.givenName();
            case FAMILY_NAME -> user.familyName();
            case EMAIL -> primaryEmail(user);
            case ACTIVE -> Boolean.toString(user.isActive());
            case USER_TYPE -> user.userType();
            case ORGANIZATION_ID -> user.organizationId();
        };
        return v == null ? "" : v;
    }

    /** The attribute as the server's JSON holds it (the whole {@code emails} list for EMAIL), or null when absent. */
    com.fasterxml.jackson.databind.JsonNode raw(com.fasterxml.jackson.databind.JsonNode user) {
        com.fasterxml.jackson.databind.JsonNode v = switch (this) {
            case GIVEN_NAME -> user.path("name").get("givenName");
            case FAMILY_NAME -> user.path("name").get("familyName");
            case EMAIL -> user.get("emails");
            case ACTIVE -> user.get("active");
            case USER_TYPE -> user.path(ScimJson.NINJAONE_USER).get("userType");
            case ORGANIZATION_ID -> user.path(ScimJson.NINJAONE_USER).get("organizationId");
        };
        return v == null || v.isNull() ? null : v;
    }

    /** The attribute by its label ("givenName"), as journals name it; null when unknown. */
    static UserAttribute byLabel(String label) {
        for (UserAttribute a : values()) {
            if (a.label().equals(label)) {
                return a;
            }
        }
        return null;
    }

    /** Whether the server's value already means what the file wants. */
    boolean same(String current, String desired) {
        return switch (this) {
            case GIVEN_NAME, FAMILY_NAME, ACTIVE -> desired.equals(current);
            case EMAIL -> desired.equalsIgnoreCase(current);
            case USER_TYPE -> effectiveUserType(current).equals(effectiveUserType(desired));
            case ORGANIZATION_ID -> effectiveOrganizationId(current).equals(effectiveOrganizationId(desired));
        };
    }

    private static String effectiveUserType(String v) {
        if (v == null || v.isBlank()) {
            return "endUser";
        }
        return v.equalsIgnoreCase("technician") ? "technician" : v;
    }

    private static String effectiveOrganizationId(String v) {
        String c = ImportRow.canonicalOrganizationId(v == null ? "" : v.strip());
        return c.isEmpty() ? "All" : c;
    }

    /** The primary e-mail, else the work one, else the first. */
    static String primaryEmail(ScimUser user) {
        List<ScimUser.Email> emails = user.emails();
        if (emails == null || emails.isEmpty()) {
            return null;
        }
        for (ScimUser.Email e : emails) {
            if (Boolean.TRUE.equals(e.primary())) {
                return e.value();
            }
        }
        for (ScimUser.Email e : emails) {
            if ("work".equalsIgnoreCase(e.type())) {
                return e.value();
            }
        }
        return emails.get(0).value();
    }

    private static String blankToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
