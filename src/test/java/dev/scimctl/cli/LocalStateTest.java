package dev.scimctl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimctl.ExitCode;
import dev.scimctl.importer.Journal;
import dev.scimctl.io.RunLock;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The state scimctl keeps on the administrator's machine (profiles and tokens, journals, the mapping file) cannot be
 * corrupted, shared or used to send the token elsewhere: each case ends in its message and exit code.
 */
class LocalStateTest {
    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @TempDir
    Path dir;

    private CliRunner cli() {
        return new CliRunner(dir.resolve("config"));
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }

    @Test
    void under_umask_000_the_config_folder_is_0700_and_its_files_0600_and_a_loosened_folder_is_refused() throws Exception {
        Path config = dir.resolve("home/.config/scimctl");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String scimctl = "'" + java + "' -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp '" + System.getProperty("java.class.path")
                + "' dev.scimctl.ScimCtl";
        ProcessBuilder pb = new ProcessBuilder("sh", "-c", "umask 000 && " + scimctl + " config set-profile demo --url "
                + server.baseUrl() + " && echo \"$T\" | " + scimctl + " config set-token demo");
        pb.environment().put("T", server.token());
        pb.environment().put("HOME", dir.resolve("home").toString());
        pb.environment().remove("XDG_CONFIG_HOME");
        pb.environment().remove("SCIMCTL_CONFIG_DIR");
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("umask.log").toFile());
        Process p = pb.start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(Files.readString(dir.resolve("umask.log"))).isZero();

        assertThat(mode(config)).isEqualTo("rwx------");
        assertThat(mode(config.getParent())).as("~/.config, created by scimctl").isEqualTo("rwx------");
        assertThat(mode(config.resolve("config.json"))).isEqualTo("rw-------");
        assertThat(mode(config.resolve("credentials.json"))).isEqualTo("rw-------");

