package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Command-line mistakes in scimctl's own words, never picocli's. */
class UsageErrorsTest {
    private final CliRunner cli;

    UsageErrorsTest(@TempDir Path dir) {
        cli = new CliRunner(dir);
    }

    private static void assertNoPicocliWording(CliResult r) {
        assertThat(r.all()).doesNotContain("Unmatched argument").doesNotContain("Missing required subcommand")
                .doesNotContain("Did you mean").doesNotContain("Unknown option");
    }

    @Test
    void bare_scimctl_prints_a_short_overview_and_no_error() {
        CliResult r = cli.run().assertExit(ExitCode.OK);
        assertThat(r.out()).contains("Commands:").contains("  users ").contains("Start with:")
                .contains("scimctl test-connection").doesNotContain("Exit codes").doesNotContain("--color");
        assertThat(r.err()).isEmpty();
        assertThat(r.out().lines().count()).isLessThan(30);
    }

    @Test
    void a_bare_parent_command_lists_its_subcommands() {
        CliResult r = cli.run("users").assertExit(ExitCode.USAGE);
        assertThat(r.err()).contains("error: 'scimctl users' needs a command:")
                .containsPattern("(?m)^  list, ls +List the users").containsPattern("(?m)^  deactivate +")
                .contains("Run 'scimctl users --help' for more.");
        assertNoPicocliWording(r);
        assertThat(cli.run("config").assertExit(ExitCode.USAGE).err()).containsPattern("(?m)^  set-token +");
    }

    @Test
    void an_unknown_command_names_the_closest_one() {
        CliResult r = cli.run("user", "list").assertExit(ExitCode.USAGE);
        assertThat(r.err()).contains("unknown command 'user' for 'scimctl'; did you mean 'scimctl users'?");
        assertNoPicocliWording(r);
        assertThat(cli.run("users", "lst").assertExit(ExitCode.USAGE).err())
                .contains("unknown command 'lst' for 'scimctl users'; did you mean 'scimctl users list'?");
    }

    @Test
    void an_unknown_command_with_nothing_close_lists_the_commands() {
        CliResult r = cli.run("users", "frobnicate").assertExit(ExitCode.USAGE);
        assertThat(r.err()).contains("unknown command 'frobnicate' for 'scimctl users'")
                .containsPattern("(?m)^  get +");
    }

    @Test
    void an_unknown_option_names_the_closest_option() {
        CliResult r = cli.run("users", "list", "--ouput=json").assertExit(ExitCode.USAGE);
        assertThat(r.err()).contains("unknown option '--ouput' for 'scimctl users list'; did you mean '--output'?")
                .contains("Run 'scimctl users list --help' for more.");
        assertNoPicocliWording(r);
    }
}
