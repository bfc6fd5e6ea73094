package dev.scimctl.importer;

import dev.scimctl.Setting;
import dev.scimctl.UsageException;
import dev.scimctl.scim.ScimClient;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code import undo}: reads the import a journal records, compares it with the server, shows the reverse plan, asks,
 * and applies it with its own journal. Running it again re-reads the server, so an interrupted undo resumes and a
 * finished one finds nothing left to do.
 */
public final class UndoRun extends ServerRun {
    /**
     * @param journal     the import's journal
     * @param undoJournal where the undo's own steps are appended
     * @param delete      delete the users the import created, instead of deactivating them
     * @param force       set values back even where someone changed them since
     */
    public record Settings(Path journal, Path undoJournal, boolean delete, boolean force, boolean dryRun, int parallel) {
    }

    /** What the run shows and asks; implemented by the command. */
    public interface Listener extends RunListener {
        /** The recorded import and the reverse plan, before anything is changed. */
        void planned(UndoRecords.Recorded recorded, UndoPlan plan, URI server);

        boolean confirm(UndoPlan.Counts counts, URI server);
    }

    public sealed interface Outcome {
        UndoPlan plan();
    }

    public record DryRun(UndoPlan plan) implements Outcome {
    }

    public record NothingToDo(UndoPlan plan) implements Outcome {
    }

    public record Declined(UndoPlan plan) implements Outcome {
    }

    public record Applied(UndoPlan plan, List<UndoApplier.StepResult> results, Duration elapsed) implements Outcome {
    }

    private final Settings settings;

    public UndoRun(ScimClient client, Settings settings, Clock clock) {
        super(client, settings.parallel(), clock);
        this.settings = settings;
    }

    public Outcome run(Listener listener) {
        UndoRecords.Recorded recorded = UndoRecords.read(settings.journal());
        URI server = client.baseUrl();
        if (recorded.url() != null && !Journal.sameServer(recorded.url(), server.toString())) {
            throw new UsageException(n -> settings.journal() + " records an import to " + recorded.url()
                    + ", but the settings point at " + server + ": give " + n.of(Setting.BASE_URL) + " " + recorded.url()
                    + " (or the profile of that server) to undo it there");
        }
        UndoPlan plan = new UndoPlanner(client, settings.delete(), settings.force(),
                UndoRecords.deletedBy(settings.undoJournal()))
                .plan(recorded, listener.progress());
        listener.planned(recorded, plan, server);
        if (settings.dryRun()) {
            return new DryRun(plan);
        }
        if (plan.isEmpty()) {
            return new NothingToDo(plan);
        }
        if (!listener.confirm(plan.counts(), server)) {
            return new Declined(plan);
        }
        long started = System.nanoTime();
        List<UndoApplier.StepResult> results;
        try (Journal journal = Journal.open(settings.undoJournal(), start(recorded, plan), clock)) {
            results = new UndoApplier(client, journal, listener.progress(), limit).apply(plan);
            journal.end(end(results));
        }
        return new Applied(plan, results, Duration.ofNanos(System.nanoTime() - started));
    }


    private Map<String, Object> start(UndoRecords.Recorded recorded, UndoPlan plan) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("undoes", recorded.journal().toString());
        m.put("importStarted", recorded.started());
        m.put("url", client.baseUrl().toString());
        m.put("changes", plan.counts().changes());
        m.put("conflicts", plan.counts().conflicts());
        m.put("delete", settings.delete());
        m.put("force", settings.force());
        return m;
    }

    private static Map<String, Object> end(List<UndoApplier.StepResult> results) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (UndoApplier.Status s : UndoApplier.Status.values()) {
            m.put(s.name().toLowerCase(Locale.ROOT), results.stream().filter(r -> r.status() == s).count());
        }
        return m;
    }
}
