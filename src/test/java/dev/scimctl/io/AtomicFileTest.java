package dev.scimctl.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AtomicFileTest {
    @TempDir
    Path dir;

    @Test
    void a_symbolic_link_is_written_through_and_stays_a_link() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path target = repo.resolve("group-roles.json");
        Files.writeString(target, "old\n");
        Path link = Files.createSymbolicLink(dir.resolve("group-roles.json"), Path.of("repo/group-roles.json"));

        AtomicFile.write(link, out -> out.write("new\n".getBytes(StandardCharsets.UTF_8)), false, true);

        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("repo/group-roles.json"));
        assertThat(target).hasContent("new");
        assertThat(repo.resolve("group-roles.json.bak")).as("the backup is beside the target").hasContent("old");
        assertThat(dir.resolve("group-roles.json.bak")).doesNotExist();
        assertThat(repo).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    @EnabledOnOs({OS.LINUX, OS.MAC}) // mkfifo
    void a_pipe_is_written_into_and_stays_a_pipe_never_replaced_by_a_regular_file() throws Exception {
        // A FIFO stands in for /dev/null or /dev/stdout, which a test must not risk replacing (as root, the rename
        // put a regular file in /dev/null's place for the whole machine).
        Path fifo = dir.resolve("report.csv");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(mkfifo.waitFor()).isZero();
        CompletableFuture<String> read = CompletableFuture.supplyAsync(() -> {
            try {
                return Files.readString(fifo);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        AtomicFile.write(fifo, out -> out.write("id,outcome\n".getBytes(StandardCharsets.UTF_8)), false, false);

        assertThat(read.get(10, TimeUnit.SECONDS)).isEqualTo("id,outcome\n");
        assertThat(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS)).as("still a FIFO").isFalse();
        assertThat(Files.exists(fifo)).isTrue();
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void a_dangling_link_creates_its_target_and_a_loop_is_refused() throws Exception {
        Path link = Files.createSymbolicLink(dir.resolve("a.json"), Path.of("b.json"));
        AtomicFile.write(link, "x".getBytes(StandardCharsets.UTF_8), false);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(dir.resolve("b.json")).hasContent("x");

        Path loop1 = dir.resolve("loop1");
        Files.createSymbolicLink(loop1, Path.of("loop2"));
        Files.createSymbolicLink(dir.resolve("loop2"), Path.of("loop1"));
        assertThatThrownBy(() -> AtomicFile.write(loop1, "x".getBytes(StandardCharsets.UTF_8), false))
                .isInstanceOf(FileSystemException.class).hasMessageContaining("too many levels of symbolic links");
    }

    @Test
    void a_folder_as_the_target_is_refused_by_its_own_name_and_nothing_is_left_behind() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("out"));
        Path link = Files.createSymbolicLink(dir.resolve("bundle.zip"), Path.of("out"));
        for (Path target : new Path[]{folder, link}) {
            assertThatThrownBy(() -> AtomicFile.write(target, "x".getBytes(StandardCharsets.UTF_8), true))
                    .isInstanceOf(FileSystemException.class)
                    .hasMessage(target + ": is a folder; name a file (in it or elsewhere)");
        }
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void a_secret_file_is_0600_and_a_replaced_file_keeps_its_mode() throws Exception {
        Path secret = dir.resolve("credentials.json");
        AtomicFile.write(secret, "{}".getBytes(StandardCharsets.UTF_8), true);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");

        Path plain = dir.resolve("group-roles.json");
        Files.writeString(plain, "old");
        Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFile.write(plain, "new".getBytes(StandardCharsets.UTF_8), false);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain))).isEqualTo("rw-rw----");
    }
}
