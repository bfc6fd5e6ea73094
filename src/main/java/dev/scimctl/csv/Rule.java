package dev.scimctl.csv;

/**
 * The catalog of validation rules. A code never changes meaning once released: scripts filter on it, and
 * docs/validate.md documents each one with an example and its fix. The class that checks a rule is named in
 * {@link #checkedBy()} (all in {@code dev.scimctl.csv.rules}).
 */
public enum Rule {
    MISSING_COLUMN("missing-column", Severity.ERROR, "MissingColumnRule",
            "a required column (e-mail, first name, last name) is not in the header"),
    AMBIGUOUS_COLUMN("ambiguous-column", Severity.WARNING, "AmbiguousColumnRule",
            "two columns look like the same field; the first one is used"),
    NO_DATA_ROWS("no-data-rows", Severity.WARNING, "NoDataRowsRule",
            "the file has a header but no user rows"),
    EXTRA_CELLS("extra-cells", Severity.ERROR, "ExtraCellsRule",
            "a row has more values than the header has columns"),
    REQUIRED_VALUE("required-value", Severity.ERROR, "RequiredValueRule",
            "an e-mail, first name or last name is empty"),
    SURROUNDING_WHITESPACE("surrounding-whitespace", Severity.WARNING, "WhitespaceRule",
            "a value starts or ends with spaces"),
    EMAIL_FORMAT("email-format", Severity.ERROR, "EmailFormatRule",
            "the e-mail is not a plausible address"),
    DUPLICATE_EMAIL("duplicate-email", Severity.ERROR, "DuplicateEmailRule",
            "the same e-mail (ignoring case) is on two rows"),
    DUPLICATE_EMAIL_INCOMPLETE("duplicate-email-incomplete", Severity.WARNING, "DuplicateEmailRule",
            "memory ran out for the duplicate check; later rows were checked only against earlier ones"),
    USER_TYPE_SPELLING("user-type-spelling", Severity.ERROR, "UserTypeRule",
            "userType is a misspelling of technician or endUser"),
    USER_TYPE_INVALID("user-type-invalid", Severity.ERROR, "UserTypeRule",
            "userType is not a NinjaOne user type"),
    ORGANIZATION_ID_INVALID("organization-id-invalid", Severity.ERROR, "OrganizationIdRule",
            "organizationId is neither All nor a positive integer"),
    ORGANIZATION_ID_LIST("organization-id-list", Severity.WARNING, "OrganizationIdRule",
            "organizationId lists several ids, a syntax NinjaOne does not document"),
    ORGANIZATION_ID_ON_TECHNICIAN("organization-id-on-technician", Severity.WARNING, "TechnicianOrganizationRule",
            "a technician has an organization id, which has no documented effect"),
    ORGANIZATION_ID_UNKNOWN("organization-id-unknown", Severity.ERROR, "KnownOrganizationRule",
            "organizationId is not in the list of the tenant's organization ids"),
    REALNAME_NOT_SPLIT("realname-not-split", Severity.ERROR, "RealnameRule",
            "a row has a realname but no first or last name"),
    REALNAME_SPLIT_UNSURE("realname-split-unsure", Severity.WARNING, "RealnameRule",
            "a realname was split (as asked) in a way that may be wrong");

    private final String code;
    private final Severity severity;
    private final String checkedBy;
    private final String title;

    Rule(String code, Severity severity, String checkedBy, String title) {
        this.code = code;
        this.severity = severity;
        this.checkedBy = checkedBy;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }

    public String checkedBy() {
        return checkedBy;
    }

    public String title() {
        return title;
    }
}
