package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.testing.Pty;
import dev.scimctl.text.ShellWords;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The README's quickstart, run as written, twice, with a sandbox restart between: the commands are read from the
 * README itself, each run as a person runs it (its own JVM, on a terminal, answering y where it asks), in a folder
 * that holds the repository's examples. Only the port (a free one, not 8880) and /tmp (a temporary folder) change.
 */
@Timeout(300)
class ReadmeQuickstartTest {
    @TempDir
    Path dir;

    @Test
    void the_quickstart_works_as_written_and_again_after_the_sandbox_restarts() throws Exception {
        assumeTrue(Pty.available(), "python3 is needed for a pseudo-terminal");
        List<List<String>> commands = quickstart(Files.readString(Path.of("README.md")));
        List<String> sandbox = commands.stream().filter(c -> c.get(0).equals("sandbox")).findFirst().orElseThrow();
        List<List<String>> steps = commands.stream().filter(c -> !c.get(0).equals("sandbox")).toList();
        assertThat(sandbox).contains("--data");
        assertThat(steps).extracting(c -> String.join(" ", c.subList(0, Math.min(2, c.size()))))
                .contains("config set-profile", "config set-token", "test-connection", "import examples/users.csv",
                        "users list");

        Path work = Files.createDirectories(dir.resolve("work"));
        copyTree(Path.of("examples"), work.resolve("examples"));
        copyTree(Path.of("docs/examples"), work.resolve("docs/examples"));
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Map<String, String> env = Map.of("HOME", dir.toString(), "SCIMCTL_CONFIG_DIR", dir.resolve("config").toString(),
                "XDG_STATE_HOME", dir.resolve("state").toString(), "XDG_CACHE_HOME", dir.resolve("cache").toString(),
                "NO_COLOR", "1");

        for (int round = 1; round <= 2; round++) {
            Process server = startSandbox(substitute(sandbox, port), work, env);
            try {
                for (List<String> step : steps) {
                    String shown = run(work, env, substitute(step, port), round);
                    if (step.get(0).equals("test-connection")) {
                        assertThat(shown).as("round %d", round).contains("Connection works.");
                    }
                    if (step.get(0).equals("import")) {
                        assertThat(shown).as("round %d", round)
                                .contains(round == 1 ? "Imported in" : "Nothing to change");
                    }
                    if (step.get(0).equals("users")) {
                        assertThat(shown).as("round %d", round).contains("alice.martin@northwind-msp.com");
                    }
                }
            } finally {
                stop(server);
            }
        }
        assertThat(dir.resolve("sandbox.token")).exists();
    }

    /** One step on a terminal; y to a question (only the first round's import asks). Fails unless it exits 0. */
    private String run(Path work, Map<String, String> env, List<String> args, int round) throws InterruptedException {
        try (Pty pty = Pty.scimctlIn(work, 100, env, null, args.toArray(String[]::new))) {
            boolean answered = false;
            while (pty.running()) {
                if (!answered && pty.output().contains("? [y/N")) {
                    pty.type("y\r");
                    answered = true;
                }
                Thread.sleep(20);
            }
            int code = pty.exitCode();
            assertThat(code).as("round %d: scimctl %s\n%s", round, String.join(" ", args), pty.output())
                    .isEqualTo(ExitCode.OK);
            return pty.output();
        }
    }

    private Process startSandbox(List<String> args, Path work, Map<String, String> env) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "dev.scimctl.ScimCtl"));
        command.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(command).directory(work.toFile())
                .redirectError(dir.resolve("sandbox.err").toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line; (line = out.readLine()) != null; ) {
            if (line.startsWith("url: ")) {
                // Keep draining stdout, so that the sandbox never blocks on a full pipe.
                Thread drain = new Thread(() -> {
                    try {
                        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
                    } catch (IOException ignored) {
                        // ended
                    }
                });
                drain.setDaemon(true);
                drain.start();
                return p;
            }
        }
        throw new AssertionError("the sandbox did not start: " + Files.readString(dir.resolve("sandbox.err")));
    }

    /** As Ctrl-C stops it: SIGINT, and it saves its data on the way out. */
    private static void stop(Process p) throws Exception {
        new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("the sandbox did not stop on SIGINT");
        }
    }

    private List<String> substitute(List<String> args, int port) {
        return args.stream().map(a -> a.replace("8880", Integer.toString(port)).replace("/tmp/", dir + "/")).toList();
    }

    /** The arguments of every {@code ./scimctl …} line in the README's "## Quickstart" code blocks, comments left off. */
    static List<List<String>> quickstart(String readme) {
        int from = readme.indexOf("\n## Quickstart");
        String section = readme.substring(from, readme.indexOf("\n## ", from + 1));
        List<List<String>> commands = new ArrayList<>();
        boolean inCode = false;
        for (String line : section.split("\n")) {
            if (line.startsWith("```")) {
                inCode = !inCode;
            } else if (inCode && line.startsWith("./scimctl ")) {
                // The README's comments follow two spaces or more and a '#'; no argument holds one.
                commands.add(ShellWords.split(line.substring("./scimctl ".length()).replaceFirst("\\s+#.*$", "")));
            }
        }
        return commands;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }
}
