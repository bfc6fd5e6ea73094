package dev.scimctl.importer;

/**
 * Where the import reports how far it is. The CLI draws a bar on a terminal; tests and pipes pass {@link #NONE}.
 * Calls may come from several threads.
 */
public interface Progress {
    Progress NONE = new Progress() {
    };

    /** A phase starts ("reading users", "applying") with this many steps (0 when unknown). */
    default void begin(String phase, long total) {
    }

    /** One step of the phase is done; {@code failed} when it did not succeed. */
    default void step(boolean failed) {
    }

    /** {@code count} steps at once (a group step carries several changes); {@code failed} for all of them. */
    default void steps(long count, boolean failed) {
        for (long i = 0; i < count; i++) {
            step(failed);
        }
    }

    /** The phase is over. */
    default void end() {
    }
}
