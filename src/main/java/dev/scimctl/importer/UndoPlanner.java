package dev.scimctl.importer;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.Setting;
import dev.scimctl.importer.UndoPlan.Conflict;
import dev.scimctl.importer.UndoPlan.GroupDelete;
import dev.scimctl.importer.UndoPlan.MemberUndo;
import dev.scimctl.importer.UndoPlan.Revert;
import dev.scimctl.importer.UndoPlan.UserAction;
import dev.scimctl.importer.UndoPlan.UserUndo;
import dev.scimctl.importer.UndoRecords.AttributeChange;
import dev.scimctl.importer.UndoRecords.Recorded;
import dev.scimctl.importer.UndoRecords.RecordedGroup;
import dev.scimctl.importer.UndoRecords.RecordedUser;
import dev.scimctl.scim.Groups;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.Users;
import dev.scimctl.scim.model.ScimGroup;
import dev.scimctl.scim.model.ScimUser;
import dev.scimctl.text.Counted;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Builds the undo of a recorded import against the server as it is now. Each recorded change is compared with the
 * server: where it still holds what the import wrote, the change is reversed; where it holds what was there before,
 * there is nothing to do (already undone, or never done: an interrupted import); anything else is someone else's
 * change since, a conflict that is left alone unless {@code force}.
 */
public final class UndoPlanner {
    private final Users remoteUsers;
    private final Groups remoteGroups;
    private final boolean delete;
    private final boolean force;
    private final java.util.Set<String> deletedBefore;
    /** The words for the setting that overrides a conflict (the command line's option). */
    private final String forceSetting;

    /**
     * @param delete delete the users the import created, instead of deactivating them
     * @param force  set values back even where someone changed them since the import
     * @param deletedBefore users an earlier undo deleted (a server may still list them, deactivated)
     */
    public UndoPlanner(ScimClient client, boolean delete, boolean force, java.util.Set<String> deletedBefore) {
        this.remoteUsers = new Users(client);
        this.remoteGroups = new Groups(client);
        this.delete = delete;
        this.force = force;
        this.deletedBefore = java.util.Set.copyOf(deletedBefore);
        this.forceSetting = client.names().of(Setting.UNDO_FORCE);
    }

    public UndoPlan plan(Recorded recorded, Progress progress) {
        List<UserUndo> users = new ArrayList<>();
        List<MemberUndo> members = new ArrayList<>();
        List<GroupDelete> groups = new ArrayList<>();
        List<Conflict> conflicts = new ArrayList<>();
        int[] already = {0};
        progress.begin("reading", recorded.users().size() + recorded.groups().size());
        try {
            for (RecordedGroup g : recorded.groups()) {
                planGroup(g, members, groups, conflicts, already);
                progress.step(false);
            }
            for (RecordedUser u : recorded.users()) {
                planUser(u, users, conflicts, already);
                progress.step(false);
            }
        } finally {
            progress.end();
        }
        return new UndoPlan(users, members, groups, conflicts, already[0]);
    }

    // ---- users ------------------------------------------------------------------------------------------------

    private void planUser(RecordedUser u, List<UserUndo> out, List<Conflict> conflicts, int[] already) {
        Optional<ObjectNode> found = u.id() != null ? user(u.id()) : lookUp(u.userName());
        if (found.isEmpty()) {
            already[0]++; // deleted since, or a creation that never happened
            return;
        }
        ObjectNode json = found.get();
        ScimUser user = remoteUsers.toUser(json);
        if (u.created()) {
            planCreated(u, json, user, out, conflicts, already);
            return;
        }
        List<Revert> reverts = new ArrayList<>();
        List<String> changedSince = new ArrayList<>();
        for (AttributeChange c : u.changes().values()) {
            UserAttribute a = c.attribute();
            String now = a.current(user);
            if (a.same(now, c.to()) && !a.same(now, c.from())) {
                reverts.add(new Revert(a, now, c.from(), c.old()));
            } else if (a.same(now, c.from())) {
                already[0]++;
            } else if (force) {
                reverts.add(new Revert(a, now, c.from(), c.old()));
            } else {
                changedSince.add(a.label() + " is " + show(now) + ", the import wrote " + show(c.to()));
            }
        }
        if (!changedSince.isEmpty()) {
            conflicts.add(new Conflict(u.userName(), u.line(), "changed since the import: " + String.join("; ", changedSince)
                    + "; kept (" + forceSetting + " sets it back)"));
        }
        if (reverts.isEmpty()) {
            return;
        }
        boolean reactivation = reverts.size() == 1 && reverts.get(0).attribute() == UserAttribute.ACTIVE
                && "true".equals(reverts.get(0).to());
        out.add(new UserUndo(reactivation ? UserAction.REACTIVATE : UserAction.REVERT, u.userName(), u.line(),
                user.id(), user.version(), json, reverts));
    }

