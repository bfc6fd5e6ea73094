package dev.scimctl.support;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.scimctl.Setting;
import dev.scimctl.importer.Journal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The last run an import journal records, as a support desk reads it: when, which file (by name and digest), which
 * server, whether it finished and its summary line, how many operations of each kind were done or failed, the first
 * failures' messages, and how many lines could not be read. User names are handed to {@code userNames} (so that
 * {@code --redact-users} can hide them) and not otherwise kept, except in the failure messages.
 */
public final class JournalSummary {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    static final int FAILURES_KEPT = 20;

    private JournalSummary() {
    }

    public static Map<String, Object> read(Path journal, Consumer<String> userNames) throws IOException {
        Reader r = new Reader(userNames);
        Journal.readLines(journal, n -> "give a readable one with " + n.of(Setting.JOURNAL) + " FILE", r);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("journal", journal.toString());
        m.put("runs", r.runs);
        m.put("unreadableLines", r.unreadable);
        if (r.last != null) {
            r.last.putIfAbsent("finished", false);
            r.last.put("operations", r.counts);
            r.last.put("firstFailures", r.failures);
            m.put("lastRun", r.last);
        }
        return m;
    }

    /** Follows the journal's lines, keeping only its last run's counts and failures. */
    private static final class Reader implements Journal.LineVisitor {
        private final Consumer<String> userNames;
        private Map<String, Object> last;
        private Map<String, Map<String, Integer>> counts = new TreeMap<>();
        private List<Map<String, Object>> failures = new ArrayList<>();
        private int runs;
        private int unreadable;

        Reader(Consumer<String> userNames) {
            this.userNames = userNames;
        }

        @Override
        public void line(long number, String text, JsonNode entry, boolean cut) {
            if (entry == null) {
                unreadable += cut || !text.isBlank() ? 1 : 0;
                return;
            }
            for (String field : new String[]{"userName", "added", "removed"}) {
                JsonNode v = entry.get(field);
                if (v != null && v.isTextual()) {
                    userNames.accept(v.asText());
                } else if (v != null && v.isArray()) {
                    v.forEach(x -> userNames.accept(x.asText()));
                }
            }
            switch (entry.path("type").asText()) {
                case "start" -> {
                    runs++;
                    last = new LinkedHashMap<>();
                    last.put("started", entry.path("at").asText(null));
                    last.put("file", entry.path("file").asText(null));
                    last.put("sha256", entry.path("sha256").asText(null));
                    last.put("url", entry.path("url").asText(null));
                    last.put("plannedChanges", entry.path("changes").isMissingNode() ? null : entry.get("changes"));
                    counts = new TreeMap<>();
                    failures = new ArrayList<>();
                }
                case "op" -> {
                    String op = entry.path("op").asText("?");
                    String outcome = entry.path("outcome").asText("?");
                    counts.computeIfAbsent(op, k -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
                    if ("failed".equals(outcome) && failures.size() < FAILURES_KEPT) {
                        Map<String, Object> f = new LinkedHashMap<>();
                        f.put("op", op);
                        if (entry.has("line")) {
                            f.put("line", entry.get("line").asInt());
                        }
                        f.put("error", entry.path("error").asText(null));
                        failures.add(f);
                    }
                }
                case "end" -> {
                    if (last != null) {
                        Map<String, Object> end = JSON.convertValue(entry, new TypeReference<>() { });
                        end.remove("type");
                        last.put("finished", end);
                    }
                }
                default -> {
                    // entries of a newer scimctl: counted under their type, not interpreted
                    counts.computeIfAbsent(entry.path("type").asText("?"), k -> new TreeMap<>()).merge("lines", 1, Integer::sum);
                }
            }
        }
    }
}
