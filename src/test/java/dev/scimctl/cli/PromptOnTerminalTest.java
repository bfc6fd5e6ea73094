package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.output.Terminals;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.Pty;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The confirmation of import (and of import undo, users deactivate and delete: one {@code Prompt}) on a real
 * pseudo-terminal of 24 lines, with scimctl started as its launcher starts it: a plan longer than the screen, the
 * pager it offers, Ctrl-C at the question, and stdout piped to a pager.
 */
@Timeout(120)
class PromptOnTerminalTest {
    private static final int ROWS = 24;
    private static final int USERS = 40;

    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @TempDir
    Path dir;

    private Path csv;

    @BeforeEach
    void fortyUsers() throws IOException {
        StringBuilder b = new StringBuilder("username,email,firstname,lastname,userType,organizationId\n");
        for (int i = 1; i <= USERS; i++) {
            b.append(String.format(Locale.ROOT, "u%02d,u%02d@example.com,Given%d,Family%d,endUser,7%n", i, i, i, i));
        }
        csv = dir.resolve("users.csv");
        Files.writeString(csv, b);
    }

    private Pty scimctl(Map<String, String> extraEnv, String stdoutTo, String... args) {
        assumeTrue(Pty.available(), "python3 is needed for a pseudo-terminal");
        Map<String, String> env = new HashMap<>(Map.of("SCIMCTL_CONFIG_DIR", dir.resolve("config").toString(),
                "HOME", dir.toString(), "XDG_STATE_HOME", dir.resolve("state").toString(),
                "SCIMCTL_URL", server.baseUrl(), "SCIMCTL_TOKEN", server.token(), "NO_COLOR", "1"));
        env.putAll(extraEnv);
        return Pty.scimctl(ROWS, env, stdoutTo, args);
    }

    @Test
    void a_plan_longer_than_the_screen_shows_its_first_lines_and_the_counts_then_asks() throws Exception {
        try (Pty pty = scimctl(Map.of("PAGER", "less"), null, "import", csv.toString())) {
            String shown = pty.waitFor("[y/N/v/f]");
            assertThat(shown).contains("u01@example.com").doesNotContain("u40@example.com")
                    .containsPattern("… and \\d+ more lines of the plan \\(41 lines in all\\)")
                    .contains("Plan: users: 40 to create")
                    .contains("'v' shows all of it in less, 'f' writes it to a file.")
                    .contains("Apply 40 changes");
            // What was shown, from the plan's header to the question, fits the screen.
            String fromPlan = shown.substring(shown.indexOf("Plan for"));
            assertThat(fromPlan.lines().count()).isLessThanOrEqualTo(ROWS);
            pty.type("n\r");
            assertThat(pty.exitCode()).as(pty.output()).isEqualTo(ExitCode.PROBLEMS);
            assertThat(pty.output()).contains("Nothing was changed.");
        }
        assertThat(server.store().users()).isEmpty();
    }

    @Test
    void v_shows_the_whole_plan_in_the_pager_then_asks_again() throws Exception {
        Path recorded = dir.resolve("paged.txt");
        Path pager = dir.resolve("pager.sh");
        Files.writeString(pager, "#!/bin/sh\ncat > '" + recorded + "'\necho pager-done\n");
        assertThat(pager.toFile().setExecutable(true)).isTrue();
        try (Pty pty = scimctl(Map.of("PAGER", pager.toString()), null, "import", csv.toString())) {
            pty.waitFor("'v' shows all of it in " + pager);
            pty.waitFor("[y/N/v/f]");
            pty.type("v\r");
            String asked = waitForCount(pty, "[y/N/v/f]", 2);
            // The pager ran (and ended) between the first question and the second.
            int first = asked.indexOf("[y/N/v/f]");
            assertThat(asked.indexOf("pager-done")).isGreaterThan(first).isLessThan(asked.lastIndexOf("[y/N/v/f]"));
            pty.type("y\r");
            assertThat(pty.exitCode()).as(pty.output()).isEqualTo(ExitCode.OK);
        }
        String paged = Files.readString(recorded);
        for (int i = 1; i <= USERS; i++) {
            assertThat(paged).contains(String.format(Locale.ROOT, "u%02d@example.com", i));
        }
        assertThat(paged).doesNotContain("\u001b[").doesNotContain("more lines");
        assertThat(server.store().users()).hasSize(USERS);
    }

