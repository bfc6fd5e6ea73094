package dev.scimctl.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Says why a file operation failed in words a person can act on: which path, what was attempted, and, for a refused
 * permission, which right the account lacks on which file or folder ("no write permission on the folder /etc (owner
 * root, mode rwxr-xr-x)"), rather than Java's bare "AccessDeniedException: /etc/x".
 */
public final class FileProblems {
    /** What was attempted; each needs different rights. */
    public enum Operation {
        READ("read"), WRITE("write"), CREATE("create");

        private final String verb;

        Operation(String verb) {
            this.verb = verb;
        }

        public String verb() {
            return verb;
        }
    }

    private FileProblems() {
    }

    /** "cannot write /x/config.json: no write permission on the folder /x (owner root, mode rwxr-xr-x)". */
    public static String describe(Operation op, Path path, IOException e) {
        return "cannot " + op.verb() + " " + path + ": " + reason(op, path, e);
    }

    /** The reason alone, for messages that already name the path and operation. */
    public static String reason(Operation op, Path path, IOException e) {
        if (e instanceof NoSuchFileException n) {
            Path missing = n.getFile() == null ? path : Path.of(n.getFile());
            Path parent = missing.toAbsolutePath().getParent();
            if (op != Operation.READ && parent != null && !Files.isDirectory(parent)) {
                return "the folder " + parent + " does not exist";
            }
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return missingRight(op, path);
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /**
     * The right the account lacks. Reading needs read on the file and search on every folder above; writing (in
     * scimctl, always by a rename beside the file) and creating need write on the folder.
     */
    static String missingRight(Operation op, Path path) {
        String account = System.getProperty("user.name");
        Path absolute = path.toAbsolutePath().normalize();
        for (Path dir = absolute.getParent(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir) && !Files.isExecutable(dir)) {
                return "the account " + account + " has no search (x) permission on the folder " + dir + owner(dir);
            }
        }
        if (op == Operation.READ) {
            if (Files.exists(absolute, LinkOption.NOFOLLOW_LINKS) && !Files.isReadable(absolute)) {
                return "the account " + account + " has no read permission on it" + owner(absolute);
            }
        } else {
            Path dir = absolute.getParent();
            while (dir != null && !Files.isDirectory(dir)) {
                dir = dir.getParent();
            }
            if (dir != null && !Files.isWritable(dir)) {
                return "the account " + account + " has no write permission on the folder " + dir + owner(dir);
            }
            if (Files.exists(absolute) && !Files.isWritable(absolute)) {
                return "the account " + account + " has no write permission on it" + owner(absolute);
            }
        }
        return "permission denied (for the account " + account + ")";
    }

    /** " (owner root, mode rwxr-xr-x)", or nothing where the file system has no POSIX permissions. */
    static String owner(Path path) {
        try {
            PosixFileAttributes a = Files.readAttributes(path, PosixFileAttributes.class);
            return " (owner " + a.owner().getName() + ", mode " + PosixFilePermissions.toString(a.permissions()) + ")";
        } catch (IOException | UnsupportedOperationException e) {
            return "";
        }
    }
}
