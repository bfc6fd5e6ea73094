package dev.scimctl;

/**
 * A setting the user chooses (a connection setting, a filter, an edit), named in domain terms. The core says which setting a message is about; the words a user
 * types for it (a flag such as the base URL's) are the command line's business, supplied through {@link Names}.
 */
public enum Setting {
    BASE_URL, TOKEN_FILE, PROFILE, REQUEST_TIMEOUT, PROXY, CA_CERTS, PAGE_SIZE, PARALLEL, SANDBOX_DATA,
    /** A user list's filter expression, and its order. */
    USER_FILTER, USER_SORT,
    /** A user edit's added and removed attributes. */
    ATTRIBUTE_ADD, ATTRIBUTE_REMOVE,
    /** The probe's write checks. */
    PROBE_WRITES,
    /** The group-to-role mapping file; a mapping entry's role type and roles; the file of NinjaOne's roles. */
    MAPPING_FILE, ROLE_TYPE, ROLE, ROLES_FILE,
    /** The import's journal file. */
    JOURNAL,
    /** How the import sends organizationId (a string or a number). */
    ORG_ID_TYPE,
    /** An undo's leave to overwrite what changed since the import. */
    UNDO_FORCE,
    /** A CSV file's column chosen for a field; the separator between its columns. */
    COLUMN_MAPPING, CSV_DELIMITER,
    /** The list of the tenant's organization ids that a CSV's organizationIds are checked against. */
    ORGANIZATION_IDS,
    /** Taking a row's missing first and last name from its realname. */
    SPLIT_REALNAME;

    /** The core's own words for a setting ("mapping file"), where no command line names it. */
    public String plain() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    }

    /** How the user gives a setting where they run scimctl (on its command line: the option's name). */
    @FunctionalInterface
    public interface Names {
        /** The settings in the core's own words, for a message read outside any command line. */
        Names PLAIN = Setting::plain;

        String of(Setting setting);
    }

    /**
     * A message that points at settings: the core says which, and whoever shows it to the user words them (cli/ with
     * the option names, through {@code ErrorHandler}).
     */
    @FunctionalInterface
    public interface Message {
        String in(Names names);
    }
}
