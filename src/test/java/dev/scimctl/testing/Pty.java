package dev.scimctl.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * scimctl in a real pseudo-terminal, started as the launcher starts it (each of stdin, stdout and stderr tested with
 * {@code [ -t N ]}), for what only a terminal shows: the prompt, the pager, Ctrl-C. A small Python script
 * ({@code pty_run.py}, the standard library's pty module) owns the terminal; what a test types is relayed to it, and
 * the terminal's output back. Needs python3 ({@link #available}).
 */
public final class Pty implements AutoCloseable {
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Process process;
    private final OutputStream keys;
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
    private final Thread reader;

    private Pty(Process process) {
        this.process = process;
        this.keys = process.getOutputStream();
        this.reader = new Thread(() -> copy(process.getInputStream()), "pty-output");
        reader.setDaemon(true);
        reader.start();
    }

    public static boolean available() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "python3"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Starts scimctl with {@code args} on a terminal of {@code rows} lines, in a clean environment plus {@code env}.
     *
     * @param stdoutTo a shell command scimctl's stdout is piped to (its stdin and stderr stay the terminal), or null
     */
    public static Pty scimctl(int rows, Map<String, String> env, String stdoutTo, String... args) {
        return scimctlIn(null, rows, env, stdoutTo, args);
    }

    /** As {@link #scimctl}, in the working folder {@code cwd} (null: this process's). */
    public static Pty scimctlIn(Path cwd, int rows, Map<String, String> env, String stdoutTo, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // As bin/scimctl does it, in a function, so that a pipe after it is what its [ -t 1 ] sees.
        String launch = "set -o pipefail; scimctl() { tty=''; [ -t 0 ] && tty=\"${tty}I\"; [ -t 1 ] && tty=\"${tty}O\"; "
                + "[ -t 2 ] && tty=\"${tty}E\"; '" + java + "' -XX:+UseSerialGC -XX:TieredStopAtLevel=1 "
                + "-Dscimctl.tty=\"$tty\" -cp '" + System.getProperty("java.class.path") + "' dev.scimctl.ScimCtl \"$@\"; }; "
                + "scimctl \"$@\"" + (stdoutTo == null ? "" : " | " + stdoutTo);
        List<String> command = new ArrayList<>(List.of("python3", script().toString(), Integer.toString(rows), "120",
                "bash", "-c", launch, "scimctl"));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        if (cwd != null) {
            pb.directory(cwd.toFile());
        }
        pb.environment().clear();
        pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        pb.environment().put("LANG", "C.UTF-8");
        pb.environment().put("TERM", "xterm");
        pb.environment().putAll(env);
        try {
            return new Pty(pb.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path script() {
        try {
            return Path.of(Pty.class.getResource("pty_run.py").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Types {@code text} at the terminal ("y\r" answers yes, "\u0003" is Ctrl-C). */
    public Pty type(String text) {
        try {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Waits until the terminal has shown {@code text}; fails with all it showed when it does not within 30 s. */
    public String waitFor(String text) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < deadline) {
            String shown = output();
            if (shown.contains(text)) {
                return shown;
            }
            if (!process.isAlive() && !reader.isAlive()) {
                break;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the terminal did not show \"" + text + "\"; it showed:\n" + output());
    }

    /** Whether scimctl still runs. */
    public boolean running() {
        return process.isAlive();
    }

    /** Waits for scimctl to end: its exit status (130 after Ctrl-C). */
    public int exitCode() throws InterruptedException {
        if (!process.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("scimctl did not end; the terminal showed:\n" + output());
        }
        reader.join(5000);
        return process.exitValue();
    }

    /** Everything the terminal showed so far, carriage returns taken out. */
    public String output() {
        synchronized (screen) {
            return screen.toString(StandardCharsets.UTF_8).replace("\r", "");
        }
    }

    private void copy(InputStream in) {
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                synchronized (screen) {
                    screen.write(buf, 0, n);
                }
            }
        } catch (IOException closed) {
            // the process ended
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
