package dev.scimctl.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;

/**
 * What {@code import undo} will do, decided from the journal and the server as it is now: users set back, group
 * memberships reversed, groups the import created deleted, and the conflicts it leaves alone.
 *
 * @param already how many recorded changes the server already shows undone (or never saw done)
 */
public record UndoPlan(List<UserUndo> users, List<MemberUndo> members, List<GroupDelete> groups,
                       List<Conflict> conflicts, int already) {
    public UndoPlan {
        users = List.copyOf(users);
        members = List.copyOf(members);
        groups = List.copyOf(groups);
        conflicts = List.copyOf(conflicts);
    }

    /** What is done to a user. */
    public enum UserAction {
        /** Attributes the import updated are set back. */
        REVERT,
        /** A user the import deactivated is active again. */
        REACTIVATE,
        /** A user the import created is deactivated. */
        DEACTIVATE,
        /** A user the import created is deleted (--delete). */
        DELETE;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One attribute set back: the server's value now ({@code from}), the value before the import ({@code to}, {@code old} as JSON). */
    public record Revert(UserAttribute attribute, String from, String to, JsonNode old) {
        @Override
        public String toString() {
            return new Change(attribute, from, to).toString();
        }
    }

    /**
     * @param current the user as read now (for a PUT where PATCH is not served)
     * @param etag    its version as read now, sent as If-Match where the server serves ETags
     */
    public record UserUndo(UserAction action, String userName, long line, String id, String etag, ObjectNode current,
                           List<Revert> reverts) {
        public UserUndo {
            reverts = List.copyOf(reverts);
        }
    }

    /** A member the import added, removed again ({@code add} false), or one it removed, added back. */
    public record MemberUndo(boolean add, String groupId, String groupName, String userId, String userName) {
    }

    /** A group the import created, to delete once the members it added are removed. */
    public record GroupDelete(String groupId, String name) {
    }

    /** A recorded change left as it is: the server no longer holds what the import wrote. */
    public record Conflict(String name, long line, String reason) {
    }

    public record Counts(long revert, long reactivate, long deactivate, long delete, long memberRemove, long memberAdd,
                         long groupDelete, long conflicts, long already) {
        public long changes() {
            return revert + reactivate + deactivate + delete + memberRemove + memberAdd + groupDelete;
        }
    }

    public Counts counts() {
        long[] byAction = new long[UserAction.values().length];
        users.forEach(u -> byAction[u.action().ordinal()]++);
        long adds = members.stream().filter(MemberUndo::add).count();
        return new Counts(byAction[0], byAction[1], byAction[2], byAction[3], members.size() - adds, adds,
                groups.size(), conflicts.size(), already);
    }

    public boolean isEmpty() {
        return counts().changes() == 0;
    }
}
