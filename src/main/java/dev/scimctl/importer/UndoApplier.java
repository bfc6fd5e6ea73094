package dev.scimctl.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.importer.UndoPlan.GroupDelete;
import dev.scimctl.importer.UndoPlan.MemberUndo;
import dev.scimctl.importer.UndoPlan.Revert;
import dev.scimctl.importer.UndoPlan.UserAction;
import dev.scimctl.importer.UndoPlan.UserUndo;
import dev.scimctl.scim.Groups;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimConnectionException;
import dev.scimctl.scim.ScimException;
import dev.scimctl.scim.ScimJson;
import dev.scimctl.scim.Users;
import dev.scimctl.scim.model.PatchOp;
import dev.scimctl.scim.model.ScimGroup;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Applies an {@link UndoPlan} a few requests at a time (the import's {@link AdaptiveLimit}, so it slows down when the
 * server pushes back): first the memberships, then the groups the import created (each re-read, and deleted only if
 * still empty), then the users. Writes carry the ETag read while planning where the server serves them, so that a
 * change made in between is a conflict (412), not overwritten. Every step is journaled.
 */
public final class UndoApplier {
    /** How one step ended. */
    public record StepResult(String op, String name, long line, String id, Status status, String detail) {
    }

    public enum Status { DONE, FAILED, CONFLICT }

    private final Users users;
    private final Groups groups;
    private final GroupWriter groupWriter;
    private final Journal journal;
    private final Progress progress;
    private final AdaptiveLimit limit;
    private final AtomicReference<RuntimeException> stop = new AtomicReference<>();
    private final List<StepResult> results = new ArrayList<>();

    public UndoApplier(ScimClient client, Journal journal, Progress progress, AdaptiveLimit limit) {
        this.users = new Users(client);
        this.groups = new Groups(client);
        this.groupWriter = new GroupWriter(client);
        this.journal = journal;
        this.progress = progress;
        this.limit = limit;
    }

    /** Applies the plan; the results in the order the steps finished. Throws what stopped the run, after journaling. */
    public List<StepResult> apply(UndoPlan plan) {
        Map<String, List<MemberUndo>> byGroup = new LinkedHashMap<>();
        plan.members().forEach(m -> byGroup.computeIfAbsent(m.groupId(), k -> new ArrayList<>()).add(m));
        ExecutorService pool = Executors.newFixedThreadPool(limit.max(), Workers.named("scimctl-undo"));
        progress.begin("undoing", plan.members().size() + plan.groups().size() + plan.users().size());
        try {
            runAll(pool, new ArrayList<>(byGroup.values()), this::members);
            runAll(pool, plan.groups(), this::deleteGroup);
            runAll(pool, plan.users(), this::user);
        } finally {
            progress.end();
            pool.shutdownNow();
        }
        if (stop.get() != null) {
            throw stop.get();
        }
        synchronized (results) {
            return List.copyOf(results);
        }
    }

    // ---- steps ------------------------------------------------------------------------------------------------

    private void members(List<MemberUndo> changes) {
        MemberUndo first = changes.get(0);
        List<String> remove = changes.stream().filter(m -> !m.add()).map(MemberUndo::userId).toList();
        List<String> add = changes.stream().filter(MemberUndo::add).map(MemberUndo::userId).toList();
        Status status = Status.DONE;
        String detail = null;
        try {
            groupWriter.remove(first.groupId(), remove);
            groupWriter.add(first.groupId(), add);
        } catch (RuntimeException e) {
            status = fail(e);
            detail = message(e);
        }
        for (MemberUndo m : changes) {
            record(m.add() ? "add-member" : "remove-member", m.userName(), 0, m.userId(), status,
                    status == Status.DONE ? (m.add() ? "added back to " : "removed from ") + m.groupName() : detail,
                    Map.of("group", m.groupName(), "groupId", m.groupId()));
            progress.step(status != Status.DONE);
        }
    }

    private void deleteGroup(GroupDelete g) {
        Status status = Status.DONE;
        String detail = "deleted";
        try {
            Optional<ScimGroup> group = groups.findById(g.groupId()).map(groups::toGroup);
            if (group.isEmpty()) {
                detail = "gone already";
            } else if (!group.get().membersOrEmpty().isEmpty()) {
                status = Status.CONFLICT;
                detail = "has " + group.get().membersOrEmpty().size() + " members now; kept";
            } else {
                groups.delete(g.groupId());
            }
        } catch (RuntimeException e) {
            if (e instanceof ScimException s && s.isNotFound()) {
                detail = "gone already";
            } else {
                status = fail(e);
                detail = message(e);
            }
        }
        record("delete-group", g.name(), 0, g.groupId(), status, detail, Map.of());
        progress.step(status != Status.DONE);
    }

