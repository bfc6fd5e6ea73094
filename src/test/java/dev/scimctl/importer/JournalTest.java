package dev.scimctl.importer;

import dev.scimctl.cli.options.OptionNames;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.charset.StandardCharsets;
import java.io.OutputStream;
import dev.scimctl.InputException;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalTest {
    @TempDir
    Path dir;

    @Test
    void the_default_journal_is_in_the_state_folder_named_after_the_input() {
        assertThat(Journal.besideInput(Path.of("/data/users.csv"))).isEqualTo(Path.of("/data/users.csv.journal"));
        Path state = Path.of("/state/journals");
        assertThat(Journal.defaultFor(state, Path.of("/data/users.csv")).toString())
                .matches("/state/journals/users\\.csv-[0-9a-f]{12}\\.journal");
        assertThat(Journal.defaultFor(state, Path.of("/other/users.csv")))
                .as("two users.csv in different folders have a journal each")
                .isNotEqualTo(Journal.defaultFor(state, Path.of("/data/users.csv")));
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

    @Test
    void a_cut_last_line_is_reported_and_the_next_run_starts_on_a_line_of_its_own() throws Exception {
        Path file = dir.resolve("j");
        try (Journal j = Journal.open(file, Map.of("file", "users.csv"), Clock.systemUTC())) {
            j.record(op("create", "a@x.io", "done"));
        }
        Files.writeString(file, "{\"type\":\"op\",\"op\":\"create\",\"userName\":\"b@x", StandardOpenOption.APPEND);
        assertThat(Journal.lastRun(file).cutLine()).isEqualTo(3);

        try (Journal j = Journal.open(file, Map.of("file", "users.csv"), Clock.systemUTC())) {
            assertThat(j.endedCut()).isTrue();
            j.record(op("create", "b@x.io", "done"));
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(2)).isEqualTo("{\"type\":\"op\",\"op\":\"create\",\"userName\":\"b@x");
        assertThat(lines.get(3)).startsWith("{\"type\":\"start\"");
        Journal.LastRun run = Journal.lastRun(file);
        assertThat(run.cutLine()).isZero();
        assertThat(run.done()).containsOnlyKeys("b@x.io");
    }

    @Test
    void a_line_cut_inside_a_character_is_a_cut_line_but_bytes_that_are_not_utf8_elsewhere_are_refused() throws Exception {
        Path file = dir.resolve("j");
        try (Journal j = Journal.open(file, Map.of(), Clock.systemUTC())) {
            j.record(op("create", "a@x.io", "done"));
        }
        Files.write(file, new byte[]{'{', '"', 'u', '"', ':', '"', (byte) 0xc3}, StandardOpenOption.APPEND);
        assertThat(Journal.lastRun(file).cutLine()).isEqualTo(3);

        Path latin1 = dir.resolve("latin1");
        Files.write(latin1, "{\"type\":\"start\"}\n{\"userName\":\"j\u00e9r\u00f4me\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThatThrownBy(() -> Journal.lastRun(latin1)).isInstanceOfSatisfying(InputException.class, e ->
                assertThat(e.message(OptionNames.INSTANCE)).isEqualTo(latin1 + ":2: the journal holds bytes that are not "
                        + "UTF-8 text, so it is not a scimctl "
                        + "journal (or was damaged): move it away, or give another with --journal FILE"));
    }

    @Test
    void a_line_longer_than_a_megabyte_is_refused_with_its_number() throws Exception {
        Path file = dir.resolve("j");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write("{\"type\":\"start\"}\n{\"x\":\"".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[Journal.MAX_LINE_BYTES + 10]);
        }
        assertThatThrownBy(() -> Journal.lastRun(file)).isInstanceOfSatisfying(InputException.class, e ->
                assertThat(e.message(OptionNames.INSTANCE)).isEqualTo(file + ":2: the journal has a line longer than 1 MiB, "
                        + "so it is not a scimctl journal: move "
                        + "it away, or give another with --journal FILE"));
    }

    @Test
    void a_journal_is_created_0600_in_a_0700_folder() throws Exception {
        Path file = dir.resolve("state/journals/j");
        try (Journal j = Journal.open(file, Map.of(), Clock.systemUTC())) {
            j.end(Map.of());
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
    }

    private static Map<String, Object> op(String op, String userName, String outcome) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("op", op);
        m.put("userName", userName);
        m.put("outcome", outcome);
        return m;
    }
}
