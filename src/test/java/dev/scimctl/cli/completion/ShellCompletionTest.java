package dev.scimctl.cli.completion;

import dev.scimctl.cli.RootCommand;
import dev.scimctl.cli.completion.CompletionModel.Node;
import dev.scimctl.cli.completion.CompletionModel.Subcommand;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.Commands;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The generated scripts, loaded into real shells and asked for completions the way the shell asks when TAB is
 * pressed (bash: COMP_WORDS and COMP_CWORD, then the function; fish: complete -C). zsh and fish are checked where
 * installed; .ci/dist-test.sh checks the shipped scripts again.
 */
class ShellCompletionTest {
    @TempDir
    Path dir;

    private Path config;
    private Path bashScript;

    @BeforeEach
    void profilesAndScripts() throws IOException {
        config = dir.resolve("config");
        CliRunner cli = new CliRunner(config);
        cli.run("config", "set-profile", "prod", "--url", "https://eu.example.com/scim/v2").assertExit(0);
        cli.run("config", "set-profile", "staging-eu", "--url", "https://eu.example.com/scim/v2").assertExit(0);
        bashScript = write("scimctl.bash", cli.run("completion", "bash").assertExit(0).out());
        Files.writeString(dir.resolve("users.csv"), "email\n");
        Files.writeString(dir.resolve("token.txt"), "x\n");
    }

    @Test
    void bash_completes_every_command_and_subcommand() throws Exception {
        CompletionModel model = CompletionModel.of(RootCommand.commandLine(Commands.quietContext()));
        for (Node n : model.nodes()) {
            List<String> words = new ArrayList<>(List.of("scimctl"));
            if (!n.path().isEmpty()) {
                words.addAll(List.of(n.path().split(" ")));
            }
            words.add("");
            List<String> offered = bash(words.toArray(String[]::new));
            for (Subcommand s : n.subcommands()) {
                assertThat(offered).as("completions of '%s'", String.join(" ", words)).contains(s.name());
            }
        }
    }

    @Test
    void bash_offers_the_ls_alias_and_completes_after_it_as_after_list() throws Exception {
        assertThat(bash("scimctl", "users", "l")).containsExactlyInAnyOrder("list", "ls");
        assertThat(bash("scimctl", "groups", "l")).containsExactlyInAnyOrder("list", "ls");
        assertThat(bash("scimctl", "users", "ls", "--inac")).containsExactly("--inactive");
        assertThat(bash("scimctl", "users", "ls", "-o", "")).isEqualTo(bash("scimctl", "users", "list", "-o", ""))
                .contains("json");
    }

    @Test
    void bash_completes_options_and_their_fixed_choices() throws Exception {
        assertThat(bash("scimctl", "test-connection", "--tok")).containsExactly("--token-file");
        assertThat(bash("scimctl", "test-connection", "-o", "")).containsExactlyInAnyOrder("text", "json");
        assertThat(bash("scimctl", "test-connection", "--output", "=", "j")).containsExactly("json");
        assertThat(bash("scimctl", "--color", "=")).containsExactlyInAnyOrder("auto", "always", "never");
        // zsh, and a bash without '=' in COMP_WORDBREAKS, pass "--opt=value" as one word.
        assertThat(bash("scimctl", "test-connection", "--output=j")).containsExactly("--output=json");
        assertThat(bash("scimctl", "completion", "")).containsExactlyInAnyOrder("bash", "zsh", "fish");
        assertThat(bash("scimctl", "help", "f")).containsExactly("formats");
    }

    @Test
    void bash_skips_option_values_when_it_finds_the_command() throws Exception {
        assertThat(bash("scimctl", "--color", "never", "config", "u")).containsExactly("use");
        assertThat(bash("scimctl", "--color=never", "config", "u")).containsExactly("use");
        // 'config' here is the value of --url, not the config command.
        assertThat(bash("scimctl", "test-connection", "--url", "config", "--ti")).containsExactly("--timeout");
    }

    @Test
    void bash_completes_file_names_for_options_that_take_a_file() throws Exception {
        String prefix = dir.resolve("tok").toString();
        assertThat(bash("scimctl", "test-connection", "--token-file", prefix)).containsExactly(prefix + "en.txt");
        assertThat(bash("scimctl", "config", "set-token", "--token-file", "=", prefix)).containsExactly(prefix + "en.txt");
        // A free-text value offers nothing, not file names.
        assertThat(bash("scimctl", "test-connection", "--url", dir + "/")).isEmpty();
    }

    @Test
    void bash_completes_profile_names_from_the_config_file_without_starting_scimctl() throws Exception {
        // The command word names nothing that could run: the names can only come from config.json.
        assertThat(bashAs("/nonexistent/scimctl", "test-connection", "--profile", ""))
                .containsExactly("prod", "staging-eu");
        assertThat(bashAs("/nonexistent/scimctl", "config", "use", "st")).containsExactly("staging-eu");
        assertThat(bashAs("/nonexistent/scimctl", "test-connection", "-p", "=", "p")).containsExactly("prod");
    }

