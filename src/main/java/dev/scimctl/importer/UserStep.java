package dev.scimctl.importer;

import java.util.List;
import java.util.Locale;

/**
 * What the plan does with one user.
 *
 * @param row     the file's row (null for a deactivation: the user is not in the file)
 * @param remote  the server's user (null for a creation)
 * @param changes the attributes an update or deactivation changes (empty otherwise)
 */
public record UserStep(Action action, ImportRow row, RemoteUser remote, List<Change> changes) {
    public enum Action {
        CREATE, UPDATE, UNCHANGED, DEACTIVATE;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public UserStep {
        changes = List.copyOf(changes);
    }

    public String userName() {
        return row != null ? row.userName() : remote.userName();
    }

    /** The line of the row, or 0 for a user that is not in the file. */
    public long line() {
        return row == null ? 0 : row.line();
    }

    /** The server's id, or null before a creation. */
    public String id() {
        return remote == null ? null : remote.id();
    }

    public boolean changesSomething() {
        return action != Action.UNCHANGED;
    }
}
