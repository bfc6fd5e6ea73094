package dev.scimctl.importer;

import dev.scimctl.scim.model.ScimUser;

import java.util.ArrayList;
import java.util.List;

/** What must change on a server user so that it is what a row says. */
public final class Differ {
    private Differ() {
    }

    /** The changes, in a stable order; empty when the user is already as the row wants it. */
    public static List<Change> diff(ImportRow row, ScimUser user) {
        List<Change> changes = new ArrayList<>();
        for (UserAttribute a : UserAttribute.values()) {
            String desired = a.desired(row);
            if (desired == null) {
                continue;
            }
            String current = a.current(user);
            if (!a.same(current, desired)) {
                changes.add(new Change(a, current, desired));
            }
        }
        return List.copyOf(changes);
    }

    /** The change that deactivates a user, or none when it is inactive already. */
    public static List<Change> deactivation(ScimUser user) {
        return user.isActive() ? List.of(new Change(UserAttribute.ACTIVE, "true", "false")) : List.of();
    }
}
