package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A file of any size streams, as stdin does: 3,000,000 rows at -Xmx64m, in a JVM of its own. The file is made here
 * and removed afterwards (about 100 MB).
 */
@Timeout(600)
class ValidateHugeFileTest {
    private static final int ROWS = 3_000_000;

    @TempDir
    Path dir;

    @Test
    void a_3_million_row_file_validates_in_a_64_mb_heap() throws Exception {
        Path file = dir.resolve("huge.csv");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                w.write("email,firstname,lastname,userType,organizationId\n");
                for (int i = 1; i <= ROWS; i++) {
                    w.write("u" + i + "@example.com,F" + i + ",L,endUser,All\n");
                }
            }
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            ProcessBuilder pb = new ProcessBuilder(List.of(java, "-Xmx64m", "-XX:+UseSerialGC",
                    "-cp", System.getProperty("java.class.path"), "dev.scimctl.ScimCtl", "validate", file.toString()))
                    .redirectErrorStream(true);
            pb.environment().keySet().removeIf(k -> k.startsWith("SCIMCTL_") || k.equals("JAVA_TOOL_OPTIONS")
                    || k.equals("JDK_JAVA_OPTIONS"));
            pb.environment().put("SCIMCTL_CONFIG_DIR", dir.resolve("config").toString());
            Process p = pb.start();
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(500, TimeUnit.SECONDS)).isTrue();

            assertThat(output.toLowerCase(Locale.ROOT)).doesNotContain("out of memory");
            assertThat(p.exitValue()).as(output).isEqualTo(ExitCode.OK);
            assertThat(output.replace(",", "")).contains(String.valueOf(ROWS));
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
