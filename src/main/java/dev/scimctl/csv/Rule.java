package dev.scimctl.csv;

import dev.scimctl.Spelling;

/**
 * The catalog of validation rules. A rule's code is its constant's name ({@link Spelling#kebab}) and never changes
 * meaning once released: scripts filter on it, and docs/validate.md documents each one with an example and its fix. Each constant's comment names the class in
 * {@code dev.scimctl.csv.rules} that checks it.
 */
public enum Rule {
    /** A required column (e-mail, first name, last name) is not in the header ({@code MissingColumnRule}). */
    MISSING_COLUMN(Severity.ERROR),
    /** Two columns look like the same field; the first one is used ({@code AmbiguousColumnRule}). */
    AMBIGUOUS_COLUMN(Severity.WARNING),
    /** The file has a header but no user rows ({@code NoDataRowsRule}). */
    NO_DATA_ROWS(Severity.WARNING),
    /** A row has more values than the header has columns ({@code ExtraCellsRule}). */
    EXTRA_CELLS(Severity.ERROR),
    /** An e-mail, first name or last name is empty ({@code RequiredValueRule}). */
    REQUIRED_VALUE(Severity.ERROR),
    /** A value starts or ends with spaces ({@code WhitespaceRule}). */
    SURROUNDING_WHITESPACE(Severity.WARNING),
    /** The e-mail is not a plausible address ({@code EmailFormatRule}). */
    EMAIL_FORMAT(Severity.ERROR),
    /** The same e-mail (ignoring case) is on two rows ({@code DuplicateEmailRule}). */
    DUPLICATE_EMAIL(Severity.ERROR),
    /**
     * Memory ran out for the duplicate check; later rows were checked only against earlier ones
     * ({@code DuplicateEmailRule}).
     */
    DUPLICATE_EMAIL_INCOMPLETE(Severity.WARNING),
    /** userType is a misspelling of technician or endUser ({@code UserTypeRule}). */
    USER_TYPE_SPELLING(Severity.ERROR),
    /** userType is not a NinjaOne user type ({@code UserTypeRule}). */
    USER_TYPE_INVALID(Severity.ERROR),
    /** organizationId is neither All nor a positive integer ({@code OrganizationIdRule}). */
    ORGANIZATION_ID_INVALID(Severity.ERROR),
    /** organizationId lists several ids, a syntax NinjaOne does not document ({@code OrganizationIdRule}). */
    ORGANIZATION_ID_LIST(Severity.WARNING),
    /** A technician has an organization id, which has no documented effect ({@code TechnicianOrganizationRule}). */
    ORGANIZATION_ID_ON_TECHNICIAN(Severity.WARNING),
    /** organizationId is not in the list of the tenant's organization ids ({@code KnownOrganizationRule}). */
    ORGANIZATION_ID_UNKNOWN(Severity.ERROR),
    /** A row has a realname but no first or last name ({@code RealnameRule}). */
    REALNAME_NOT_SPLIT(Severity.ERROR),
    /** A realname was split (as asked) in a way that may be wrong ({@code RealnameRule}). */
    REALNAME_SPLIT_UNSURE(Severity.WARNING);

    private final Severity severity;
    /** Spelled once: output asks for it with every finding. */
    private final String code = Spelling.kebab(this);

    Rule(Severity severity) {
        this.severity = severity;
    }

    /** {@code missing-column}, {@code email-format} … */
    public String code() {
        return code;
    }

    public Severity severity() {
        return severity;
    }
}
