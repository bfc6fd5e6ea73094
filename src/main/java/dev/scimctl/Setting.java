package dev.scimctl;

/**
 * A setting the user chooses, named in domain terms. The core says which setting a message is about; the words a user
 * types for it (a flag such as the base URL's) are the command line's business, supplied through {@link Names}.
 */
public enum Setting {
    BASE_URL, TOKEN_FILE, PROFILE, REQUEST_TIMEOUT, PROXY, CA_CERTS, PAGE_SIZE, PARALLEL, SANDBOX_DATA;

    /** How the user gives a setting where they run scimctl (on its command line: the option's name). */
    @FunctionalInterface
    public interface Names {
        String of(Setting setting);
    }
}
