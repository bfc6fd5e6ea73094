package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refused permission names the path, what was attempted and the right the account lacks. Root is refused
 * nothing, so as root the command runs in a child process as the account "nobody" (setpriv), from a copy of the
 * class path that account can read.
 */
class PermissionMessagesTest {
    @TempDir
    Path dir;

    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    @Test
    void a_config_folder_that_cannot_be_written_or_a_file_that_cannot_be_read_is_explained() throws Exception {
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path locked = Files.createDirectories(dir.resolve("locked"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
        String account = ROOT ? "nobody" : System.getProperty("user.name");
        String owner = Files.getOwner(locked).getName();

        CliResult create = run(locked, "config", "set-profile", "demo", "--url", "https://a.example/scim");
        assertThat(create.exitCode()).as(create.describe()).isEqualTo(ExitCode.INPUT);
        assertThat(create.err()).contains("cannot create " + locked.resolve("config.json") + ": the account " + account
                + " has no write permission on the folder " + locked + " (owner " + owner + ", mode r-xr-xr-x)");

        Path readable = Files.createDirectories(dir.resolve("readable"));
        Files.setPosixFilePermissions(readable, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = Files.writeString(readable.resolve("config.json"), "{\"profiles\": {}}");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("-w-------"));
        CliResult read = run(readable, "config", "list");
        assertThat(read.exitCode()).as(read.describe()).isEqualTo(ExitCode.INPUT);
        assertThat(read.err()).contains("cannot read " + config + ": the account " + account
                + " has no read permission on it (owner " + Files.getOwner(config).getName() + ", mode -w-------)");
    }

    private CliResult run(Path configDir, String... args) throws Exception {
        if (!ROOT) {
            return new CliRunner(configDir).env("HOME", dir.toString()).run(args);
        }
        List<String> command = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-cp", readableClassPath(), "dev.scimctl.ScimCtl"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("SCIMCTL_CONFIG_DIR", configDir.toString());
        pb.environment().put("HOME", dir.toString());
        pb.redirectOutput(dir.resolve("out.log").toFile());
        pb.redirectError(dir.resolve("err.log").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new CliResult(p.exitValue(), Files.readString(dir.resolve("out.log")), Files.readString(dir.resolve("err.log")));
    }

    private String readableClassPath() throws IOException {
        Path cp = dir.resolve("cp");
        if (Files.isDirectory(cp)) {
            return Files.readString(dir.resolve("cp.txt"));
        }
        Files.createDirectories(cp);
        List<String> entries = new ArrayList<>();
        int i = 0;
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            Path source = Path.of(entry);
            Path copy = cp.resolve(i++ + "-" + source.getFileName());
            if (Files.isDirectory(source)) {
                if (!source.endsWith(Path.of("target", "classes"))) {
                    continue;
                }
                try (var files = Files.walk(source)) {
                    for (Path f : (Iterable<Path>) files::iterator) {
                        Path to = copy.resolve(source.relativize(f).toString());
                        if (Files.isDirectory(f)) {
                            Files.createDirectories(to);
                        } else {
                            Files.copy(f, to);
                        }
                    }
                }
            } else if (Files.isRegularFile(source)) {
                try {
                    Files.createLink(copy, source); // instant where the two are on one file system
                } catch (IOException | UnsupportedOperationException e) {
                    Files.copy(source, copy);
                }
            } else {
                continue;
            }
            entries.add(copy.toString());
        }
        // Folders and copied classes readable by all; linked jars keep their own mode (they are the originals).
        try (var files = Files.walk(cp)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                if (Files.isDirectory(f)) {
                    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
                } else if (!f.toString().endsWith(".jar")) {
                    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-r--r--"));
                }
            }
        }
        String joined = String.join(java.io.File.pathSeparator, entries);
        Files.writeString(dir.resolve("cp.txt"), joined);
        return joined;
    }
}
