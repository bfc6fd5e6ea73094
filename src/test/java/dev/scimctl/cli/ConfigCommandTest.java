package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;

class ConfigCommandTest {
    private static final String TOKEN = "tok-0123456789-secret-WXYZ";

    @TempDir
    Path dir;

    @Test
    void sets_up_a_profile_and_token_and_shows_only_the_last_four() throws Exception {
        CliRunner cli = new CliRunner(dir);
        cli.run("config", "set-profile", "prod", "--url", "https://eu.example.com/scim/v2").assertExit(0);
        CliResult set = cli.stdin(TOKEN + "\n").run("config", "set-token", "prod").assertExit(0);
        assertThat(set.err()).contains("…WXYZ").doesNotContain(TOKEN);

        Path credentials = dir.resolve("credentials.json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");

        CliResult list = cli.run("config", "list").assertExit(0);
        assertThat(list.out()).contains("prod").contains("https://eu.example.com/scim/v2").contains("…WXYZ")
                .doesNotContain(TOKEN);

        CliResult show = cli.run("config", "show").assertExit(0);
        assertThat(show.out()).contains("profile \"prod\"").contains("…WXYZ").doesNotContain(TOKEN);
    }

    @Test
    void the_environment_beats_the_profile_and_show_says_so() {
        CliRunner cli = new CliRunner(dir);
        cli.run("config", "set-profile", "prod", "--url", "https://eu.example.com/scim/v2").assertExit(0);
        cli.stdin(TOKEN).run("config", "set-token").assertExit(0);
        CliResult show = cli.env("SCIMCTL_URL", "https://eu.example.com/scim/v2/").run("config", "show").assertExit(0);
        assertThat(show.out()).contains("https://eu.example.com/scim/v2/  (from SCIMCTL_URL)");
    }

    @Test
    void a_profiles_token_is_not_sent_to_another_server_named_by_the_environment() {
        CliRunner cli = new CliRunner(dir);
        cli.run("config", "set-profile", "prod", "--url", "https://eu.example.com/scim/v2").assertExit(0);
        cli.stdin(TOKEN).run("config", "set-token").assertExit(0);
        CliResult r = cli.env("SCIMCTL_URL", "https://attacker.example/scim").run("config", "show")
                .assertExit(ExitCode.USAGE);
        assertThat(r.err()).contains("the token from profile \"prod\"")
                .contains("is sent only to the profile's server, https://eu.example.com")
                .contains("the URL https://attacker.example/scim (from SCIMCTL_URL) is another server")
                .doesNotContain(TOKEN);
        CliResult withOwnToken = cli.env("SCIMCTL_TOKEN", "another-token-for-the-other-server")
                .run("config", "show").assertExit(0);
        assertThat(withOwnToken.out()).contains("(from SCIMCTL_URL)").contains("(from SCIMCTL_TOKEN)");
    }

    @Test
    void use_switches_profiles_and_delete_removes_the_token_too() throws Exception {
        CliRunner cli = new CliRunner(dir);
        cli.run("config", "set-profile", "a", "--url", "https://a.example/scim").assertExit(0);
        cli.run("config", "set-profile", "b", "--url", "https://b.example/scim").assertExit(0);
        cli.stdin(TOKEN).run("config", "set-token", "b").assertExit(0);
        cli.run("config", "use", "b").assertExit(0);
        assertThat(cli.run("config", "list").out()).containsPattern("\\*\\tb\\t");
        cli.run("config", "delete", "b").assertExit(0);
        assertThat(Files.readString(dir.resolve("credentials.json"))).doesNotContain(TOKEN);
        assertThat(cli.run("config", "use", "b").assertExit(ExitCode.USAGE).err()).contains("no profile named \"b\"");
    }

    @Test
    void with_the_current_profile_deleted_the_error_names_the_saved_ones_not_set_profile() {
        CliRunner cli = new CliRunner(dir).env("SCIMCTL_URL", null).env("SCIMCTL_PROFILE", null);
        cli.run("config", "set-profile", "a", "--url", "https://a.example/scim").assertExit(0);
        cli.run("config", "set-profile", "b", "--url", "https://b.example/scim").assertExit(0);
        cli.run("config", "use", "b").assertExit(0);
        cli.run("config", "delete", "b").assertExit(0).assertErrContains("profile \"b\" and its token deleted; no "
                + "profile is in use now: choose one with 'scimctl config use NAME' (saved: a)");
        // "save one with 'scimctl config set-profile'" sent the administrator to make a profile that exists.
        cli.run("users", "list").assertExit(ExitCode.USAGE).assertErrContains("no SCIM base URL: no profile is in use "
                + "(saved: a); choose one with 'scimctl config use NAME' or --profile NAME, or pass --url URL or set "
                + "SCIMCTL_URL");

        cli.run("config", "set-profile", "c").assertExit(0);
        cli.run("users", "list", "--profile", "c").assertExit(ExitCode.USAGE).assertErrContains("no SCIM base URL: "
                + "the profile \"c\" has none; save it with 'scimctl config set-profile c --url URL'");
    }

