package dev.scimctl.importer;

import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;

/**
 * Carries out a plan: first the user steps (creations, updates, deactivations), then the group steps (which need the
 * new users' ids). Up to --parallel requests run at once, fewer while the server pushes back (see
 * {@link AdaptiveLimit}). Every completed step is journaled. A failed step does not stop the others; steps that failed
 * for a reason that may pass (429, 5xx, a dropped connection, a timeout) get one more try at the end. A failure that
 * will hit every step (a refused token, a server that is gone) stops the run.
 */
public final class Applier {
    private final UserWriter userWriter;
    private final GroupWriter groupWriter;
    private final Journal journal;
    private final Progress progress;
    private final AdaptiveLimit limit;
    private final AtomicReference<RuntimeException> stop = new AtomicReference<>();
    /** Groups created (or found) by an earlier try of their step, by step: their ids, and which ones we made. */
    private final Map<Integer, String> createdGroups = new ConcurrentHashMap<>();
    private final Set<Integer> madeGroups = ConcurrentHashMap.newKeySet();

    /**
     * @param journal where completed steps are appended, or null (tests of the planner's effects)
     * @param limit   how many steps may run at once; shared with the reading of the server, and told of pushbacks
     */
    public Applier(ScimClient client, ServerCapabilities caps, Journal journal, Progress progress, AdaptiveLimit limit) {
        this.userWriter = new UserWriter(client, new UserPayloads(caps.organizationIdType()));
        this.groupWriter = new GroupWriter(client);
        this.journal = journal;
        this.progress = progress;
        this.limit = limit;
    }

    public Results apply(Plan plan) {
        long started = System.nanoTime();
        Results results = new Results(plan);
        List<Integer> userSteps = new ArrayList<>();
        for (int i = 0; i < plan.users().size(); i++) {
            if (plan.users().get(i).changesSomething()) {
                userSteps.add(i);
            }
        }
        List<Integer> groupSteps = new ArrayList<>();
        for (int i = 0; i < plan.groups().size(); i++) {
            if (plan.groups().get(i).changesSomething()) {
                groupSteps.add(i);
            }
        }
        ExecutorService pool = Executors.newFixedThreadPool(limit.max(), Workers.named("scimctl-import"));
        // The bar counts what the confirmation counted: changes, so a group step with 500 members moves it by 501.
        long changes = userSteps.size();
        for (int i : groupSteps) {
            changes += plan.groups().get(i).changes();
        }
        progress.begin("applying changes", changes);
        try {
            runAll(pool, userSteps, i -> () -> userStep(plan.users().get(i), i, results, false));
            retryTransient(pool, userSteps, results::user, i -> () -> userStep(plan.users().get(i), i, results, true));
            Map<String, String> ids = userIds(plan, results);
            runAll(pool, groupSteps, i -> () -> groupStep(plan.groups().get(i), i, ids, results, false));
            retryTransient(pool, groupSteps, results::group,
                    i -> () -> groupStep(plan.groups().get(i), i, ids, results, true));
        } finally {
            progress.end();
            pool.shutdownNow();
        }
        markNotRun(plan, userSteps, groupSteps, results);
        results.finish(new Results.Ending(stop.get(), Duration.ofNanos(System.nanoTime() - started), limit.lowest(),
                limit.cuts()));
        return results;
    }

    private void retryTransient(ExecutorService pool, List<Integer> steps, IntFunction<Outcome> outcome,
                                IntFunction<Runnable> task) {
        List<Integer> again = new ArrayList<>();
        for (int i : steps) {
            Outcome o = outcome.apply(i);
            if (o != null && o.status() == Outcome.Status.FAILED && o.transientFailure()) {
                again.add(i);
            }
        }
        if (!again.isEmpty() && stop.get() == null) {
            runAll(pool, again, task);
        }
    }

    /** Runs the tasks and waits for all of them; each one waits for a slot of the adaptive limit first. */
    private void runAll(ExecutorService pool, List<Integer> steps, IntFunction<Runnable> task) {
        Workers.runAll(pool, steps, i -> task.apply(i).run(), limit, () -> stop.get() != null);
    }

    /** @param lastTry whether a transient failure is final (else it is tried again at the end, and not counted yet) */
    private void userStep(UserStep step, int index, Results results, boolean lastTry) {
        if (stop.get() != null) {
            return;
        }
        journalBefore(UndoRecords.userBefore(step));
        Outcome outcome;
        try {
            UserWriter.Done done = switch (step.action()) {
                case CREATE -> userWriter.create(step.row());
                case UPDATE -> userWriter.update(step.remote(), step.changes());
                case DEACTIVATE -> userWriter.deactivate(step.remote());
                case UNCHANGED -> throw new IllegalStateException("nothing to apply for an unchanged user");
            };
            outcome = Outcome.done(done.id(), done.detail());
        } catch (RuntimeException e) {
            outcome = failure(step.id(), e);
        }
        results.user(index, outcome);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("op", step.action().label());
        if (step.line() > 0) {
            entry.put("line", step.line());
        }
        entry.put("userName", step.userName());
        journal(entry, outcome);
        countProgress(outcome, lastTry);
    }

    private void countProgress(Outcome outcome, boolean lastTry) {
        countProgress(outcome, lastTry, 1);
    }

