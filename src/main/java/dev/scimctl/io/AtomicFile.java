package dev.scimctl.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes a file so that readers see the old version or the new one, never half of either: into a temporary file
 * beside it, flushed to disk, then renamed over it. A file that holds a secret is mode 0600 from its first byte, not
 * chmod-ed afterwards, and stays 0600 whatever the umask. A symbolic link is followed: the link's target is replaced
 * (the temporary file beside the target, so the rename stays on one file system), never the link itself. What is
 * not a regular file (a device such as /dev/null, a pipe) is never replaced: it is written into.
 */
public final class AtomicFile {
    static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> SECRET = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> PLAIN = PosixFilePermissions.fromString("rw-r--r--");
    private static final int MAX_LINKS = 40;

    private AtomicFile() {
    }

    /** Something that writes the file's content. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, byte[] bytes, boolean secret) throws IOException {
        write(target, out -> out.write(bytes), secret, false);
    }

    /**
     * @param secret mode 0600 (else the mode of the file it replaces, or 0644 for a new one, the umask permitting)
     * @param backup keep the previous version as {@code target.bak}, beside the file actually written
     */
    public static void write(Path target, Content content, boolean secret, boolean backup) throws IOException {
        Path absolute = followLinks(target.toAbsolutePath());
        if (Files.isDirectory(absolute)) {
            // Said before a temporary file exists, whose name the move's error would show instead of the target's.
            throw new FileSystemException(target.toString(), null, "is a folder; name a file (in it or elsewhere)");
        }
        if (Files.exists(absolute) && !Files.isRegularFile(absolute)) {
            // A device or a pipe (--report /dev/null, --out /dev/stdout, a FIFO): written into, as the shell's '>'
            // does. A rename over it would put a regular file in its place, and for root that is /dev/null itself.
            try (OutputStream out = Files.newOutputStream(absolute, StandardOpenOption.WRITE)) {
                content.writeTo(out);
            }
            return;
        }
        Path dir = absolute.getParent();
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir);
        }
        Set<PosixFilePermission> mode = secret ? SECRET : existingMode(absolute);
        Path temp = POSIX
                ? Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp", PosixFilePermissions.asFileAttribute(mode))
                : Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        try {
            if (POSIX) {
                Files.setPosixFilePermissions(temp, mode); // exactly this mode, whatever the umask took away
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
                 OutputStream out = Channels.newOutputStream(channel)) {
                content.writeTo(out);
                out.flush();
                channel.force(true);
            }
            if (backup && Files.exists(absolute)) {
                Files.copy(absolute, absolute.resolveSibling(absolute.getFileName() + ".bak"),
                        StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The file a path names once its symbolic links are followed, also when the last target does not exist yet (a
     * dangling link is written through, creating its target). A loop of links is an error, as for the shell.
     */
    public static Path followLinks(Path path) throws IOException {
        Path p = path.toAbsolutePath();
        for (int i = 0; i < MAX_LINKS; i++) {
            if (!Files.isSymbolicLink(p)) {
                return p;
            }
            p = p.resolveSibling(Files.readSymbolicLink(p)).normalize();
        }
        throw new FileSystemException(path.toString(), null, "too many levels of symbolic links");
    }

    private static Set<PosixFilePermission> existingMode(Path file) {
        if (POSIX && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            try {
                return Files.getPosixFilePermissions(file);
            } catch (IOException e) {
                return PLAIN;
            }
        }
        return PLAIN;
    }
}