    @Test
    void refuses_an_empty_token_and_a_bad_profile_name() {
        CliRunner cli = new CliRunner(dir);
        cli.run("config", "set-profile", "p", "--url", "https://a.example/scim").assertExit(0);
        cli.stdin("   \n").run("config", "set-token", "p").assertExit(ExitCode.INPUT);
        // A file piped in by mistake: an input error, not an "unexpected IOException … please report it".
        cli.stdin("x".repeat(100_000)).run("config", "set-token", "p").assertExit(ExitCode.INPUT)
                .assertErrContains("more than 64 KiB on stdin").assertNoStackTrace();
        cli.run("config", "set-profile", "../evil", "--url", "https://a.example/scim").assertExit(ExitCode.USAGE);
        cli.run("config", "set-profile", "q", "--url", "not a url").assertExit(ExitCode.USAGE);
    }

    @Test
    void a_broken_config_file_exits_3_with_its_line() throws Exception {
        Files.writeString(dir.resolve("config.json"), "{ \"profiles\": [ }");
        CliResult r = new CliRunner(dir).run("config", "list").assertExit(ExitCode.INPUT);
        assertThat(r.err()).contains("config.json:1:").doesNotContain("at com.fasterxml");
    }

    @Test
    void a_timeout_too_short_to_wait_at_all_is_refused_where_it_is_given() throws Exception {
        CliRunner cli = new CliRunner(dir).env("SCIMCTL_URL", "http://127.0.0.1:9/scim/v2").env("SCIMCTL_TOKEN", TOKEN);
        for (String option : new String[]{"--timeout", "--connect-timeout"}) {
            CliResult r = cli.run("users", "list", option, "0.1ms").assertExit(ExitCode.USAGE).assertNoStackTrace()
                    .assertErrContains(option);
            assertThat(r.err()).doesNotContain("unexpected").doesNotContain("java.lang");
        }
        assertThat(cli.env("SCIMCTL_TIMEOUT", "0.4ms").run("users", "list").assertExit(ExitCode.USAGE)
                .assertErrContains("SCIMCTL_TIMEOUT").err()).doesNotContain("unexpected");
        new CliRunner(dir).run("config", "set-profile", "p", "--url", "http://127.0.0.1:9/scim/v2", "--timeout",
                "0.1ms").assertExit(ExitCode.USAGE);

        // A profile edited by hand: a broken settings file, named, with what to do.
        for (String seconds : new String[]{"0", "-5", "0.0001", "\"NaN\""}) {
            Files.writeString(dir.resolve("config.json"), "{\"version\":1,\"current\":\"p\",\"profiles\":{\"p\":"
                    + "{\"url\":\"http://127.0.0.1:9/scim/v2\",\"timeoutSeconds\":" + seconds + "}}}");
            CliResult r = new CliRunner(dir).env("SCIMCTL_TOKEN", TOKEN).run("users", "list")
                    .assertExit(ExitCode.INPUT).assertNoStackTrace().assertErrContains("timeoutSeconds", "config.json");
            assertThat(r.err()).doesNotContain("unexpected");
        }
    }

    @Test
    void there_is_no_option_that_takes_a_token_value() {
        CliResult r = new CliRunner(dir).run("test-connection", "--token", TOKEN, "--url", "https://x.example/")
                .assertExit(ExitCode.USAGE);
        assertThat(r.err()).contains("--token");
    }

    @Test
    void config_list_takes_the_shared_output_options() {
        CliRunner cli = new CliRunner(dir);
        cli.run("config", "set-profile", "prod", "--url", "https://eu.ninjarmm.com/ws/scim/v2").assertExit(0);
        String excel = cli.env("LANG", "de_DE.UTF-8").run("config", "list", "-o", "csv", "--csv-dialect", "excel")
                .assertExit(0).out();
        assertThat(excel).isEqualTo("\uFEFFcurrent;name;url;token;tokenSet\r\n*;prod;https://eu.ninjarmm.com/ws/scim/v2;none;\r\n");
        assertThat(cli.run("config", "list", "-o", "csv", "--no-headers", "--bom").assertExit(0).out())
                .isEqualTo("\uFEFF*,prod,https://eu.ninjarmm.com/ws/scim/v2,none,\n");
        cli.run("config", "list", "-o", "md").assertExit(2).assertErrContains("it takes table, tsv, csv, json or ndjson");
    }
}
