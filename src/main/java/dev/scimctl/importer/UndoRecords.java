package dev.scimctl.importer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.InputException;
import dev.scimctl.Setting;

import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The journal's {@code before} lines: what each step of an import was about to change, as the server held it, written
 * before the step's first request; and reading them back, with the {@code op} lines' ids, as the import to undo.
 *
 * <p>A user step records its userName and CSV line; an update or deactivation also its id, ETag and, per attribute,
 * the value it had ({@code from}, and {@code old}: the attribute's JSON as the server held it), and the value written
 * ({@code to}); a creation the values it writes. A group step records the group, its id (null when the import creates
 * it), and the members added (userName, id) and removed (id, display).
 */
public final class UndoRecords {

    private UndoRecords() {
    }

    static Map<String, Object> userBefore(UserStep step) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("op", step.action().label());
        m.put("userName", step.userName());
        if (step.line() > 0) {
            m.put("line", step.line());
        }
        if (step.action() == UserStep.Action.CREATE) {
            Map<String, String> values = new LinkedHashMap<>();
            for (UserAttribute a : UserAttribute.values()) {
                String v = a.desired(step.row());
                if (v != null) {
                    values.put(a.label(), v);
                }
            }
            m.put("values", values);
            return m;
        }
        m.put("id", step.id());
        if (step.remote().version() != null) {
            m.put("etag", step.remote().version());
        }
        List<Map<String, Object>> changes = new ArrayList<>();
        for (Change c : step.changes()) {
            Map<String, Object> change = PlanJson.change(c);
            change.put("old", c.attribute().raw(step.remote().json()));
            changes.add(change);
        }
        m.put("changes", changes);
        return m;
    }

    static Map<String, Object> groupBefore(GroupStep step, String groupId, List<String> addNames, List<String> addIds) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("op", step.create() ? "group-create" : "group-update");
        m.put("group", step.displayName());
        m.put("groupId", groupId);
        List<Map<String, String>> added = new ArrayList<>();
        for (int i = 0; i < addIds.size(); i++) {
            added.add(Map.of("userName", addNames.get(i), "id", addIds.get(i)));
        }
        m.put("add", added);
        m.put("remove", PlanJson.members(step.remove()));
        return m;
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /** One attribute an update changed: its value before ({@code from}, and as JSON, {@code old}) and the value written. */
    public record AttributeChange(UserAttribute attribute, String from, String to, JsonNode old) {
    }

    /**
     * One user the import was about to change.
     *
     * @param created whether the import created it (it did not exist before)
     * @param id      the server's id, or null for a creation whose answer was never journaled
     * @param changes for an update or deactivation: per attribute, the value before and the value written
     * @param written for a creation: the values written (later updates of the same import included)
     */
    public record RecordedUser(String userName, long line, boolean created, String id, String etag,
                               Map<UserAttribute, AttributeChange> changes, Map<UserAttribute, String> written) {
    }

    /** A group member, by id, with a name to show. */
    public record Member(String id, String name) {
    }

    /**
     * One group the import was about to change.
     *
     * @param id      the server's id, or null when a creation's answer was never journaled
     * @param created whether the import created it
     */
    public record RecordedGroup(String name, String id, boolean created, List<Member> added, List<Member> removed) {
    }

    /**
     * The import to undo: the journal's last run, with the interrupted runs it resumed.
     *
     * @param url         the server it wrote to
     * @param runs        how many runs that is (an interrupted one and its resumptions)
     * @param interrupted whether the last of them did not finish
     */
    public record Recorded(Path journal, String url, String started, int runs, boolean interrupted,
                           List<RecordedUser> users, List<RecordedGroup> groups) {
    }

    /** Reads the import to undo from a journal. */
    public static Recorded read(Path journal) {
        List<List<JsonNode>> runs = new ArrayList<>();
        try {
            Journal.readLines(journal, n -> "give the journal the import wrote", (number, text, entry, cut) -> {
                if (entry == null) {
                    return; // a line cut off by a crash: the step it was about is checked against the server anyway
                }
                if (entry.path("type").asText().equals("start")) {
                    runs.add(new ArrayList<>());
                }
                if (!runs.isEmpty()) {
                    runs.get(runs.size() - 1).add(entry);
                }
            });
        } catch (NoSuchFileException e) {
            throw new InputException(journal + ": no such journal; give the journal the import wrote (by default "
                    + "the CSV's name plus .journal, beside it)");
        } catch (IOException e) {
            throw new InputException(journal + ": cannot read the journal (" + e.getMessage() + ")", e);
        }
        if (runs.isEmpty()) {
            throw new InputException(journal + ": not an import journal (no run in it)");
        }
        // The last run, and the interrupted runs before it that it resumed: on the same server only. A run to another
        // server (the same CSV tried on the sandbox) resumed nothing; its ids and old values are another server's.
        int first = runs.size() - 1;
        String server = runs.get(first).get(0).path("url").asText(null);
        while (first > 0 && !finished(runs.get(first - 1))
                && Journal.sameServer(runs.get(first - 1).get(0).path("url").asText(null), server)) {
            first--;
        }
        List<JsonNode> entries = new ArrayList<>();
        runs.subList(first, runs.size()).forEach(entries::addAll);
        boolean hasBefore = entries.stream().anyMatch(e -> e.path("type").asText().equals("before"));
        boolean hasOps = entries.stream().anyMatch(e -> e.path("type").asText().equals("op"));
        if (hasOps && !hasBefore) {
            throw new InputException(journal + ": this import was made by a scimctl that did not record the state "
                    + "before each change, so it cannot be undone");
        }
        JsonNode start = runs.get(first).get(0);
        return new Recorded(journal, start.path("url").asText(null), start.path("at").asText(null),
                runs.size() - first, !finished(runs.get(runs.size() - 1)), users(entries), groups(entries));
    }

    private static boolean finished(List<JsonNode> run) {
        return run.stream().anyMatch(e -> e.path("type").asText().equals("end"));
    }

    private static List<RecordedUser> users(List<JsonNode> entries) {
        Map<String, RecordedUser> users = new LinkedHashMap<>();
        for (JsonNode e : entries) {
            String type = e.path("type").asText();
            if (!e.hasNonNull("userName") || e.has("group")) {
                continue;
            }
            String key = ImportRow.key(e.get("userName").asText());
            RecordedUser known = users.get(key);
            if (type.equals("op")) {
                // The answer's id, for a creation.
                if (known != null && known.id() == null && e.hasNonNull("id") && "done".equals(e.path("outcome").asText())) {
                    users.put(key, new RecordedUser(known.userName(), known.line(), known.created(), e.get("id").asText(),
                            known.etag(), known.changes(), known.written()));
                }
                continue;
            }
            if (!type.equals("before")) {
                continue;
            }
            boolean create = e.path("op").asText().equals("create");
            Map<UserAttribute, AttributeChange> changes = new EnumMap<>(UserAttribute.class);
            for (JsonNode c : e.path("changes")) {
                UserAttribute a = UserAttribute.byLabel(c.path("attribute").asText());
                if (a != null) {
                    changes.put(a, new AttributeChange(a, c.path("from").asText(""), c.path("to").asText(""),
                            c.hasNonNull("old") ? c.get("old") : null));
                }
            }
            Map<UserAttribute, String> written = new EnumMap<>(UserAttribute.class);
            e.path("values").properties().forEach(f -> {
                UserAttribute a = UserAttribute.byLabel(f.getKey());
                if (a != null) {
                    written.put(a, f.getValue().asText());
                }
            });
            if (known == null) {
                users.put(key, new RecordedUser(e.get("userName").asText(), e.path("line").asLong(0), create,
                        e.path("id").asText(null), e.path("etag").asText(null), changes, written));
                continue;
            }
            // A later step of the same import (a resumed run): the first state is the one to go back to; the last
            // value written is the one to find on the server.
            Map<UserAttribute, AttributeChange> merged = new EnumMap<>(UserAttribute.class);
            merged.putAll(known.changes());
            Map<UserAttribute, String> mergedWritten = new EnumMap<>(UserAttribute.class);
            mergedWritten.putAll(known.written());
            changes.forEach((a, c) -> {
                AttributeChange first = merged.get(a);
                merged.put(a, first == null ? c : new AttributeChange(a, first.from(), c.to(), first.old()));
                mergedWritten.computeIfPresent(a, (k, v) -> c.to());
            });
            if (known.created()) {
                // Changes to a user the import created are part of what it wrote, not a state to go back to.
                merged.clear();
            }
            mergedWritten.putAll(written);
            users.put(key, new RecordedUser(known.userName(), known.line(), known.created(),
                    known.id() != null ? known.id() : e.path("id").asText(null), known.etag(), merged, mergedWritten));
        }
        return List.copyOf(users.values());
    }

    private static List<RecordedGroup> groups(List<JsonNode> entries) {
        Map<String, RecordedGroup> groups = new LinkedHashMap<>();
        for (JsonNode e : entries) {
            String type = e.path("type").asText();
            if (!e.hasNonNull("group")) {
                continue;
            }
            String key = e.path("group").asText().toLowerCase(Locale.ROOT);
            RecordedGroup known = groups.get(key);
            if (type.equals("op")) {
                if (known != null && known.id() == null && e.hasNonNull("id")) {
                    groups.put(key, new RecordedGroup(known.name(), e.get("id").asText(),
                            known.created() && e.path("madeGroup").asBoolean(false),
                            known.added(), known.removed()));
                }
                continue;
            }
            if (!type.equals("before")) {
                continue;
            }
            List<Member> added = new ArrayList<>();
            e.path("add").forEach(m -> added.add(new Member(m.path("id").asText(), m.path("userName").asText())));
            List<Member> removed = new ArrayList<>();
            e.path("remove").forEach(m -> removed.add(new Member(m.path("id").asText(),
                    m.hasNonNull("display") ? m.get("display").asText() : m.path("id").asText())));
            if (known == null) {
                boolean create = e.path("op").asText().equals("group-create") && !e.hasNonNull("groupId");
                groups.put(key, new RecordedGroup(e.path("group").asText(), e.path("groupId").asText(null), create,
                        added, removed));
            } else {
                List<Member> allAdded = new ArrayList<>(known.added());
                added.stream().filter(m -> allAdded.stream().noneMatch(k -> k.id().equals(m.id()))).forEach(allAdded::add);
                List<Member> allRemoved = new ArrayList<>(known.removed());
                removed.stream().filter(m -> allRemoved.stream().noneMatch(k -> k.id().equals(m.id()))).forEach(allRemoved::add);
                groups.put(key, new RecordedGroup(known.name(), known.id() != null ? known.id() : e.path("groupId").asText(null),
                        known.created(), allAdded, allRemoved));
            }
        }
        return List.copyOf(groups.values());
    }

    /**
     * The users an earlier undo deleted, by id, from its own journal: a server that answers DELETE by deactivating
     * (NinjaOne's way) still lists them, and they must not be deleted "again".
     */
    public static java.util.Set<String> deletedBy(Path undoJournal) {
        java.util.Set<String> ids = new java.util.HashSet<>();
        try {
            Journal.readLines(undoJournal, n -> "move it away, or give another with " + n.of(Setting.JOURNAL) + " FILE",
                    (number, text, e, cut) -> {
                if (e != null && e.path("type").asText().equals("op") && e.path("op").asText().equals("delete")
                        && e.path("outcome").asText().equals("done") && e.hasNonNull("id")) {
                    ids.add(e.get("id").asText());
                }
            });
        } catch (NoSuchFileException e) {
            return ids;
        } catch (IOException e) {
            throw new InputException(undoJournal + ": cannot read the undo's journal (" + e.getMessage() + ")", e);
        }
        return ids;
    }
}
