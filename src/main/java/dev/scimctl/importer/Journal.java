package dev.scimctl.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.scimctl.InputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The import's log of what it did: one JSON object a line, appended and handed to the operating system as each
 * operation completes, so that a crash, a kill or Ctrl-C loses at most the operations in flight. A run starts with a
 * {@code start} line and, when it got to the end, closes with an {@code end} line; a {@code start} without an
 * {@code end} is an interrupted run.
 *
 * <p>Resuming does not trust the journal to say what is left: the next run re-reads the server, which knows. The
 * journal says that the previous run was interrupted, and what it had done, for the report and for people.
 */
public final class Journal implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final Path path;
    private final OutputStream out;
    private final Clock clock;
    private long lines;

    private Journal(Path path, OutputStream out, Clock clock) {
        this.path = path;
        this.out = out;
        this.clock = clock;
    }

    /** {@code users.csv} → {@code users.csv.journal}, beside the input. */
    public static Path defaultFor(Path input) {
        return input.resolveSibling(input.getFileName() + ".journal");
    }

    /** Opens (or creates) the journal for appending, and writes this run's {@code start} line. */
    public static Journal open(Path path, Map<String, Object> start, Clock clock) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            // Unbuffered: each line is one write() to the operating system, so a killed process leaves whole lines.
            OutputStream out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE);
            Journal journal = new Journal(path, out, clock);
            journal.startLine(start);
            return journal;
        } catch (IOException e) {
            throw new InputException(path + ": cannot write the journal (" + e.getMessage()
                    + "): choose another place with --journal FILE", e);
        }
    }

    public Path path() {
        return path;
    }

    private void startLine(Map<String, Object> start) {
        write("start", start);
    }

    /**
     * Appends what one operation is about to change, as the server holds it now (type "before"): written before the
     * operation's first request, so that an interrupted run can be undone too ({@link UndoRecords}).
     */
    public void before(Map<String, Object> state) {
        write("before", state);
    }

    /** Appends one completed operation (type "op"). */
    public void record(Map<String, Object> operation) {
        write("op", operation);
    }

    /** Marks the run as finished. */
    public void end(Map<String, Object> summary) {
        write("end", summary);
    }

    /** Lines written by this run. */
    public synchronized long lines() {
        return lines;
    }

    /** One line; the time is taken under the lock, so that the lines are in time order. */
    private synchronized void write(String type, Map<String, Object> fields) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", type);
        entry.put("at", clock.instant().toString());
        entry.putAll(fields);
        try {
            byte[] line = (JSON.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
            out.write(line);
            out.flush();
            lines++;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a journal entry", e);
        } catch (IOException e) {
            throw new UncheckedIOException(new IOException(path + ": cannot append to the journal: " + e.getMessage(), e));
        }
    }

    @Override
    public synchronized void close() {
        try {
            out.close();
        } catch (IOException ignored) {
            // every line was flushed when it was written
        }
    }

    // ---- reading ----------------------------------------------------------------------------------------------

    /**
     * The last run a journal records.
     *
     * @param started    when it started
     * @param file       the input it read
     * @param sha256     the input's digest
     * @param url        the server it wrote to
     * @param finished   whether it has an {@code end} line
     * @param operations its completed operations
     * @param failures   how many of them failed
     * @param done       by userName key: what it did successfully to that user ("create", "update", "deactivate")
     */
    public record LastRun(String started, String file, String sha256, String url, boolean finished, long operations,
                          long failures, Map<String, String> done) {
    }

    /** The last run in the journal at {@code path}, or null when there is no journal (or no run in it). */
    public static LastRun lastRun(Path path) {
        try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            LastRun run = null;
            Map<String, String> done = new HashMap<>();
            long ops = 0;
            long failures = 0;
            for (String line; (line = reader.readLine()) != null; ) {
                JsonNode entry = parse(line);
                if (entry == null) {
                    continue; // a line cut off by a crash: the operation it described is re-checked anyway
                }
                switch (entry.path("type").asText()) {
                    case "start" -> {
                        done = new HashMap<>();
                        ops = 0;
                        failures = 0;
                        run = new LastRun(text(entry, "at"), text(entry, "file"), text(entry, "sha256"),
                                text(entry, "url"), false, 0, 0, done);
                    }
                    case "op" -> {
                        ops++;
                        if ("failed".equals(text(entry, "outcome"))) {
                            failures++;
                        } else if (entry.hasNonNull("userName") && !entry.hasNonNull("group")) {
                            done.put(ImportRow.key(entry.get("userName").asText()), text(entry, "op"));
                        }
                        if (run != null) {
                            run = new LastRun(run.started(), run.file(), run.sha256(), run.url(), false, ops, failures, done);
                        }
                    }
                    case "end" -> {
                        if (run != null) {
                            run = new LastRun(run.started(), run.file(), run.sha256(), run.url(), true, ops, failures, done);
                        }
                    }
                    default -> {
                        // unknown entries from a newer scimctl are ignored
                    }
                }
            }
            return run;
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new InputException(path + ": cannot read the journal (" + e.getMessage()
                    + "): fix its permissions, or give another one with --journal FILE", e);
        }
    }

    private static JsonNode parse(String line) {
        if (line.isBlank()) {
            return null;
        }
        try {
            JsonNode n = JSON.readTree(line);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
