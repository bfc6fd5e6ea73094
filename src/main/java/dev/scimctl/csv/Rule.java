package dev.scimctl.csv;

/**
 * The catalog of validation rules. A code never changes meaning once released: scripts filter on it, and
 * docs/validate.md documents each one with an example and its fix. Each constant's comment names the class in
 * {@code dev.scimctl.csv.rules} that checks it.
 */
public enum Rule {
    /** A required column (e-mail, first name, last name) is not in the header ({@code MissingColumnRule}). */
    MISSING_COLUMN("missing-column", Severity.ERROR),
    /** Two columns look like the same field; the first one is used ({@code AmbiguousColumnRule}). */
    AMBIGUOUS_COLUMN("ambiguous-column", Severity.WARNING),
    /** The file has a header but no user rows ({@code NoDataRowsRule}). */
    NO_DATA_ROWS("no-data-rows", Severity.WARNING),
    /** A row has more values than the header has columns ({@code ExtraCellsRule}). */
    EXTRA_CELLS("extra-cells", Severity.ERROR),
    /** An e-mail, first name or last name is empty ({@code RequiredValueRule}). */
    REQUIRED_VALUE("required-value", Severity.ERROR),
    /** A value starts or ends with spaces ({@code WhitespaceRule}). */
    SURROUNDING_WHITESPACE("surrounding-whitespace", Severity.WARNING),
    /** The e-mail is not a plausible address ({@code EmailFormatRule}). */
    EMAIL_FORMAT("email-format", Severity.ERROR),
    /** The same e-mail (ignoring case) is on two rows ({@code DuplicateEmailRule}). */
    DUPLICATE_EMAIL("duplicate-email", Severity.ERROR),
    /**
     * Memory ran out for the duplicate check; later rows were checked only against earlier ones
     * ({@code DuplicateEmailRule}).
     */
    DUPLICATE_EMAIL_INCOMPLETE("duplicate-email-incomplete", Severity.WARNING),
    /** userType is a misspelling of technician or endUser ({@code UserTypeRule}). */
    USER_TYPE_SPELLING("user-type-spelling", Severity.ERROR),
    /** userType is not a NinjaOne user type ({@code UserTypeRule}). */
    USER_TYPE_INVALID("user-type-invalid", Severity.ERROR),
    /** organizationId is neither All nor a positive integer ({@code OrganizationIdRule}). */
    ORGANIZATION_ID_INVALID("organization-id-invalid", Severity.ERROR),
    /** organizationId lists several ids, a syntax NinjaOne does not document ({@code OrganizationIdRule}). */
    ORGANIZATION_ID_LIST("organization-id-list", Severity.WARNING),
    /** A technician has an organization id, which has no documented effect ({@code TechnicianOrganizationRule}). */
    ORGANIZATION_ID_ON_TECHNICIAN("organization-id-on-technician", Severity.WARNING),
    /** organizationId is not in the list of the tenant's organization ids ({@code KnownOrganizationRule}). */
    ORGANIZATION_ID_UNKNOWN("organization-id-unknown", Severity.ERROR),
    /** A row has a realname but no first or last name ({@code RealnameRule}). */
    REALNAME_NOT_SPLIT("realname-not-split", Severity.ERROR),
    /** A realname was split (as asked) in a way that may be wrong ({@code RealnameRule}). */
    REALNAME_SPLIT_UNSURE("realname-split-unsure", Severity.WARNING);

    private final String code;
    private final Severity severity;

    Rule(String code, Severity severity) {
        this.code = code;
        this.severity = severity;
    }

    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }
}