    @Test
    void bash_asks_scimctl_config_list_when_the_config_file_was_edited_by_hand() throws Exception {
        Files.writeString(config.resolve("config.json"),
                "{\"version\":1,\"profiles\":{\"by-hand\":{\"url\":\"https://x.example/scim/v2\"}}}");
        Path launcher = dir.resolve("scimctl");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -XX:+UseSerialGC -cp '" + System.getProperty("java.class.path") + "' dev.scimctl.ScimCtl \"$@\"\n");
        assertThat(launcher.toFile().setExecutable(true)).isTrue();
        assertThat(bashAs(launcher.toString(), "config", "delete", "")).containsExactly("by-hand");
    }

    @Test
    void bash_never_runs_a_profile_name_written_into_config_json_by_hand() throws Exception {
        // compgen -W expands its word list: a name such as "$(touch FILE)" ran on TAB, in scimctl's layout as in any
        // other (then through 'scimctl config list', which shows the names as they are). Such a name cannot be a
        // profile's ('config set-profile' refuses it), so it is not offered either.
        Path ran = dir.resolve("ran");
        String name = "$(touch " + ran + ")";
        String escaped = name.replace("\"", "\\\"");
        Files.writeString(config.resolve("config.json"), "{\n  \"version\" : 1,\n  \"profiles\" : {\n    \"prod\" : {\n"
                + "      \"url\" : \"https://x.example/scim/v2\"\n    },\n    \"" + escaped + "\" : {\n"
                + "      \"url\" : \"https://x.example/scim/v2\"\n    }\n  }\n}\n");
        assertThat(bashAs("/nonexistent/scimctl", "config", "use", "")).containsExactly("prod");
        Files.writeString(config.resolve("config.json"), "{\"version\":1,\"profiles\":{\"prod\":{},\"" + escaped + "\":{}}}");
        Path launcher = dir.resolve("scimctl");
        Files.writeString(launcher, "#!/bin/sh\nexec '" + Path.of(System.getProperty("java.home"), "bin", "java")
                + "' -XX:+UseSerialGC -cp '" + System.getProperty("java.class.path") + "' dev.scimctl.ScimCtl \"$@\"\n");
        assertThat(launcher.toFile().setExecutable(true)).isTrue();
        assertThat(bashAs(launcher.toString(), "config", "use", "")).containsExactly("prod");
        assertThat(ran).doesNotExist();
    }

    @Test
    void bash_offers_nothing_before_the_config_exists() throws Exception {
        Files.delete(config.resolve("config.json"));
        assertThat(bashAs("/nonexistent/scimctl", "config", "use", "")).isEmpty();
    }

    @Test
    void zsh_loads_the_script_through_bashcompinit() throws Exception {
        assumeTrue(onPath("zsh"), "zsh is not installed");
        Path script = write("scimctl.zsh", new CliRunner(config).run("completion", "zsh").assertExit(0).out());
        // compinit proper takes seconds; a stand-in compdef is all bashcompinit needs to register (dist-test runs the real one).
        String out = run(List.of("zsh", "-fc", "compdef() { :; }; source \"$1\"; "
                + "COMP_WORDS=(scimctl test-connection --profile ''); COMP_CWORD=3; _scimctl; print -l -- $COMPREPLY",
                "zsh", script.toString()));
        assertThat(out.lines()).containsExactly("prod", "staging-eu");
        String joined = run(List.of("zsh", "-fc", "compdef() { :; }; source \"$1\"; "
                + "COMP_WORDS=(scimctl --color=ne); COMP_CWORD=1; _scimctl; print -l -- $COMPREPLY", "zsh", script.toString()));
        // zsh's compgen leaves filtering by the typed prefix to compadd, so all three come back, each whole.
        assertThat(joined.lines()).contains("--color=never").allMatch(l -> l.startsWith("--color="));
    }

    @Test
    void fish_completes_commands_options_and_profiles() throws Exception {
        assumeTrue(onPath("fish"), "fish is not installed");
        Path script = write("scimctl.fish", new CliRunner(config).run("completion", "fish").assertExit(0).out());
        assertThat(fish(script, "scimctl config ")).contains("use\tMake a profile the current one");
        assertThat(fish(script, "scimctl test-connection --profile ")).anyMatch(l -> l.startsWith("staging-eu"));
        assertThat(fish(script, "scimctl --color=")).anyMatch(l -> l.startsWith("--color=never"));
        assertThat(fish(script, "scimctl test-connection --token-file " + dir.resolve("tok")))
                .containsExactly(dir.resolve("token.txt").toString());
        assertThat(fish(script, "scimctl completion ")).containsExactlyInAnyOrder("bash", "zsh", "fish");
    }

    private List<String> bash(String... words) throws Exception {
        return bashAs(words[0], java.util.Arrays.copyOfRange(words, 1, words.length));
    }

    /** Loads the script in a fresh bash and asks for the completions of the last word. */
    private List<String> bashAs(String command, String... rest) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", "-c", "source \"$1\"; shift; COMP_WORDS=(\"$@\"); "
                + "COMP_CWORD=$(( $# - 1 )); _scimctl; printf '%s\\n' \"${COMPREPLY[@]}\"", "bash", bashScript.toString(),
                command));
        cmd.addAll(List.of(rest));
        return run(cmd).lines().filter(l -> !l.isEmpty()).sorted().toList();
    }

    private List<String> fish(Path script, String line) throws Exception {
        return run(List.of("fish", "-c", "source $argv[1]; complete -C $argv[2]", script.toString(), line)).lines().toList();
    }

    private String run(List<String> command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        Map<String, String> env = pb.environment();
        env.put("SCIMCTL_CONFIG_DIR", config.toString());
        env.put("HOME", dir.toString());
        Process p = pb.start();
        p.getOutputStream().close();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as("exit of %s, output:%n%s", command, out).isZero();
        return out;
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static boolean onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (Files.isExecutable(Path.of(d, tool))) {
                return true;
            }
        }
        return false;
    }
}
