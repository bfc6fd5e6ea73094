package dev.scimctl.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class JournalTest {
    @TempDir
    Path dir;

    @Test
    void the_default_journal_sits_beside_the_input() {
        assertThat(Journal.defaultFor(Path.of("/data/users.csv"))).isEqualTo(Path.of("/data/users.csv.journal"));
    }

    @Test
    void a_run_without_an_end_line_is_interrupted_and_a_torn_last_line_is_ignored() throws Exception {
        Path file = dir.resolve("users.csv.journal");
        try (Journal j = Journal.open(file, Map.of("file", "users.csv", "sha256", "abc"), Clock.systemUTC())) {
            j.record(op("create", "Ada@Example.com", "done"));
            j.record(op("update", "bob@example.com", "failed"));
            assertThat(j.lines()).isEqualTo(3);
        }
        Files.writeString(file, "{\"type\":\"op\",\"op\":\"cre", StandardOpenOption.APPEND);

        Journal.LastRun run = Journal.lastRun(file);

        assertThat(run.finished()).isFalse();
        assertThat(run.operations()).isEqualTo(2);
        assertThat(run.failures()).isEqualTo(1);
        assertThat(run.sha256()).isEqualTo("abc");
        assertThat(run.done()).containsOnlyKeys("ada@example.com");
    }

    @Test
    void a_second_run_appends_and_only_the_last_run_counts() throws Exception {
        Path file = dir.resolve("j");
        try (Journal j = Journal.open(file, Map.of(), Clock.systemUTC())) {
            j.record(op("create", "a@x.io", "done"));
            j.end(Map.of("ok", true));
        }
        assertThat(Journal.lastRun(file).finished()).isTrue();
        try (Journal j = Journal.open(file, Map.of(), Clock.systemUTC())) {
            j.end(Map.of("ok", true));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(5);
        assertThat(Journal.lastRun(file).operations()).isZero();
    }

    @Test
    void no_journal_is_no_previous_run() {
        assertThat(Journal.lastRun(dir.resolve("none"))).isNull();
    }

    private static Map<String, Object> op(String op, String userName, String outcome) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("op", op);
        m.put("userName", userName);
        m.put("outcome", outcome);
        return m;
    }
}
