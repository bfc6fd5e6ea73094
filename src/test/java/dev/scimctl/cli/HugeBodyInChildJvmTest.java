package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.testing.FaultProxy;
import dev.scimctl.testing.FaultProxy.Fault;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server that answers a listing with a gigabyte: a real scimctl process with a 64 MB heap stops reading at the
 * limit and exits 6, its resident memory far below what the body would take.
 */
@EnabledOnOs(OS.LINUX) // reads the peak resident size from /proc
@Timeout(180)
class HugeBodyInChildJvmTest {
    private static final long GIGABYTE = 1024L * 1024 * 1024;

    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @TempDir
    Path dir;

    @Test
    void a_one_gigabyte_body_at_xmx64m_is_exit_6_with_the_process_well_under_400_mb() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            proxy.rule(r -> r.path().endsWith("/Users") ? Fault.hugeBody("application/scim+json",
                    "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:ListResponse\"],\"Resources\":[{\"id\":\"",
                    GIGABYTE, false) : Fault.forward());
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx64m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "dev.scimctl.ScimCtl",
                    "users", "list", "--url", proxy.baseUrl());
            pb.environment().put("SCIMCTL_TOKEN", server.token());
            pb.environment().put("SCIMCTL_CONFIG_DIR", dir.toString());
            pb.environment().put("SCIMCTL_CACHE_DIR", dir.resolve("cache").toString());
            pb.redirectErrorStream(true);
            pb.redirectOutput(dir.resolve("output.txt").toFile());
            Process p = pb.start();
            long peakKb = 0;
            while (p.isAlive()) {
                peakKb = Math.max(peakKb, peakResidentKb(p.pid()));
                p.waitFor(20, TimeUnit.MILLISECONDS);
            }
            String output = Files.readString(dir.resolve("output.txt"));
            assertThat(p.exitValue()).as(output).isEqualTo(ExitCode.SERVER);
            assertThat(output).contains("past the limit of 33554432 bytes").doesNotContain("OutOfMemoryError")
                    .doesNotContain("\tat ");
            assertThat(peakKb).as("peak resident KB").isPositive().isLessThan(400 * 1024);
        }
    }

    /** VmHWM of a running process, in KB; 0 once it is gone. */
    private static long peakResidentKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // exited between the check and the read
        }
        return 0;
    }
}