    private void countProgress(Outcome outcome, boolean lastTry, long changes) {
        if (outcome.ok() || lastTry || !outcome.transientFailure() || stop.get() != null) {
            progress.steps(changes, !outcome.ok());
        }
    }

    private void groupStep(GroupStep step, int index, Map<String, String> ids, Results results, boolean lastTry) {
        if (stop.get() != null) {
            return;
        }
        List<String> addIds = new ArrayList<>();
        List<String> addNames = new ArrayList<>();
        for (String userName : step.add()) {
            String id = ids.get(ImportRow.key(userName));
            if (id == null) {
                results.memberError(userName, step.displayName(), "not added to group " + step.displayName()
                        + ": the user could not be created or updated");
            } else {
                addIds.add(id);
                addNames.add(userName);
            }
        }
        // A group created by an earlier try of this step is not created again (group names need not be unique).
        String groupId = step.id() != null ? step.id() : createdGroups.get(index);
        journalBefore(UndoRecords.groupBefore(step, groupId, addNames, addIds));
        Outcome outcome;
        String op = step.create() ? "group-create" : "group-update";
        try {
            String detail;
            if (groupId == null) {
                GroupWriter.Created created = groupWriter.create(step.displayName(), addIds, lastTry);
                groupId = created.id();
                createdGroups.put(index, groupId);
                detail = created.existed() ? "existed already; members added" : "created";
                if (!created.existed()) {
                    madeGroups.add(index);
                }
            } else {
                groupWriter.add(groupId, addIds);
                detail = step.create() ? "created" : "updated";
            }
            addNames.forEach(u -> results.memberNote(u, step.displayName(), "added to group " + step.displayName()));
            if (!step.remove().isEmpty()) {
                groupWriter.remove(groupId, step.remove().stream().map(GroupStep.Member::id).toList());
            }
            results.groupDone(index, madeGroups.contains(index), addIds.size(), step.remove().size());
            outcome = Outcome.done(groupId, detail);
        } catch (RuntimeException e) {
            outcome = failure(groupId, e);
            String error = "group " + step.displayName() + ": " + outcome.error();
            addNames.forEach(u -> results.memberError(u, step.displayName(), error));
        }
        results.group(index, outcome);
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("op", op);
        entry.put("group", step.displayName());
        if (madeGroups.contains(index)) {
            entry.put("madeGroup", true);
        }
        entry.put("added", addNames);
        entry.put("removed", step.remove().stream().map(m -> m.display() == null ? m.id() : m.display()).toList());
        journal(entry, outcome);
        countProgress(outcome, lastTry, step.changes());
    }

    private Outcome failure(String id, RuntimeException e) {
        if (stopsTheRun(e)) {
            stop.compareAndSet(null, e);
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return Outcome.failed(id, message, isTransient(e));
    }

    /** What a step is about to change, as it is now: written before the step's first request, for 'import undo'. */
    private void journalBefore(Map<String, Object> before) {
        if (journal != null) {
            journal.before(before);
        }
    }

    private void journal(Map<String, Object> entry, Outcome outcome) {
        if (journal == null) {
            return;
        }
        if (outcome.id() != null) {
            entry.put("id", outcome.id());
        }
        entry.put("outcome", outcome.ok() ? "done" : "failed");
        if (outcome.detail() != null) {
            entry.put("detail", outcome.detail());
        }
        if (outcome.error() != null) {
            entry.put("error", outcome.error());
        }
        journal.record(entry);
    }

    /** The ids of the file's users after the user steps: the server's for existing users, the new ones for creations. */
    private static Map<String, String> userIds(Plan plan, Results results) {
        Map<String, String> ids = new HashMap<>();
        for (int i = 0; i < plan.users().size(); i++) {
            UserStep s = plan.users().get(i);
            if (s.row() == null) {
                continue;
            }
            Outcome o = results.user(i);
            String id = o == null ? s.id() : o.ok() ? o.id() : null;
            if (id != null) {
                ids.put(s.row().key(), id);
            }
        }
        return ids;
    }

    private void markNotRun(Plan plan, List<Integer> userSteps, List<Integer> groupSteps, Results results) {
        RuntimeException why = stop.get();
        String reason = why == null ? "not run" : "not run: the import stopped (" + why.getMessage() + ")";
        for (int i : userSteps) {
            if (results.user(i) == null) {
                results.user(i, Outcome.notRun(plan.users().get(i).id(), reason));
            }
        }
        for (int i : groupSteps) {
            if (results.group(i) == null) {
                results.group(i, Outcome.notRun(plan.groups().get(i).id(), reason));
                GroupStep g = plan.groups().get(i);
                g.add().forEach(u -> results.memberError(u, g.displayName(), "group " + g.displayName() + ": " + reason));
            }
        }
    }

    /** Failures that will pass: the server was busy or the network blinked. */
    static boolean isTransient(RuntimeException e) {
        return e instanceof ScimException s && s.isTransient();
    }

    /** Failures that every further step would hit too: no point going on. */
    static boolean stopsTheRun(RuntimeException e) {
        return e instanceof ScimException s && s.stopsEverything() || e instanceof CancellationException;
    }
}
