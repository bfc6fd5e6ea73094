package dev.scimctl.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.scimctl.InputException;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A lock that one scimctl process holds while it changes something another must not change at the same time: a
 * server an import writes to, a journal, a mapping file. It is the operating system's lock on a small file, so it
 * goes when its process goes, however it ends; the file says who holds it (pid, host, start time, command) so the
 * process that finds it taken can name the holder.
 *
 * <p>The file is emptied, not deleted, on release: deleting would let a third process lock a new file while a
 * second still waits on the old one. A file that still names a holder when its lock is free was left by a process
 * that died: it is taken over, with a notice.
 */
public final class RunLock implements AutoCloseable {
    private static final ObjectMapper JSON = JsonMapper.builder().build();
    /**
     * The locks this JVM holds, with their holder text. The operating system's locks are per process, and closing any
     * descriptor of a locked file drops them (POSIX), so a second run in the same JVM must not even open the file.
     */
    private static final Map<Path, String> HELD_HERE = new ConcurrentHashMap<>();

    private final Path key;
    private final FileChannel channel;
    private final FileLock lock;

    private RunLock(Path key, FileChannel channel, FileLock lock) {
        this.key = key;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * The lock file for {@code key} (a server URL, a file's real path) in {@code dir}: {@code kind-<digest>.lock},
     * so that any text maps to a safe, fixed-length name.
     */
    public static Path fileFor(Path dir, String kind, String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return dir.resolve(kind + "-" + HexFormat.of().formatHex(digest, 0, 8) + ".lock");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Takes the lock at once or refuses.
     *
     * @param file    the lock file (its folder is created, 0700)
     * @param what    what is locked, for the message: "the server https://…/scim/v2"
     * @param command what this process does, recorded for the next one: "import users.csv"
     * @param notices where to say that a dead process's lock was taken over
     * @throws LockedException when another process holds it, naming that process
     */
    public static RunLock acquire(Path file, String what, String command, Instant now, Consumer<String> notices) {
        Path key = file.toAbsolutePath().normalize();
        FileChannel channel = null;
        synchronized (HELD_HERE) {
            String here = HELD_HERE.get(key);
            if (here != null) {
                throw locked(what, here, file);
            }
            HELD_HERE.put(key, "");
        }
        try {
            PrivateFolders.create(key.getParent());
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            String previous = read(channel);
            if (lock == null) {
                channel.close();
                throw locked(what, previous, file);
            }
            if (!previous.isBlank()) {
                notices.accept("took over the lock on " + what + " left by a scimctl that is no longer running ("
                        + describe(previous) + ")");
            }
            Map<String, Object> holder = new LinkedHashMap<>();
            holder.put("pid", ProcessHandle.current().pid());
            holder.put("host", hostName());
            holder.put("started", now.toString());
            holder.put("command", command);
            byte[] bytes = (JSON.writeValueAsString(holder) + "\n").getBytes(StandardCharsets.UTF_8);
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(bytes), 0);
            channel.force(false);
            HELD_HERE.put(key, new String(bytes, StandardCharsets.UTF_8));
            return new RunLock(key, channel, lock);
        } catch (LockedException e) {
            HELD_HERE.remove(key);
            throw e;
        } catch (IOException | RuntimeException e) {
            HELD_HERE.remove(key);
            closeQuietly(channel);
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new InputException(FileProblems.describe(Files.exists(file) ? FileProblems.Operation.WRITE
                    : FileProblems.Operation.CREATE, file, (IOException) e) + " (the lock that keeps two runs apart)");
        }
    }

    private static LockedException locked(String what, String holder, Path file) {
        return new LockedException(what + " is in use by another scimctl (" + describe(holder) + "): wait for it to "
                + "finish, or stop it; both at once would do the same work twice (lock file " + file + ")");
    }

    /** "pid 4711 on host build-1, started 2026-12-02T04:30:00Z: import users.csv". */
    static String describe(String holderJson) {
        try {
            JsonNode n = JSON.readTree(holderJson);
            if (n == null || !n.isObject()) {
                return "holder unknown";
            }
            return "pid " + n.path("pid").asText("?") + " on host " + n.path("host").asText("?") + ", started "
                    + n.path("started").asText("?") + (n.hasNonNull("command") ? ": " + n.get("command").asText() : "");
        } catch (IOException e) {
            return "holder unknown";
        }
    }

    private static String read(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(4096);
        int n = channel.read(buffer, 0);
        return n <= 0 ? "" : new String(buffer.array(), 0, n, StandardCharsets.UTF_8);
    }

    /** The host name without a DNS look-up, which can hang on a machine whose name does not resolve. */
    private static String hostName() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
        } catch (IOException | RuntimeException e) {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (IOException e2) {
                return "unknown";
            }
        }
    }

    /** Empties the file (this run ended cleanly) and releases the lock. */
    @Override
    public void close() {
        try {
            channel.truncate(0);
        } catch (IOException ignored) {
            // the lock goes with the channel anyway; a stale holder line is taken over next time
        }
        try {
            lock.release();
        } catch (IOException ignored) {
            // closing the channel releases it too
        }
        closeQuietly(channel);
        HELD_HERE.remove(key);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to do
            }
        }
    }
}
