package dev.scimctl.importer;

import dev.scimctl.scim.ScimClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;

/**
 * One import of a validated file: read the server, plan, apply the guards, then apply the plan with every completed
 * operation in the journal. What the person running it sees and answers goes through a {@link Listener}; the
 * command decides the words and the exit code from the {@link Outcome}.
 */
public final class ImportRun extends ServerRun {

    /**
     * How this run goes.
     *
     * @param organizationIdType how organizationId is sent; null to follow the server's /Schemas
     * @param maxChanges         a plan with more changes is refused; null for no limit
     * @param journal            where completed operations are appended; null only for a dry run
     * @param planOut            where the plan is also written as JSON; null for nowhere
     */
    public record Settings(boolean dryRun, boolean deactivateMissing, boolean syncGroups, int parallel,
                           Long maxChanges, OrganizationIdType organizationIdType, Path journal, Path planOut) {
    }

    /** What the run shows and asks; implemented by the command. Called on the run's thread except where said. */
    public interface Listener extends RunListener {
        /** The journal records an interrupted run, which this one resumes by re-reading the server. */
        void resuming(Path journal, Journal.LastRun previous, boolean fileChanged);

        /** The plan, before anything is changed. */
        void planned(Planned planned);

        /** Whether to apply the plan's changes; not called for a dry run, an empty plan or one over the limit. */
        boolean confirm(Plan.Counts counts, URI server);

        /** The process is being stopped (Ctrl-C) while applying; on the shutdown hook's thread. */
        void interrupted(Path journal);

        /** Something the person should know that does not stop the run (a journal whose last line was cut off). */
        void warning(String message);

        /** A phase of the run ended ("read server", "plan", "apply"): its wall time, for --debug. */
        void phase(String name, Duration took);
    }

    /** The plan and what it was made from, as shown before anything is changed. */
    public record Planned(Plan plan, URI server, String read, ServerCapabilities capabilities) {
    }

    /** How the run ended. */
    public sealed interface Outcome {
        Plan plan();
    }

    /** A dry run: the plan was shown, nothing was changed. */
    public record DryRun(Plan plan) implements Outcome {
    }

    /** The server already holds the file. */
    public record NothingToDo(Plan plan) implements Outcome {
    }

    /** The plan has more changes than the limit allows: nothing was changed. */
    public record OverLimit(Plan plan, long limit) implements Outcome {
    }

    /** The person declined the plan: nothing was changed. */
    public record Declined(Plan plan) implements Outcome {
    }

    /**
     * The plan was applied (perhaps partly: see {@link Results.Ending#stoppedBy()}).
     *
     * @param previous the interrupted run this one resumed, or null
     */
    public record Applied(Plan plan, Results results, Journal.LastRun previous) implements Outcome {
    }

    private final Settings settings;
    /** The server's capabilities, being read on a worker while the file is validated; null until started. */
    private Future<ServerCapabilities> discovery;
    private Thread discoverer;

    public ImportRun(ScimClient client, Settings settings, Clock clock) {
        super(client, settings.parallel(), clock);
        this.settings = settings;
    }

    /**
     * Starts reading what the server says about itself (/ServiceProviderConfig, /Schemas) on a worker, so that those
     * round trips, and the first connection's set-up, overlap the file's validation. Only reads; {@link #run} waits
     * for it, and {@link #cancelDiscovery} drops it when validation stops the import.
     */
    public void discoverWhileValidating() {
        FutureTask<ServerCapabilities> task = new FutureTask<>(this::discover);
        discoverer = Workers.named("scimctl-discover").newThread(task);
        discoverer.start();
        discovery = task;
    }

