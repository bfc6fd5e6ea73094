package dev.scimctl.scim;

/** Where the core reports what a person may want to know; the CLI sends both to stderr. */
public interface ClientListener {
    ClientListener SILENT = new ClientListener() {
    };

    /** Whether {@link #debug} lines are wanted at all (so that they are not even formatted otherwise). */
    default boolean debugEnabled() {
        return false;
    }

    /** One line of the --debug trace. Never holds a token: the core redacts before calling. */
    default void debug(String line) {
    }

    /** A notice worth showing without --debug, e.g. that a retry is waiting. */
    default void notice(String line) {
    }
}
