package dev.scimctl.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RunLockTest {
    @TempDir
    Path dir;

    private final List<String> notices = new ArrayList<>();

    @Test
    void a_second_holder_is_refused_at_once_naming_the_first_and_may_take_it_after_release() throws Exception {
        Path file = RunLock.fileFor(dir.resolve("locks"), "server", "https://a.example:443/scim");
        Instant started = Instant.parse("2026-12-02T04:30:00Z");
        try (RunLock first = RunLock.acquire(file, "the server https://a.example/scim", "import users.csv", started, notices::add)) {
            assertThatThrownBy(() -> RunLock.acquire(file, "the server https://a.example/scim", "import other.csv",
                    Instant.now(), notices::add))
                    .isInstanceOf(LockedException.class)
                    .hasMessageStartingWith("the server https://a.example/scim is in use by another scimctl (pid "
                            + ProcessHandle.current().pid() + " on host ")
                    .hasMessageContaining(", started 2026-12-02T04:30:00Z: import users.csv): wait for it to finish, or stop it");
        }
        assertThat(file).isEmptyFile();
        try (RunLock second = RunLock.acquire(file, "the server", "import other.csv", Instant.now(), notices::add)) {
            assertThat(file).content().contains("\"command\":\"import other.csv\"");
        }
        assertThat(notices).as("a cleanly released lock is no news").isEmpty();
        assertThat(PosixPermissionsOf(file.getParent())).isEqualTo("rwx------");
    }

    @Test
    void a_lock_left_by_a_dead_process_is_taken_over_with_a_notice() throws Exception {
        Path file = RunLock.fileFor(dir, "journal", "/data/users.csv");
        Files.writeString(file, "{\"pid\":999999,\"host\":\"old-host\",\"started\":\"2026-12-01T10:00:00Z\",\"command\":\"import users.csv\"}\n");
        try (RunLock lock = RunLock.acquire(file, "the journal j", "import users.csv", Instant.now(), notices::add)) {
            assertThat(notices).containsExactly("took over the lock on the journal j left by a scimctl that is no longer "
                    + "running (pid 999999 on host old-host, started 2026-12-01T10:00:00Z: import users.csv)");
        }
    }

    @Test
    void keys_map_to_fixed_safe_names() {
        assertThat(RunLock.fileFor(dir, "mapping", "/a b/../c:\"d\"").getFileName().toString())
                .matches("mapping-[0-9a-f]{16}\\.lock");
    }

    private static String PosixPermissionsOf(Path p) throws Exception {
        return java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