        CliRunner cli = new CliRunner(dir.resolve("home")).env("SCIMCTL_CONFIG_DIR", null);
        cli.run("users", "list").assertExit(ExitCode.OK);
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rwxrwxrwx"));
        CliResult refused = cli.run("users", "list").assertExit(ExitCode.INPUT);
        assertThat(refused.err()).contains("refusing to use the saved profiles: the folder " + config
                + " is writable by other accounts (mode rwxrwxrwx), so one of them could change where the token is "
                + "sent: run 'chmod go-w " + config + "'");
        assertThat(cli.stdin("another-token-0123456789").run("config", "set-token", "demo")
                .assertExit(ExitCode.INPUT).err()).as("nor is a token written there").contains("chmod go-w");
    }

    @Test
    void a_config_file_or_folder_owned_by_another_account_is_refused_whatever_its_mode() throws Exception {
        // Only root can give a file away; elsewhere the rule is the same, and untestable.
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "needs root to chown");
        cli().run("config", "set-profile", "demo", "--url", server.baseUrl()).assertExit(ExitCode.OK);
        cli().stdin(server.token()).run("config", "set-token", "demo").assertExit(ExitCode.OK);
        cli().run("users", "list").assertExit(ExitCode.OK);
        Path config = dir.resolve("config/config.json");
        UserPrincipal nobody = config.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("nobody");

        // Mode 0600 still lets its owner rewrite the profile's URL, and the token would go there.
        Files.setOwner(config, nobody);
        CliResult refused = cli().run("users", "list").assertExit(ExitCode.INPUT);
        assertThat(refused.err()).contains("refusing to use the saved profiles: " + config + " belongs to another "
                + "account (nobody), which could change where the token is sent").doesNotContain(server.token());
        Files.setOwner(config, config.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("root"));
        cli().run("users", "list").assertExit(ExitCode.OK);

        // Nor is a token stored into a folder another account owns.
        Files.setOwner(dir.resolve("config"), nobody);
        assertThat(cli().stdin("another-token-0123456789").run("config", "set-token", "demo")
                .assertExit(ExitCode.INPUT).err()).contains("the folder " + dir.resolve("config") + " belongs to another "
                + "account (nobody)");
    }

    @Test
    void a_token_with_a_control_character_is_refused_where_it_enters_naming_the_character_not_the_token() {
        String token = "abcdef\u001bghijklmnopqrst";
        CliResult env = cli().env("SCIMCTL_URL", server.baseUrl()).env("SCIMCTL_TOKEN", token).run("users", "list")
                .assertExit(ExitCode.USAGE);
        assertThat(env.err()).contains("error: the token from SCIMCTL_TOKEN has a control character (U+001B) at "
                + "position 7 of 21").doesNotContain("ghijklm").doesNotContain("IllegalArgumentException");

        cli().run("config", "set-profile", "demo", "--url", server.baseUrl()).assertExit(ExitCode.OK);
        CliResult prompt = cli().stdin("caf\u00e9-token-0123456789\n").run("config", "set-token", "demo")
                .assertExit(ExitCode.USAGE);
        assertThat(prompt.err()).contains("has a non-ASCII character (U+00E9) at position 4 of 21").doesNotContain("caf");

        CliResult shortOne = cli().stdin("abc\n").run("config", "set-token", "demo").assertExit(ExitCode.OK);
        assertThat(shortOne.err()).contains("warning: this token is only 3 characters long, much shorter than a real "
                + "NinjaOne token: check that you copied all of it");
    }

    @Test
    void where_url_and_token_come_from_different_sources_debug_and_test_connection_say_so() {
        cli().run("config", "set-profile", "demo", "--url", server.baseUrl()).assertExit(ExitCode.OK);
        cli().stdin(server.token()).run("config", "set-token", "demo").assertExit(ExitCode.OK);
        CliRunner mixed = cli().env("SCIMCTL_URL", server.baseUrl() + "/");

        CliResult debug = mixed.run("users", "list", "--debug").assertExit(ExitCode.OK);
        assertThat(debug.err()).contains("debug: the URL comes from SCIMCTL_URL (environment), the token from profile "
                + "\"demo\"").doesNotContain(server.token());
        CliResult check = mixed.run("test-connection").assertExit(ExitCode.OK);
        assertThat(check.out()).contains("(different sources: check that this token is meant for this URL)");

        CliResult overridden = cli().env("SCIMCTL_TOKEN", server.token()).env("SCIMCTL_URL", server.baseUrl())
                .run("users", "list", "--profile", "demo").assertExit(ExitCode.OK);
        assertThat(overridden.err()).contains("warning: SCIMCTL_TOKEN is used, not the token of --profile demo");
    }

    @Test
    void a_url_with_a_user_and_password_is_refused_and_not_stored() throws Exception {
        CliResult r = cli().run("config", "set-profile", "demo", "--url", "https://admin:hunter22@eu.example.com/scim/v2")
                .assertExit(ExitCode.USAGE);
        assertThat(r.err()).contains("holds a user name and password before '@'")
                .contains("use https://eu.example.com/scim/v2 and give the token").doesNotContain("hunter22");
        assertThat(dir.resolve("config/config.json")).doesNotExist();
    }

    @Test
    void config_list_with_a_null_profile_names_its_place() throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/config.json"), "{\n  \"profiles\": {\n    \"prod\": null\n  }\n}\n");
        CliResult r = cli().run("config", "list").assertExit(ExitCode.INPUT);
        assertThat(r.err()).contains(dir.resolve("config/config.json") + ":3:").contains("profiles.prod is null")
                .doesNotContain("NullPointerException");
    }

    @Test
    void a_huge_mapping_file_is_refused_with_its_limit() throws Exception {
        Path mapping = dir.resolve("group-roles.json");
        try (OutputStream out = Files.newOutputStream(mapping)) {
            out.write("{\"version\": 1, \"groups\": [\"".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[9 * 1024 * 1024]);
        }
        CliResult r = cli().run("map-groups", "list", "--mapping", mapping.toString()).assertExit(ExitCode.INPUT);
        assertThat(r.err()).contains("the mapping file is larger than 8 MiB");
    }

    @Test
    void map_groups_set_writes_through_a_symbolic_link_and_waits_for_no_one() throws Exception {
        Path repo = Files.createDirectories(dir.resolve("repo"));
        Path link = Files.createSymbolicLink(dir.resolve("group-roles.json"), repo.resolve("group-roles.json"));
        cli().run("map-groups", "set", "G", "-t", "technician", "-r", "R", "--mapping", link.toString()).assertExit(ExitCode.OK);
        cli().run("map-groups", "set", "H", "-t", "endUser", "-r", "S", "--mapping", link.toString()).assertExit(ExitCode.OK);
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(repo.resolve("group-roles.json")).content().contains("\"group\": \"G\"").contains("\"group\": \"H\"");
        assertThat(repo.resolve("group-roles.json.bak")).exists();

        Path locks = dir.resolve("config/.local/state/scimctl/locks");
        try (RunLock held = RunLock.acquire(RunLock.fileFor(locks, "mapping", repo.resolve("group-roles.json").toString()),
                "the mapping file", "map-groups (the editor)", Instant.parse("2026-12-02T05:00:00Z"), n -> { })) {
            CliResult r = cli().run("map-groups", "unset", "G", "--mapping", link.toString()).assertExit(ExitCode.PROBLEMS);
            assertThat(r.err()).contains("is in use by another scimctl (pid " + ProcessHandle.current().pid())
                    .contains("started 2026-12-02T05:00:00Z: map-groups (the editor))");
        }
        assertThat(repo.resolve("group-roles.json")).content().contains("\"group\": \"G\"");
    }

    @Test
    void an_undo_journal_given_through_a_link_is_locked_by_its_target_and_nothing_is_undone_while_held() throws Exception {
        Path csv = users(dir.resolve("users.csv"), 3);
        Path journal = dir.resolve("import.journal");
        CliRunner cli = cli().env("SCIMCTL_URL", server.baseUrl()).env("SCIMCTL_TOKEN", server.token());
        cli.run("import", "--yes", "--journal", journal.toString(), csv.toString()).assertExit(ExitCode.OK);
        Path target = dir.resolve("undo.journal");
        Path link = Files.createSymbolicLink(dir.resolve("undo-link.journal"), target);

        Path locks = dir.resolve("config/.local/state/scimctl/locks");
        try (RunLock held = RunLock.acquire(RunLock.fileFor(locks, "journal",
                dir.toRealPath().resolve("undo.journal").toString()),
                "the journal", "import undo", Instant.parse("2026-12-02T05:00:00Z"), n -> { })) {
            CliResult r = cli.run("import", "undo", "--yes", "--journal", link.toString(), journal.toString())
                    .assertExit(ExitCode.PROBLEMS);
            assertThat(r.err()).contains("is in use by another scimctl (pid " + ProcessHandle.current().pid());
        }
        assertThat(server.store().users()).hasSize(3).allSatisfy(u -> assertThat(u.path("active").asBoolean()).isTrue());
    }

    @Test
    void a_journal_given_through_a_linked_folder_is_locked_by_its_real_path_and_nothing_is_imported_while_held()
            throws Exception {
        Path csv = users(dir.resolve("users.csv"), 3);
        Path real = Files.createDirectories(dir.resolve("real"));
        Path linked = Files.createSymbolicLink(dir.resolve("linked"), real);
        CliRunner cli = cli().env("SCIMCTL_URL", server.baseUrl()).env("SCIMCTL_TOKEN", server.token());

        Path locks = dir.resolve("config/.local/state/scimctl/locks");
        String key = real.toRealPath().resolve("import.journal").toString();
        try (RunLock held = RunLock.acquire(RunLock.fileFor(locks, "journal", key),
                "the journal", "import", Instant.parse("2026-12-02T05:00:00Z"), n -> { })) {
            CliResult r = cli.run("import", "--yes", "--journal", linked.resolve("import.journal").toString(),
                    csv.toString()).assertExit(ExitCode.PROBLEMS);
            assertThat(r.err()).contains("is in use by another scimctl (pid " + ProcessHandle.current().pid());
        }
        assertThat(server.store().users()).isEmpty();
        // The server's capabilities were being read ahead; that worker ends with the command, or it could write the
        // discovery cache after scimctl returned (it did, into a folder being deleted).
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("scimctl-discover"));
    }

    @Test
    void a_journal_cut_mid_line_is_warned_about_kept_apart_and_the_resume_is_exact() throws Exception {
        int n = 40;
        Path half = users(dir.resolve("half.csv"), n / 2);
        Path all = users(dir.resolve("all.csv"), n);
        Path journal = dir.resolve("import.journal");
        CliRunner cli = cli().env("SCIMCTL_URL", server.baseUrl()).env("SCIMCTL_TOKEN", server.token());
        cli.run("import", "--yes", "--journal", journal.toString(), half.toString()).assertExit(ExitCode.OK);

        // A crash on a full disk: the end line never written, the last operation's line cut in half.
        List<String> lines = new ArrayList<>(Files.readAllLines(journal));
        lines.remove(lines.size() - 1);
        String last = lines.remove(lines.size() - 1);
        String cut = last.substring(0, last.length() / 2);
        Files.writeString(journal, String.join("\n", lines) + "\n" + cut);
        int cutLine = lines.size() + 1;

        CliResult resumed = cli.run("import", "--yes", "--journal", journal.toString(), all.toString())
                .assertExit(ExitCode.OK);
        assertThat(resumed.err()).contains("warning: " + journal + ":" + cutLine + ": the journal's last line was cut off")
                .contains("Resuming: " + journal).contains("  journal: " + journal);
        assertThat(server.store().users()).hasSize(n);
        assertThat(server.store().groups()).extracting(g -> g.path("displayName").asText())
                .containsExactlyInAnyOrder("Group 0", "Group 1");

        List<String> after = Files.readAllLines(journal);
        assertThat(after.get(cutLine - 1)).isEqualTo(cut);
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < after.size(); i++) {
            if (i != cutLine - 1) {
                assertThat(json.readTree(after.get(i)).path("type").asText()).as("line " + (i + 1))
                        .isIn("start", "before", "op", "end");
            }
        }
        assertThat(Journal.lastRun(journal).finished()).isTrue();
    }

    @Test
    void the_default_journal_is_in_the_state_folder_and_the_plan_names_it() throws Exception {
        Path csv = users(dir.resolve("users.csv"), 3);
        CliResult r = cli().env("SCIMCTL_URL", server.baseUrl()).env("SCIMCTL_TOKEN", server.token())
                .run("import", "--yes", csv.toString()).assertExit(ExitCode.OK);
        Path journal = Journal.defaultFor(dir.resolve("config/.local/state/scimctl/journals"), csv);
        assertThat(r.err()).contains("  journal: " + journal);
        assertThat(journal).exists();
        assertThat(dir.resolve("users.csv.journal")).doesNotExist();

        CliResult xdg = cli().env("SCIMCTL_URL", server.baseUrl()).env("SCIMCTL_TOKEN", server.token())
                .env("XDG_STATE_HOME", dir.resolve("xdg").toString()).run("import", "--yes", csv.toString());
        assertThat(xdg.err()).contains("  journal: " + Journal.defaultFor(dir.resolve("xdg/scimctl/journals"), csv));
    }

    @Test
    void a_journal_that_is_not_utf8_or_has_a_huge_line_is_refused_before_anything_changes() throws Exception {
        Path csv = users(dir.resolve("users.csv"), 3);
        Path journal = dir.resolve("j");
        Files.write(journal, "{\"type\":\"start\",\"file\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1));
        CliRunner cli = cli().env("SCIMCTL_URL", server.baseUrl()).env("SCIMCTL_TOKEN", server.token());
        CliResult r = cli.run("import", "--yes", "--journal", journal.toString(), csv.toString()).assertExit(ExitCode.INPUT);
        assertThat(r.err()).contains(journal + ":1: the journal holds bytes that are not UTF-8 text")
                .doesNotContain("permission");

        try (OutputStream out = Files.newOutputStream(journal)) {
            out.write("{\"type\":\"start\",\"file\":\"".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[Journal.MAX_LINE_BYTES + 1]);
        }
        cli.run("import", "--yes", "--journal", journal.toString(), csv.toString()).assertExit(ExitCode.INPUT)
                .assertErrContains(journal + ":1: the journal has a line longer than 1 MiB");
        assertThat(server.store().userCount()).isZero();
    }

    private static Path users(Path file, int n) throws Exception {
        StringBuilder b = new StringBuilder("email,firstname,lastname,group\n");
        for (int i = 1; i <= n; i++) {
            b.append(String.format(Locale.ROOT, "u%03d@example.com,G%d,F%d,Group %d%n", i, i, i, i % 2));
        }
        Files.writeString(file, b);
        return file;
    }
}
