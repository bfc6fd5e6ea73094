package dev.scimctl.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.scimctl.InputException;
import dev.scimctl.Setting;
import dev.scimctl.io.BoundedLines;
import dev.scimctl.io.FileProblems;
import dev.scimctl.io.PrivateFolders;
import dev.scimctl.io.Sizes;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.FileSystems;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
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
 *
 * <p>The format is open to additions: every line is one JSON object with a {@code type} and an {@code at} time;
 * readers skip types and fields they do not know, so a newer scimctl may add kinds of line (undo records, say) that
 * an older one passes over. A crash or a full disk can leave the last line cut in half: reading ignores it, and the
 * next run ends it with a line break before it appends, so that its own first line stands alone. A line longer than
 * {@link #MAX_LINE_BYTES}, or one that is not UTF-8, means that the file is not a journal, and is refused.
 */
public final class Journal implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    private static final Charset UTF8 = StandardCharsets.UTF_8;
    /** The longest line this reads: an operation with a server's error detail takes a few KiB at most. */
    public static final int MAX_LINE_BYTES = Sizes.MIB;

    private final Path path;
    private final OutputStream out;
    private final Clock clock;
    private final boolean endedCut;
    private long lines;

    private Journal(Path path, OutputStream out, Clock clock, boolean endedCut) {
        this.path = path;
        this.out = out;
        this.clock = clock;
        this.endedCut = endedCut;
    }

    /**
     * The journal of an input in {@code folder} (the state folder's journals): {@code users.csv} →
     * {@code users.csv-<12 hex digits of its absolute path's SHA-256>.journal}, so that two {@code users.csv} in
     * different folders have a journal each, and the same file always finds its own.
     */
    public static Path defaultFor(Path folder, Path input) {
        Path absolute = input.toAbsolutePath().normalize();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(absolute.toString().getBytes(StandardCharsets.UTF_8));
            return folder.resolve(absolute.getFileName() + "-" + HexFormat.of().formatHex(digest, 0, 6) + ".journal");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Where scimctl kept journals before the state folder: {@code users.csv.journal}, beside the input. */
    public static Path besideInput(Path input) {
        return input.resolveSibling(input.getFileName() + ".journal");
    }

    /** Opens (or creates) the journal for appending, and writes this run's {@code start} line. */
    public static Journal open(Path path, Map<String, Object> start, Clock clock) {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                PrivateFolders.create(parent);
            }
            // Unbuffered: each line is one write() to the operating system, so a killed process leaves whole lines.
            // 0600 when created: a journal names users.
            OutputStream out = Channels.newOutputStream(Files.newByteChannel(path, Set.of(StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND, StandardOpenOption.WRITE), privateMode()));
            boolean cut = endsCut(path);
            if (cut) {
                out.write('\n'); // the cut line stays as it is, on a line of its own; this run's lines stand alone
            }
            Journal journal = new Journal(path, out, clock, cut);
            journal.startLine(start);
            return journal;
        } catch (IOException e) {
            String problem = FileProblems.describe(Files.exists(path) ? FileProblems.Operation.WRITE
                    : FileProblems.Operation.CREATE, path, e);
            throw new InputException(n -> problem + ": choose another place for the journal with "
                    + n.of(Setting.JOURNAL) + " FILE", e);
        }
    }

    private static FileAttribute<?>[] privateMode() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[]{PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    /** Whether the file's last byte is not a line break: the last line was cut off by a crash or a full disk. */
    private static boolean endsCut(Path path) throws IOException {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size == 0) {
                return false;
            }
            ByteBuffer last = ByteBuffer.allocate(1);
            ch.read(last, size - 1);
            return last.get(0) != '\n';
        }
    }

    public Path path() {
        return path;
    }

    /** Whether the journal ended in a cut line when this run opened it (and so got a line break first). */
    public boolean endedCut() {
        return endedCut;
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
     * @param cutLine    the number of the journal's last line when it was cut off (a crash, a full disk), else 0
     */
    public record LastRun(String started, String file, String sha256, String url, boolean finished, long operations,
                          long failures, Map<String, String> done, long cutLine) {
        LastRun withCutLine(long line) {
            return new LastRun(started, file, sha256, url, finished, operations, failures, done, line);
        }
    }

    /** Whether two base URLs a journal records name one server (a trailing slash and case aside); null is none. */
    static boolean sameServer(String a, String b) {
        return a != null && b != null && strip(a).equalsIgnoreCase(strip(b));
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The last run in the journal at {@code path}, or null when there is no journal (or no run in it). */
    public static LastRun lastRun(Path path) {
        LastRunReader reader = new LastRunReader();
        try {
            readLines(path, n -> "move it away, or give another with " + n.of(Setting.JOURNAL) + " FILE", reader);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            String problem = FileProblems.describe(FileProblems.Operation.READ, path, e);
            throw new InputException(n -> problem + ": fix its permissions, or give another journal with "
                    + n.of(Setting.JOURNAL) + " FILE", e);
        }
        return reader.run == null || reader.cutLine == 0 ? reader.run : reader.run.withCutLine(reader.cutLine);
    }

    /** Follows a journal's lines to its last run. */
    private static final class LastRunReader implements LineVisitor {
        private LastRun run;
        private Map<String, String> done = new HashMap<>();
        private long ops;
        private long failures;
        private long cutLine;

        @Override
        public void line(long number, String text, JsonNode entry, boolean cut) {
            if (entry == null) {
                if (cut) {
                    cutLine = number;
                }
                return; // a line cut off by a crash: the operation it described is re-checked anyway
            }
            switch (entry.path("type").asText()) {
                case "start" -> {
                    done = new HashMap<>();
                    ops = 0;
                    failures = 0;
                    run = new LastRun(text(entry, "at"), text(entry, "file"), text(entry, "sha256"),
                            text(entry, "url"), false, 0, 0, done, 0);
                }
                case "op" -> {
                    ops++;
                    if ("failed".equals(text(entry, "outcome"))) {
                        failures++;
                    } else if (entry.hasNonNull("userName") && !entry.hasNonNull("group")) {
                        done.put(ImportRow.key(entry.get("userName").asText()), text(entry, "op"));
                    }
                    if (run != null) {
                        run = new LastRun(run.started(), run.file(), run.sha256(), run.url(), false, ops, failures, done, 0);
                    }
                }
                case "end" -> {
                    if (run != null) {
                        run = new LastRun(run.started(), run.file(), run.sha256(), run.url(), true, ops, failures, done, 0);
                    }
                }
                default -> {
                    // unknown entries from a newer scimctl are ignored
                }
            }
        }
    }

    /** One line of a journal, as {@link #readLines} hands it over. */
    @FunctionalInterface
    public interface LineVisitor {
        /**
         * @param number the line's number, from 1
         * @param text   the line (empty when it is not UTF-8 because it was cut in the middle of a character)
         * @param entry  its JSON object, or null for a blank line or one that is not (a line cut off by a crash)
         * @param cut    whether it is the file's last line and lacks its line break
         */
        void line(long number, String text, JsonNode entry, boolean cut);
    }

    /**
     * Reads a journal line by line, each at most {@link #MAX_LINE_BYTES} of UTF-8, so that a file that is not a
     * journal (one enormous line, binary bytes) is refused with its line number rather than filling the memory.
     * A last line cut in the middle of a character is handed over as cut, like any cut line.
     *
     * @param fix what to do about a file that is not a journal, said after the problem
     * @throws InputException for a file that is not a journal
     * @throws IOException    when it cannot be read ({@link NoSuchFileException} when it is not there)
     */
    public static void readLines(Path path, Setting.Message fix, LineVisitor visitor) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            BoundedLines lines = new BoundedLines(in, MAX_LINE_BYTES);
            for (byte[] bytes; (bytes = lines.next()) != null; ) {
                String line;
                try {
                    line = UTF8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
                } catch (CharacterCodingException e) {
                    long number = lines.number();
                    if (lines.lastWasCut()) {
                        visitor.line(number, "", null, true); // cut in the middle of a character
                        break;
                    }
                    throw new InputException(n -> path + ":" + number + ": the journal holds bytes that are not UTF-8 "
                            + "text, so it is not a scimctl journal (or was damaged): " + fix.in(n));
                }
                visitor.line(lines.number(), line, parseLine(line), lines.lastWasCut());
            }
        } catch (BoundedLines.TooLongException e) {
            throw new InputException(n -> path + ":" + e.line() + ": the journal has a line longer than "
                    + Sizes.human(MAX_LINE_BYTES) + ", so it is not a scimctl journal: " + fix.in(n));
        }
    }

    /** One journal line as a JSON object; null for a blank line or one that is not (a line cut off by a crash). */
    public static JsonNode parseLine(String line) {
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
