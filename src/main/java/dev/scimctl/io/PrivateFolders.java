package dev.scimctl.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Folders that only their owner may use (the config folder, the state folder), and the check that ssh makes before
 * it trusts a file: no other account may be able to write it, or the folder it is in.
 */
public final class PrivateFolders {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private PrivateFolders() {
    }

    /** Creates {@code dir} (and missing parents) as 0700 whatever the umask; an existing folder is left as it is. */
    public static void create(Path dir) throws IOException {
        Path absolute = dir.toAbsolutePath();
        if (Files.isDirectory(absolute)) {
            return;
        }
        List<Path> missing = new ArrayList<>();
        for (Path p = absolute; p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(p);
        }
        if (AtomicFile.POSIX) {
            Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            for (Path p : missing) {
                Files.setPosixFilePermissions(p, OWNER_ONLY); // the umask may have taken bits away; 000 adds none
            }
        } else {
            Files.createDirectories(absolute);
        }
    }

    /**
     * Why {@code path} cannot be trusted to hold or point at a token: it is writable by the group or by others, or it
     * belongs to another account (which may change it whatever its mode), as ssh checks its keys: the owner must be
     * this account or root. Empty when it is safe, does not exist, or the file system has no POSIX permissions. The
     * message ends with the command that fixes it.
     */
    public static Optional<String> writableByOthers(Path path) {
        if (!AtomicFile.POSIX || !Files.exists(path)) {
            return Optional.empty();
        }
        try {
            Set<PosixFilePermission> mode = Files.getPosixFilePermissions(path);
            String what = Files.isDirectory(path) ? "the folder " : "";
            if (mode.contains(PosixFilePermission.GROUP_WRITE) || mode.contains(PosixFilePermission.OTHERS_WRITE)) {
                return Optional.of(what + path + " is writable by other accounts (mode " + PosixFilePermissions.toString(mode)
                        + "), so one of them could change where the token is sent: run 'chmod go-w " + path + "'");
            }
            int owner = (Integer) Files.getAttribute(path, "unix:uid");
            int self = CurrentAccount.UID;
            if (self >= 0 && owner != self && owner != 0) {
                return Optional.of(what + path + " belongs to another account (" + Files.getOwner(path).getName()
                        + "), which could change where the token is sent: if it is yours, run 'sudo chown "
                        + System.getProperty("user.name") + " " + path + "'; if not, keep your profiles in a folder "
                        + "of your own");
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // no unix:uid here (not Linux or macOS): the mode alone is checked
        }
    }

    /** The uid this process runs as, or -1 where it cannot be known: only then is the owner not checked. */
    private static final class CurrentAccount {
        static final int UID = uid();

        private static int uid() {
            try {
                return (Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid"); // Linux: the process's own uid
            } catch (IOException | RuntimeException e) {
                try {
                    return (int) new com.sun.security.auth.module.UnixSystem().getUid();
                } catch (LinkageError | RuntimeException e2) {
                    return -1;
                }
            }
        }
    }
}