    /**
     * The import stopped before it needed the server's answers (validation, a held lock): drops the read and waits for
     * its worker to end, so that nothing it writes (the discovery cache) lands after the command has returned.
     */
    public void cancelDiscovery() {
        if (discovery == null) {
            return;
        }
        discovery.cancel(true);
        try {
            discoverer.join(DISCOVERY_STOP_WAIT_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** An interrupted request ends at once; this only bounds a worker stuck elsewhere. */
    private static final long DISCOVERY_STOP_WAIT_MS = 5_000;

    private ServerCapabilities discover() {
        return ServerCapabilities.discover(client, settings.organizationIdType());
    }

    /** The capabilities read ahead, else read now; a failure is the same exception either way. */
    private ServerCapabilities capabilities() {
        return discovery == null ? discover() : Workers.await(discovery);
    }

    /** Runs the import of a file whose validation allows it ({@link ImportInput#stopsImport}). */
    public Outcome run(ImportInput input, Listener listener) {
        CsvRows.Result csv = input.csv();
        long phaseStart = System.nanoTime();
        ServerCapabilities caps = capabilities();
        Path journalPath = settings.journal();
        Journal.LastRun previous = journalPath == null || settings.dryRun() ? null : Journal.lastRun(journalPath);
        if (previous != null && previous.cutLine() > 0) {
            listener.warning(journalPath + ":" + previous.cutLine() + ": the journal's last line was cut off (the "
                    + "previous run stopped while writing it: a crash or a full disk); it is ignored and left on a line "
                    + "of its own, and the server is read again, so nothing is done twice or skipped");
        }
        if (previous != null && !previous.finished()) {
            if (previous.url() == null || Journal.sameServer(previous.url(), client.baseUrl().toString())) {
                listener.resuming(journalPath, previous,
                        previous.sha256() != null && !previous.sha256().equals(input.sha256()));
            } else {
                listener.warning(journalPath + " records an interrupted import to " + previous.url() + "; this one goes "
                        + "to " + client.baseUrl() + " and does not resume it; from now on 'import undo' of this "
                        + "journal takes back this import, not that one");
            }
        }
        Set<String> userNames = new LinkedHashSet<>();
        csv.rows().forEach(r -> userNames.add(r.userName()));
        csv.invalid().forEach(r -> {
            if (!r.userName().isBlank()) {
                userNames.add(r.userName());
            }
        });
        Set<String> groups = new LinkedHashSet<>();
        csv.rows().forEach(r -> groups.addAll(r.groups()));

        Progress progress = listener.progress();
        RemoteState remote = RemoteState.read(client, caps, userNames, groups, settings.deactivateMissing(), limit,
                progress);
        phaseStart = phaseEnded(listener, "read server", phaseStart);
        Plan plan = Planner.plan(csv.rows(), csv.invalid(), remote,
                new Planner.Options(settings.deactivateMissing(), settings.syncGroups()));
        phaseEnded(listener, "plan", phaseStart);
        listener.planned(new Planned(plan, client.baseUrl(), remote.description(), caps));
        if (settings.planOut() != null) {
            PlanJson.write(settings.planOut(), plan, planContext(input, remote, caps));
        }
        if (settings.dryRun()) {
            return new DryRun(plan);
        }
        if (plan.isEmpty()) {
            return new NothingToDo(plan);
        }
        Plan.Counts counts = plan.counts();
        if (settings.maxChanges() != null && counts.changes() > settings.maxChanges()) {
            return new OverLimit(plan, settings.maxChanges());
        }
        if (!listener.confirm(counts, client.baseUrl())) {
            return new Declined(plan);
        }

        Results results;
        try (Journal journal = Journal.open(journalPath, journalStart(input, counts), clock)) {
            Thread onInterrupt = new Thread(() -> listener.interrupted(journalPath), "scimctl-import-interrupted");
            Runtime.getRuntime().addShutdownHook(onInterrupt);
            try {
                results = new Applier(client, caps, journal, progress, limit).apply(plan);
            } finally {
                removeHook(onInterrupt);
            }
            listener.phase("apply", results.ending().elapsed());
            journal.end(journalEnd(results));
        }
        return new Applied(plan, results, previous);
    }

    /** The JSON plan's header: what it was made from. */
    public Map<String, Object> planContext(ImportInput input, RemoteState remote, ServerCapabilities caps) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", input.name());
        m.put("sha256", input.sha256());
        m.put("server", client.baseUrl().toString());
        m.put("read", remote.description());
        m.put("organizationIdType", caps.organizationIdType().name().toLowerCase(Locale.ROOT));
        m.put("deactivateMissing", settings.deactivateMissing());
        m.put("syncGroups", settings.syncGroups());
        return m;
    }

    /** Tells the listener how long the phase that began at {@code start} took; the next phase begins now. */
    private static long phaseEnded(Listener listener, String name, long start) {
        long now = System.nanoTime();
        listener.phase(name, Duration.ofNanos(now - start));
        return now;
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // The JVM is exiting (Ctrl-C): the hook is running or has run, as it should.
        }
    }

    private Map<String, Object> journalStart(ImportInput input, Plan.Counts counts) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("file", input.name());
        m.put("sha256", input.sha256());
        m.put("url", client.baseUrl().toString());
        m.put("changes", counts.changes());
        return m;
    }

    private static Map<String, Object> journalEnd(Results results) {
        Results.Counts c = results.counts();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", results.allOk());
        m.put("created", c.created());
        m.put("updated", c.updated());
        m.put("deactivated", c.deactivated());
        m.put("failed", c.failed());
        m.put("groupsCreated", c.groupsCreated());
        m.put("membersAdded", c.membersAdded());
        m.put("membersRemoved", c.membersRemoved());
        RuntimeException stoppedBy = results.ending().stoppedBy();
        if (stoppedBy != null) {
            m.put("stoppedBy", stoppedBy.getMessage());
        }
        return m;
    }
}
