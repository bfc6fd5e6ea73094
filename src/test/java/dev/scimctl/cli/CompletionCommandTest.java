package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.Version;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class CompletionCommandTest {
    @TempDir
    Path dir;

    @Test
    void prints_a_script_for_each_shell_covering_every_command_though_the_run_built_only_completion() {
        for (String shell : new String[]{"bash", "zsh", "fish"}) {
            CliResult r = new CliRunner(dir).run("completion", shell).assertExit(0);
            assertThat(r.err()).isEmpty();
            assertThat(r.out()).contains("scimctl " + Version.get());
            for (String command : RootCommand.COMMANDS.keySet()) {
                assertThat(r.out()).as(shell + " script names " + command).contains(command);
            }
            assertThat(r.out()).contains("set-token");
        }
    }

    @Test
    void zsh_script_loads_bashcompinit_first() {
        String zsh = new CliRunner(dir).run("completion", "zsh").assertExit(0).out();
        assertThat(zsh.indexOf("bashcompinit")).isLessThan(zsh.indexOf("complete -F _scimctl scimctl"));
    }

    @Test
    void an_unknown_shell_is_a_usage_error_that_names_the_shells() {
        CliResult r = new CliRunner(dir).run("completion", "tcsh").assertExit(ExitCode.USAGE);
        assertThat(r.err()).contains("tcsh").contains("bash").contains("zsh").contains("fish");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void no_shell_is_a_usage_error() {
        CliResult r = new CliRunner(dir).run("completion").assertExit(ExitCode.USAGE);
        assertThat(r.err()).contains("SHELL");
    }
}
