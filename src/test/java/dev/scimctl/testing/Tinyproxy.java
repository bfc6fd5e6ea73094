package dev.scimctl.testing;

import org.junit.jupiter.api.Assumptions;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real HTTP proxy for tests: Debian's {@code tinyproxy}, started on a free loopback port with its own config and
 * log in a temporary folder, optionally with Basic authentication. Its log tells which requests went through it.
 *
 * <pre>{@code
 * try (Tinyproxy proxy = Tinyproxy.start(tempDir, Tinyproxy.options().basicAuth("alice", "s3cret"))) {
 *     cli.env("HTTPS_PROXY", proxy.url("alice", "s3cret")).run("test-connection", ...);
 *     assertThat(proxy.connectRequests()).contains("127.0.0.1:" + port);
 * }
 * }</pre>
 *
 * Tests that need it call {@link #assumeInstalled()}: skipped with the reason on a machine without tinyproxy, but
 * failed under CI (CI=true), whose .ci/run installs it.
 */
public final class Tinyproxy implements AutoCloseable {
    private static final Pattern REQUEST = Pattern.compile("Request \\(file descriptor \\d+\\): (\\S+) (\\S+) HTTP");

    private final Process process;
    private final int port;
    private final Path log;

    private Tinyproxy(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** What the proxy allows and asks for. */
    public static final class Options {
        private String user;
        private String password;
        private final List<Integer> connectPorts = new ArrayList<>();

        /** Require Basic authentication with this user and password. */
        public Options basicAuth(String user, String password) {
            this.user = user;
            this.password = password;
            return this;
        }

        /** Allow CONNECT to these ports only (tinyproxy allows every port when none is named). */
        public Options connectPorts(int... ports) {
            for (int p : ports) {
                connectPorts.add(p);
            }
            return this;
        }
    }

    public static Options options() {
        return new Options();
    }

    /** The tinyproxy binary on PATH, if there is one. */
    public static Optional<Path> binary() {
        String path = System.getenv("PATH");
        for (String dir : (path == null ? "/usr/bin:/usr/sbin" : path + ":/usr/sbin").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "tinyproxy");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Skips the test when tinyproxy is missing, except under CI, where its absence is a broken set-up. */
    public static void assumeInstalled() {
        if (binary().isEmpty()) {
            String why = "tinyproxy is not installed (apt-get install -y tinyproxy; .ci/run installs it)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(why + ", but CI must run the proxy tests");
            }
            Assumptions.assumeTrue(false, why);
        }
    }

    /** Starts tinyproxy in {@code dir}; retries on another port if the one picked was taken meanwhile. */
    public static Tinyproxy start(Path dir, Options options) {
        Path binary = binary().orElseThrow(() -> new IllegalStateException("tinyproxy is not installed"));
        IOException last = null;
        for (int attempt = 1; attempt <= 3; attempt++) {
            try {
                return startOnce(binary, dir, options, attempt);
            } catch (IOException e) {
                last = e;
            }
        }
        throw new UncheckedIOException("tinyproxy did not start", last);
    }

    private static Tinyproxy startOnce(Path binary, Path dir, Options options, int attempt) throws IOException {
        int port = freePort();
        Path log = dir.resolve("tinyproxy-" + port + ".log");
        Path conf = dir.resolve("tinyproxy-" + port + ".conf");
        StringBuilder c = new StringBuilder()
                .append("Port ").append(port).append('\n')
                .append("Listen 127.0.0.1\n")
                .append("Timeout 30\n")
                .append("LogFile \"").append(log).append("\"\n")
                .append("LogLevel Connect\n")
                .append("MaxClients 20\n")
                .append("Allow 127.0.0.1\n");
        if (options.user != null) {
            c.append("BasicAuth ").append(options.user).append(' ').append(options.password).append('\n');
        }
        for (int p : options.connectPorts) {
            c.append("ConnectPort ").append(p).append('\n');
        }
        Files.writeString(conf, c.toString(), StandardCharsets.UTF_8);
        Process process = new ProcessBuilder(binary.toString(), "-d", "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("tinyproxy-" + port + ".out").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("tinyproxy exited with " + process.exitValue() + " (attempt " + attempt + "): "
                        + Files.readString(dir.resolve("tinyproxy-" + port + ".out")));
            }
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
                return new Tinyproxy(process, port, log);
            } catch (IOException notYet) {
                sleep(20);
            }
        }
        process.destroyForcibly();
        throw new IOException("tinyproxy did not listen on port " + port + " within 5 s");
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    /** {@code http://USER:PASSWORD@127.0.0.1:PORT}. */
    public String url(String user, String password) {
        return "http://" + user + ":" + password + "@127.0.0.1:" + port;
    }

    /** The log so far. */
    public String log() {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The targets of the CONNECT requests the proxy received, e.g. {@code 127.0.0.1:8443}. */
    public List<String> connectRequests() {
        return requests("CONNECT");
    }

    /** The targets of the requests with this method, e.g. GET's absolute URLs. */
    public List<String> requests(String method) {
        List<String> out = new ArrayList<>();
        Matcher m = REQUEST.matcher(log());
        while (m.find()) {
            if (m.group(1).equals(method)) {
                out.add(m.group(2));
            }
        }
        return out;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