    /** A user the import created: deactivated (or deleted), unless someone changed it since. */
    private void planCreated(RecordedUser u, ObjectNode json, ScimUser user, List<UserUndo> out,
                             List<Conflict> conflicts, int[] already) {
        if (!user.isActive() && (!delete || deletedBefore.contains(user.id()))) {
            already[0]++;
            return;
        }
        List<String> changedSince = new ArrayList<>();
        for (Map.Entry<UserAttribute, String> w : u.written().entrySet()) {
            UserAttribute a = w.getKey();
            String now = a.current(user);
            if (a != UserAttribute.ACTIVE && !a.same(now, w.getValue())) {
                changedSince.add(a.label() + " is " + show(now) + ", the import wrote " + show(w.getValue()));
            }
        }
        if (!changedSince.isEmpty() && !force) {
            conflicts.add(new Conflict(u.userName(), u.line(), "created by the import, changed since: "
                    + String.join("; ", changedSince) + "; kept (" + forceSetting + " " + (delete ? "deletes" : "deactivates")
                    + " it)"));
            return;
        }
        List<Revert> reverts = delete ? List.of()
                : List.of(new Revert(UserAttribute.ACTIVE, "true", "false", BooleanNode.FALSE));
        out.add(new UserUndo(delete ? UserAction.DELETE : UserAction.DEACTIVATE, u.userName(), u.line(), user.id(),
                user.version(), json, reverts));
    }

    private Optional<ObjectNode> lookUp(String userName) {
        // The resource layer's one look-up (it lists every user itself where the server does not filter).
        return remoteUsers.findByUserName(userName).flatMap(x -> user(x.path("id").asText()));
    }

    // ---- groups -----------------------------------------------------------------------------------------------

    private void planGroup(RecordedGroup g, List<MemberUndo> members, List<GroupDelete> groups,
                           List<Conflict> conflicts, int[] already) {
        Optional<ObjectNode> found = g.id() != null ? group(g.id())
                : g.created() ? remoteGroups.findByDisplayName(g.name()).flatMap(x -> group(x.path("id").asText()))
                : Optional.empty();
        if (found.isEmpty()) {
            already[0] += g.added().size() + g.removed().size() + (g.created() ? 1 : 0);
            return;
        }
        ScimGroup group = remoteGroups.toGroup(found.get());
        Set<String> now = new HashSet<>();
        group.membersOrEmpty().forEach(m -> now.add(m.value()));
        Set<String> after = new HashSet<>(now);
        for (UndoRecords.Member m : g.added()) {
            if (now.contains(m.id())) {
                members.add(new MemberUndo(false, group.id(), group.displayName(), m.id(), m.name()));
                after.remove(m.id());
            } else {
                already[0]++;
            }
        }
        for (UndoRecords.Member m : g.removed()) {
            if (!now.contains(m.id())) {
                members.add(new MemberUndo(true, group.id(), group.displayName(), m.id(), userNameOf(m)));
                after.add(m.id());
            } else {
                already[0]++;
            }
        }
        if (g.created()) {
            if (after.isEmpty()) {
                groups.add(new GroupDelete(group.id(), group.displayName()));
            } else {
                conflicts.add(new Conflict(group.displayName(), 0, "group created by the import, but it has "
                        + Counted.of(after.size(), "member") + " the import did not add; kept"));
            }
        }
    }

    /** A removed member is journaled by id and the group's display for it, which servers may leave out. */
    private String userNameOf(UndoRecords.Member m) {
        if (!m.name().equals(m.id())) {
            return m.name();
        }
        return user(m.id()).map(u -> u.path("userName").asText(m.id())).orElse(m.id());
    }

    /** A user by id, or empty when the server no longer has it. */
    private Optional<ObjectNode> user(String id) {
        return remoteUsers.findById(id).filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast);
    }

    /** A group by id, or empty when the server no longer has it. */
    private Optional<ObjectNode> group(String id) {
        return remoteGroups.findById(id).filter(ObjectNode.class::isInstance).map(ObjectNode.class::cast);
    }

    private static String show(String v) {
        return v == null || v.isEmpty() ? "(none)" : "\"" + v + "\"";
    }
}
