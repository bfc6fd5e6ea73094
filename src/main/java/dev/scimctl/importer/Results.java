package dev.scimctl.importer;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What an applied plan did, step by step, filled in by the workers as steps complete. Group membership results are
 * also kept per user, so that the report can say on each row which groups the user was (or was not) added to.
 */
public final class Results {
    private final Plan plan;
    private final Outcome[] users;
    private final Outcome[] groups;
    private final boolean[] groupCreated;
    private final int[] membersAdded;
    private final int[] membersRemoved;
    /** By user key, then group name: the latest attempt's result, so that a retried group step reports once. */
    private final Map<String, Map<String, String>> memberNotes = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> memberErrors = new ConcurrentHashMap<>();
    private volatile Ending ending = new Ending(null, Duration.ZERO, 0, 0);

    Results(Plan plan) {
        this.plan = plan;
        this.users = new Outcome[plan.users().size()];
        this.groups = new Outcome[plan.groups().size()];
        this.groupCreated = new boolean[groups.length];
        this.membersAdded = new int[groups.length];
        this.membersRemoved = new int[groups.length];
    }

    public Plan plan() {
        return plan;
    }

    /** The outcome of the i-th user step; null when the step changes nothing (UNCHANGED). */
    public synchronized Outcome user(int i) {
        return users[i];
    }

    synchronized void user(int i, Outcome o) {
        users[i] = o;
    }

    /** The outcome of the i-th group step; null when it changes nothing. */
    public synchronized Outcome group(int i) {
        return groups[i];
    }

    synchronized void group(int i, Outcome o) {
        groups[i] = o;
    }

    /** The i-th group step succeeded: what it did, counted once however often it was tried. */
    synchronized void groupDone(int i, boolean created, int added, int removed) {
        groupCreated[i] = created;
        membersAdded[i] = added;
        membersRemoved[i] = removed;
    }

    /** The group step for {@code group} changed this user's membership (or did what it could). */
    void memberNote(String userName, String group, String note) {
        remember(memberErrors, userName, group, null);
        remember(memberNotes, userName, group, note);
    }

    void memberError(String userName, String group, String error) {
        remember(memberNotes, userName, group, null);
        remember(memberErrors, userName, group, error);
    }

    private static void remember(Map<String, Map<String, String>> map, String userName, String group, String text) {
        Map<String, String> byGroup = map.computeIfAbsent(ImportRow.key(userName),
                k -> Collections.synchronizedMap(new LinkedHashMap<>()));
        if (text == null) {
            byGroup.remove(group);
        } else {
            byGroup.put(group, text);
        }
    }

    /** Group changes made for this user ("added to group Sales"). */
    public List<String> memberNotes(String userName) {
        return values(memberNotes, userName);
    }

    /** Group changes that failed for this user. */
    public List<String> memberErrors(String userName) {
        return values(memberErrors, userName);
    }

    private static List<String> values(Map<String, Map<String, String>> map, String userName) {
        Map<String, String> byGroup = map.get(ImportRow.key(userName));
        if (byGroup == null) {
            return List.of();
        }
        synchronized (byGroup) {
            return List.copyOf(byGroup.values());
        }
    }

    /**
     * How the run ended, known all at once when the last step is done.
     *
     * @param stoppedBy      the failure that stopped the run before every step was tried (a refused token, a vanished
     *                       server), or null
     * @param lowestParallel the fewest requests that were allowed in flight at once, after slowing down for the server
     * @param pushbackCuts   how often the import slowed down because the server pushed back
     */
    public record Ending(RuntimeException stoppedBy, Duration elapsed, int lowestParallel, int pushbackCuts) {
    }

    /** How the run ended; before it ends, no failure and no time. */
    public Ending ending() {
        return ending;
    }

    void finish(Ending end) {
        this.ending = end;
    }

    /** The summary's numbers. {@code failed} counts users (rows or deactivations) with any failure. */
    public record Counts(long created, long updated, long unchanged, long deactivated, long failed, long notRun,
                         long skipped, long groupsCreated, long membersAdded, long membersRemoved, long groupsFailed) {
    }

    public synchronized Counts counts() {
        long created = 0;
        long updated = 0;
        long unchanged = 0;
        long deactivated = 0;
        long failed = 0;
        long notRun = 0;
        for (int i = 0; i < users.length; i++) {
            UserStep s = plan.users().get(i);
            Outcome o = users[i];
            boolean memberFailure = !memberErrors(s.userName()).isEmpty();
            if (o == null) {
                unchanged++;
                failed += memberFailure ? 1 : 0;
                continue;
            }
            switch (o.status()) {
                case DONE -> {
                    switch (s.action()) {
                        case CREATE -> created++;
                        case UPDATE -> updated++;
                        case DEACTIVATE -> deactivated++;
                        default -> unchanged++;
                    }
                    failed += memberFailure ? 1 : 0;
                }
                case FAILED -> failed++;
                case NOT_RUN -> notRun++;
            }
        }
        long groupsFailed = 0;
        long groupsMade = 0;
        long added = 0;
        long removed = 0;
        for (int i = 0; i < groups.length; i++) {
            groupsFailed += groups[i] != null && !groups[i].ok() ? 1 : 0;
            groupsMade += groupCreated[i] ? 1 : 0;
            added += membersAdded[i];
            removed += membersRemoved[i];
        }
        return new Counts(created, updated, unchanged, deactivated, failed, notRun, plan.skipped().size(),
                groupsMade, added, removed, groupsFailed);
    }

    /** Whether every step that was planned succeeded. */
    public boolean allOk() {
        Counts c = counts();
        return c.failed() == 0 && c.notRun() == 0 && c.groupsFailed() == 0 && ending.stoppedBy() == null;
    }
}
