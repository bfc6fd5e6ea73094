package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Files an administrator names that are not what they should be (a CA file or a roles file that is /dev/zero, a disk
 * image, the wrong download): a real scimctl process with a 64 MB heap refuses each with its limit and exit 3, where
 * reading it whole ended in an OutOfMemoryError's stack trace and exit 1.
 */
@EnabledOnOs(OS.LINUX) // /dev/zero
@Timeout(180)
class HugeLocalFilesInChildJvmTest {
    @TempDir
    Path dir;

    @Test
    void a_ca_file_that_never_ends_is_exit_3_with_its_limit_not_an_out_of_memory_error() throws Exception {
        Result flag = run(Map.of(), "users", "list", "--url", "https://127.0.0.1:9/scim/v2", "--cacert", "/dev/zero");
        assertThat(flag.exit).as(flag.output).isEqualTo(ExitCode.INPUT);
        assertThat(flag.output).contains("error: the CA file /dev/zero (from --cacert) is larger than 16 MiB, more than"
                + " any file of CA certificates").doesNotContain("OutOfMemoryError").doesNotContain("\tat ");

        Result env = run(Map.of("SSL_CERT_FILE", "/dev/zero"), "users", "list", "--url", "https://127.0.0.1:9/scim/v2");
        assertThat(env.exit).as(env.output).isEqualTo(ExitCode.INPUT);
        assertThat(env.output).contains("the CA file /dev/zero (from SSL_CERT_FILE) is larger than 16 MiB")
                .doesNotContain("OutOfMemoryError");
    }

    @Test
    void a_roles_file_that_never_ends_is_exit_3_with_its_limit_and_the_mapping_is_not_written() throws Exception {
        Result r = run(Map.of(), "map-groups", "set", "Help Desk", "--type", "technician", "--role", "Technician",
                "--roles", "/dev/zero", "--mapping", dir.resolve("group-roles.json").toString());
        assertThat(r.exit).as(r.output).isEqualTo(ExitCode.INPUT);
        assertThat(r.output).contains("/dev/zero: the roles file is larger than 8 MiB")
                .doesNotContain("OutOfMemoryError").doesNotContain("\tat ");
        assertThat(dir.resolve("group-roles.json")).doesNotExist();
    }

    private record Result(int exit, String output) {
    }

    private Result run(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.scimctl.ScimCtl"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SCIMCTL_") || k.startsWith("SSL_CERT")
                || k.toLowerCase(java.util.Locale.ROOT).endsWith("_proxy"));
        pb.environment().put("SCIMCTL_CONFIG_DIR", dir.resolve("config").toString());
        pb.environment().put("SCIMCTL_CACHE_DIR", dir.resolve("cache").toString());
        pb.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        pb.environment().put("SCIMCTL_TOKEN", "a-token-of-a-realistic-length-0123456789");
        pb.environment().putAll(env);
        Path log = dir.resolve("output.txt");
        pb.redirectErrorStream(true);
        pb.redirectOutput(log.toFile());
        Process p = pb.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("scimctl " + String.join(" ", args) + " did not end: " + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log));
    }
}
