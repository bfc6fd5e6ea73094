package dev.scimctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several scimctl processes changing the saved settings at once (a set-up script that runs its steps in the background,
 * two terminals): each change is kept. Each process read the files, changed its copy and wrote it back, so all but
 * the last writer's profile or token were lost, and a token NinjaOne shows only once had to be generated again.
 */
@Timeout(240)
class ConcurrentSettingsTest {
    private static final int PROCESSES = 8;

    @TempDir
    Path dir;

    @Test
    void profiles_and_tokens_saved_by_processes_at_the_same_time_are_all_kept() throws Exception {
        Path config = dir.resolve("config");
        List<Process> profiles = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            profiles.add(start(config, null, "config", "set-profile", "tenant" + i, "--url",
                    "https://tenant" + i + ".example.com/scim/v2"));
        }
        awaitAll(profiles);
        JsonNode saved = new ObjectMapper().readTree(config.resolve("config.json").toFile()).path("profiles");
        for (int i = 0; i < PROCESSES; i++) {
            assertThat(saved.path("tenant" + i).path("url").asText()).as("profile tenant%d in %s", i, saved)
                    .isEqualTo("https://tenant" + i + ".example.com/scim/v2");
        }

        List<Process> tokens = new ArrayList<>();
        for (int i = 0; i < PROCESSES; i++) {
            tokens.add(start(config, "token-of-tenant-" + i + "-0123456789abcdef", "config", "set-token", "tenant" + i));
        }
        awaitAll(tokens);
        JsonNode stored = new ObjectMapper().readTree(config.resolve("credentials.json").toFile()).path("tokens");
        for (int i = 0; i < PROCESSES; i++) {
            assertThat(stored.path("tenant" + i).path("token").asText()).as("token of tenant%d", i)
                    .isEqualTo("token-of-tenant-" + i + "-0123456789abcdef");
        }
    }

    private Process start(Path config, String stdin, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"),
                "dev.scimctl.ScimCtl"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("SCIMCTL_"));
        pb.environment().put("SCIMCTL_CONFIG_DIR", config.toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("log-" + String.join("-", args).replaceAll("[^a-z0-9-]", "") + ".txt").toFile());
        Process p = pb.start();
        try (OutputStream in = p.getOutputStream()) {
            if (stdin != null) {
                in.write((stdin + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        return p;
    }

    private void awaitAll(List<Process> processes) throws Exception {
        for (Process p : processes) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        }
        for (Process p : processes) {
            assertThat(p.exitValue()).as(logs()).isZero();
        }
    }

    private String logs() throws Exception {
        StringBuilder b = new StringBuilder();
        try (var files = Files.list(dir)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("log-")).toList()) {
                b.append(f.getFileName()).append(": ").append(Files.readString(f));
            }
        }
        return b.toString();
    }
}