    private void user(UserUndo u) {
        Status status = Status.DONE;
        String detail;
        try {
            if (u.action() == UserAction.DELETE) {
                users.delete(u.id());
                detail = "deleted";
            } else {
                write(u);
                detail = u.reverts().stream().map(Revert::toString).reduce((a, b) -> a + "; " + b).orElse("");
            }
        } catch (RuntimeException e) {
            if (e instanceof ScimException s && s.isPreconditionFailed()) {
                status = Status.CONFLICT;
                detail = "changed while the undo ran (412); kept: run the undo again to re-check it";
            } else if (e instanceof ScimException s && s.isNotFound() && u.action() == UserAction.DELETE) {
                detail = "gone already";
            } else {
                status = fail(e);
                detail = message(e);
            }
        }
        record(u.action().label(), u.userName(), u.line(), u.id(), status, detail, Map.of());
        progress.step(status != Status.DONE);
    }

    /**
     * PATCH the old values back (remove where there was none), or PUT the user with them where PATCH is not served;
     * either only if the user is still as read while planning (If-Match, where ETags are served).
     */
    private void write(UserUndo u) {
        List<PatchOp.Operation> ops = new ArrayList<>();
        for (Revert r : u.reverts()) {
            ops.add(r.old() == null ? new PatchOp.Operation("remove", r.attribute().path(), null)
                    : PatchOp.replace(r.attribute().path(), r.old()));
        }
        users.updateIfUnchanged(u.id(), PatchOp.of(ops.toArray(PatchOp.Operation[]::new)), replacement(u), u.etag());
    }

    /** The user as read, with the old values set back; read-only parts left out. */
    static ObjectNode replacement(UserUndo u) {
        ObjectNode user = u.current().deepCopy();
        user.remove("meta");
        user.remove("groups");
        for (Revert r : u.reverts()) {
            switch (r.attribute()) {
                case GIVEN_NAME -> set(objectAt(user, "name"), "givenName", r.old());
                case FAMILY_NAME -> set(objectAt(user, "name"), "familyName", r.old());
                case EMAIL -> set(user, "emails", r.old());
                case ACTIVE -> set(user, "active", r.old());
                case USER_TYPE -> set(objectAt(user, ScimJson.NINJAONE_USER), "userType", r.old());
                case ORGANIZATION_ID -> set(objectAt(user, ScimJson.NINJAONE_USER), "organizationId", r.old());
            }
        }
        JsonNode ext = user.get(ScimJson.NINJAONE_USER);
        if (ext instanceof ObjectNode o && o.isEmpty() && user.get("schemas") instanceof ArrayNode schemas) {
            // An extension the import added, now empty again: gone, as before.
            user.remove(ScimJson.NINJAONE_USER);
            for (int i = schemas.size() - 1; i >= 0; i--) {
                if (ScimJson.NINJAONE_USER.equals(schemas.get(i).asText())) {
                    schemas.remove(i);
                }
            }
        }
        return user;
    }

    private static void set(ObjectNode parent, String field, JsonNode value) {
        if (value == null) {
            parent.remove(field);
        } else {
            parent.set(field, value.deepCopy());
        }
    }

    private static ObjectNode objectAt(ObjectNode parent, String field) {
        return parent.get(field) instanceof ObjectNode o ? o : parent.putObject(field);
    }

    // ---- plumbing ---------------------------------------------------------------------------------------------

    /** A failure of the connection or the credentials stops the run (every later step would fail the same way). */
    private Status fail(RuntimeException e) {
        boolean fatal = e instanceof ScimConnectionException
                || e instanceof ScimException s && s.isAuthFailure();
        if (fatal || e instanceof CancellationException) {
            stop.compareAndSet(null, e);
        }
        return Status.FAILED;
    }

    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private void record(String op, String name, long line, String id, Status status, String detail,
                        Map<String, Object> extra) {
        StepResult r = new StepResult(op, name, line, id, status, detail);
        synchronized (results) {
            results.add(r);
        }
        if (journal != null) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("op", op);
            entry.put(op.endsWith("-group") ? "group" : "userName", name);
            entry.putAll(extra);
            if (line > 0) {
                entry.put("line", line);
            }
            entry.put("id", id);
            entry.put("outcome", status.name().toLowerCase(java.util.Locale.ROOT));
            entry.put("detail", detail);
            journal.record(entry);
        }
    }

    private <T> void runAll(ExecutorService pool, List<T> steps, java.util.function.Consumer<T> task) {
        Workers.runAll(pool, steps, task, limit, () -> stop.get() != null);
    }
}