    @Test
    void ctrl_c_at_the_question_prints_a_newline_and_cancelled_and_exits_130_with_nothing_changed() throws Exception {
        try (Pty pty = scimctl(Map.of(), null, "import", csv.toString())) {
            pty.waitFor("] ");
            pty.type("\u0003");
            assertThat(pty.exitCode()).as(pty.output()).isEqualTo(ExitCode.INTERRUPTED);
            Matcher end = Pattern.compile("\\? \\[y/N[/vf]*] (\\^C)?\ncancelled, nothing changed\n").matcher(pty.output());
            assertThat(end.find()).as(pty.output()).isTrue();
            assertThat(pty.output()).doesNotContain("Exception");
        }
        assertThat(server.store().users()).isEmpty();
        // The cancelled run let go of its locks: the next one finds them free, not left by a dead process.
        CliResult next = new CliRunner(dir.resolve("config")).env("SCIMCTL_URL", server.baseUrl())
                .env("SCIMCTL_TOKEN", server.token()).env("XDG_STATE_HOME", dir.resolve("state").toString())
                .run("import", "--yes", csv.toString()).assertExit(ExitCode.OK);
        assertThat(next.err()).doesNotContain("took over the lock");
    }

    @Test
    void users_delete_asks_with_the_same_prompt_and_ctrl_c_changes_nothing() throws Exception {
        String id = server.seedUser("keep@example.com");
        try (Pty pty = scimctl(Map.of(), null, "users", "delete", "keep@example.com")) {
            pty.waitFor("Delete 1 user? [y/N] ");
            pty.type("\u0003");
            assertThat(pty.exitCode()).as(pty.output()).isEqualTo(ExitCode.INTERRUPTED);
            assertThat(pty.output()).contains("\ncancelled, nothing changed");
        }
        assertThat(server.store().user(id)).isPresent();
    }

    @Test
    void with_stdout_piped_to_a_pager_it_never_asks_and_needs_yes() throws Exception {
        Path piped = dir.resolve("piped.txt");
        try (Pty pty = scimctl(Map.of(), "cat > '" + piped + "'", "import", csv.toString())) {
            pty.exitCode();
            assertThat(pty.output()).contains("there is no terminal to confirm the plan on (stdout is not a terminal)")
                    .contains("--yes").contains("--dry-run").doesNotContain("[y/N");
        }
        assertThat(server.store().users()).isEmpty();
        try (Pty pty = scimctl(Map.of(), "cat > '" + piped + "'", "import", "--yes", csv.toString())) {
            assertThat(pty.exitCode()).as(pty.output()).isZero();
            assertThat(pty.output()).doesNotContain("[y/N");
        }
        // Piped, the whole plan goes down the pipe: none of it is held back.
        assertThat(Files.readString(piped)).contains("u01@example.com").contains("u40@example.com");
        assertThat(server.store().users()).hasSize(USERS);
    }

    @Test
    void f_writes_the_whole_plan_to_a_private_file_and_asks_again() throws Exception {
        CliResult r = new CliRunner(dir.resolve("config")).env("SCIMCTL_URL", server.baseUrl())
                .env("SCIMCTL_TOKEN", server.token()).env("XDG_STATE_HOME", dir.resolve("state").toString())
                .env("PAGER", "").terminals(Terminals.ALL).screenRows(ROWS).env("NO_COLOR", "1").stdin("f\nn\n")
                .run("import", csv.toString()).assertExit(ExitCode.PROBLEMS);
        assertThat(r.err()).contains("The plan is longer than the screen: 'f' writes it to a file.")
                .contains("[y/N/f]");
        Matcher file = Pattern.compile("The whole plan is in (\\S+)").matcher(r.err());
        assertThat(file.find()).as(r.err()).isTrue();
        Path written = Path.of(file.group(1));
        try {
            assertThat(Files.readString(written)).contains("u01@example.com").contains("u40@example.com");
            assertThat(Files.getPosixFilePermissions(written)).hasSize(2); // rw-------
            assertThat(r.out()).contains("u01@example.com").doesNotContain("u40@example.com");
        } finally {
            Files.deleteIfExists(written);
        }
        assertThat(server.store().users()).isEmpty();
    }

    private static String waitForCount(Pty pty, String text, int count) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (System.nanoTime() < deadline) {
            String shown = pty.output();
            if (Pattern.compile(Pattern.quote(text)).matcher(shown).results().count() >= count) {
                return shown;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("\"" + text + "\" was not shown " + count + " times:\n" + pty.output());
    }
}
