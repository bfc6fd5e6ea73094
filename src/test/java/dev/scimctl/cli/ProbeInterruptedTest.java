package dev.scimctl.cli;

import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code probe --write} stopped while it works (Ctrl-C, a TERM from a CI job's timeout) in a real process: the
 * throwaway users and group it made are removed before it ends, and it says so. They stayed in the tenant, silently.
 */
@Timeout(120)
class ProbeInterruptedTest {
    /** Slow enough that the probe is still at work when it is stopped. */
    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create(b -> b.latency(Duration.ofMillis(150)));

    @TempDir
    Path dir;

    @Test
    void a_probe_with_write_stopped_half_way_removes_its_throwaway_users_and_says_so() throws Exception {
        server.seedUsers(2);
        ProcessBuilder pb = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.scimctl.ScimCtl", "probe", "--write", "-o", "json")).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SCIMCTL_") || k.toLowerCase(java.util.Locale.ROOT).endsWith("_proxy"));
        pb.environment().put("SCIMCTL_URL", server.baseUrl());
        pb.environment().put("SCIMCTL_TOKEN", server.token());
        pb.environment().put("SCIMCTL_CONFIG_DIR", dir.resolve("config").toString());
        pb.environment().put("SCIMCTL_CACHE_DIR", dir.resolve("cache").toString());
        pb.redirectOutput(dir.resolve("out.txt").toFile());
        pb.redirectError(dir.resolve("err.txt").toFile());
        Process p = pb.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (probeUsers() < 3 && p.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(probeUsers()).as("the throwaway users, made").isEqualTo(3);
        Thread.sleep(500); // into the read checks, with more requests to come

        p.destroy(); // SIGTERM: the JVM runs its shutdown hooks, as on Ctrl-C
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String err = Files.readString(dir.resolve("err.txt"));
        assertThat(probeUsers()).as("throwaway users left; stderr: " + err).isZero();
        assertThat(server.store().groups().stream().filter(g -> g.path("displayName").asText().startsWith("scimctl-probe-")))
                .isEmpty();
        assertThat(server.store().users()).hasSize(2);
        assertThat(err).contains("probe: interrupted: removing the throwaway users and group (scimctl-probe-")
                .contains("probe: removed them: the server is as the probe found it");
    }

    private static long probeUsers() {
        return server.store().users().stream().filter(u -> u.path("userName").asText().startsWith("scimctl-probe-")).count();
    }
}
