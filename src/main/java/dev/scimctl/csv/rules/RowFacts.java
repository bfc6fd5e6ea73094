package dev.scimctl.csv.rules;

import dev.scimctl.csv.Text;
import dev.scimctl.csv.UserRow;

/**
 * What several rules need to know about a row, worked out once: the stripped values, the account type and the
 * organization. One instance is reused for every row (no allocation per row).
 */
public final class RowFacts {
    /** The account a userType value asks for. */
    public enum Kind {
        /** No userType column, or an empty value: NinjaOne makes an end user. */
        DEFAULT_END_USER,
        END_USER,
        TECHNICIAN,
        INVALID
    }

    /** What an organizationId value says. */
    public enum Org {
        /** No column, or an empty value: a global end user. */
        NONE,
        ALL,
        ID,
        LIST,
        INVALID
    }

    private String email;
    private String userType;
    private String organizationId;
    private Kind kind;
    private Org org;
    private int organization;

    public void update(UserRow row) {
        email = Text.strip(row.email());
        userType = Text.strip(row.userType());
        organizationId = Text.strip(row.organizationId());
        kind = UserTypeRule.classify(userType);
        org = OrganizationIdRule.classify(organizationId);
        organization = org == Org.ID ? Integer.parseInt(organizationId) : 0;
    }

    /** The e-mail without surrounding spaces, or null without an e-mail column. */
    public String email() {
        return email;
    }

    public String userType() {
        return userType;
    }

    public String organizationId() {
        return organizationId;
    }

    public Kind kind() {
        return kind;
    }

    public boolean isTechnician() {
        return kind == Kind.TECHNICIAN;
    }

    public Org org() {
        return org;
    }

    /** The organization id when {@link #org()} is {@link Org#ID}. */
    public int organization() {
        return organization;
    }
}
