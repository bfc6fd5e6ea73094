package dev.scimctl.training;

import dev.scimctl.ScimCtl;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.output.Terminals;
import dev.scimctl.sandbox.SandboxServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The training run behind the class-data-sharing archive: the launcher starts it once with
 * {@code -XX:ArchiveClassesAtExit} and later runs use the archive, so every class it loads starts from there. It runs
 * the commands people use, in this one JVM, the way they run them: {@code validate} on a sample file, then against an
 * in-process sandbox over HTTP and over HTTPS: {@code test-connection}, {@code import} (a dry run, then a real one),
 * {@code users list} and {@code users get}, {@code map-groups check}, and {@code users get} with a saved profile.
 *
 * <p>Everything happens in a temporary folder that is removed at the end; the user's profiles, tokens and files are
 * never read. Prints one line per step to stderr (command, exit code, whether it was the expected one), and exits 0
 * unless a step failed unexpectedly, which the launcher takes as "no archive", and the tests as a failure.
 */
public final class ArchiveTraining {
    private static final String TOKEN = "training-token-0123456789abcdefghij";
    private static final String PASSWORD = "training";

    private final Path dir;
    private final Map<String, String> env = new HashMap<>();
    private final List<String> failures = new ArrayList<>();

    private ArchiveTraining(Path dir) {
        this.dir = dir;
        env.put("SCIMCTL_CONFIG_DIR", dir.resolve("config").toString());
        env.put("HOME", dir.toString());
        env.put("XDG_CONFIG_HOME", dir.resolve("xdg-config").toString());
        env.put("XDG_STATE_HOME", dir.resolve("xdg-state").toString());
        env.put("XDG_CACHE_HOME", dir.resolve("xdg-cache").toString());
        env.put("NO_COLOR", "1");
    }

    public static void main(String[] args) throws IOException {
        Path dir = Files.createTempDirectory("scimctl-training-");
        int failed;
        try {
            ArchiveTraining training = new ArchiveTraining(dir);
            training.run();
            failed = training.failures.size();
        } finally {
            deleteTree(dir);
        }
        System.exit(failed == 0 ? 0 : 1);
    }

    private void run() throws IOException {
        // validate reads a file long enough for its loops to matter; import writes a few dozen users, not more: a
        // training run must stay short.
        Path many = write("many.csv", SampleData.users(300));
        Path users = write("users.csv", SampleData.users(40));
        Path mistakes = write("mistakes.csv", SampleData.mistakes());
        Path mapping = dir.resolve("group-roles.json");

        step(0, "--version");
        step(0, "--help");
        step(0, "users", "get", "--help");
        step(0, "validate", many.toString());
        step(1, "validate", mistakes.toString());
        step(1, "validate", "-o", "json", mistakes.toString());
        stdinStep(0, Files.readAllBytes(many), "validate", "-");
        step(0, "map-groups", "set", SampleData.TECHNICIAN_GROUP, "--type", "technician", "--role", "Help Desk",
                "-m", mapping.toString());

        try (SandboxServer http = SandboxServer.builder().port(0).token(TOKEN).build().start()) {
            env.put("SCIMCTL_URL", http.baseUrl());
            env.put("SCIMCTL_TOKEN", TOKEN);
            step(0, "test-connection");
            step(0, "import", users.toString(), "--dry-run");
            step(0, "import", users.toString(), "--yes", "--journal", dir.resolve("import.journal").toString());
            step(0, "users", "list");
            step(0, "users", "list", "-o", "json");
            step(0, "users", "get", SampleData.email(1));
            step(0, "users", "get", SampleData.email(2), "-o", "json");
            step(1, "users", "get", "nobody-" + SampleData.userName(3));
            step(0, "map-groups", "check", "-m", mapping.toString());

            // Most people keep the URL and token in a saved profile: its reading (the settings files, the token's
            // age) is then part of every run.
            Path tokenFile = write("token.txt", TOKEN);
            step(0, "config", "set-profile", "training", "--url", http.baseUrl());
            step(0, "config", "set-token", "training", "--token-file", tokenFile.toString());
            env.remove("SCIMCTL_URL");
            env.remove("SCIMCTL_TOKEN");
            step(0, "users", "get", SampleData.email(1));
            step(0, "test-connection");
            step(0, "config", "delete", "training");
            env.put("SCIMCTL_TOKEN", TOKEN);
        }

        Path ca = dir.resolve("ca.pem");
        SSLContext tls = serverTls(ca);
        if (tls == null) {
            return; // no keytool in this runtime: the archive then covers HTTP only
        }
        try (SandboxServer https = SandboxServer.builder().port(0).token(TOKEN).tls(tls).build().start()) {
            env.put("SCIMCTL_URL", https.baseUrl());
            step(0, "test-connection", "--cacert", ca.toString());
            step(0, "import", users.toString(), "--yes", "--journal", dir.resolve("import-tls.journal").toString(),
                    "--cacert", ca.toString());
            step(0, "users", "list", "--cacert", ca.toString());
            step(0, "users", "get", SampleData.email(1), "--cacert", ca.toString());
        }
    }

    private void step(int expected, String... args) {
        stdinStep(expected, new byte[0], args);
    }

    private void stdinStep(int expected, byte[] stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        InputStream in = new ByteArrayInputStream(stdin);
        CommandContext context = new CommandContext(new PrintWriter(out), new PrintWriter(err), in, Map.copyOf(env),
                Terminals.NONE, Clock.systemUTC());
        long start = System.nanoTime();
        int code;
        try {
            code = ScimCtl.run(context, args);
        } catch (RuntimeException e) {
            code = -1;
            err.write(e.toString());
        }
        String line = "scimctl " + String.join(" ", args) + ": exit " + code + " in "
                + (System.nanoTime() - start) / 1_000_000 + " ms";
        if (code == expected) {
            System.err.println("training: ok   " + line);
        } else {
            failures.add(line);
            System.err.println("training: FAIL " + line + " (expected " + expected + "): " + firstLine(err.toString()));
        }
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    /**
     * A throwaway certificate for 127.0.0.1, made by the runtime's keytool (RSA, as most servers use), written as
     * {@code ca} for {@code --cacert}; null when the runtime has no keytool.
     */
    private SSLContext serverTls(Path ca) throws IOException {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        if (!Files.isExecutable(keytool)) {
            System.err.println("training: no keytool in " + keytool.getParent() + ": HTTPS not trained");
            return null;
        }
        Path store = dir.resolve("server.p12");
        ProcessBuilder pb = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "RSA",
                "-keysize", "2048", "-validity", "2", "-dname", "CN=scimctl training", "-ext",
                "san=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12", "-keystore", store.toString(),
                "-storepass", PASSWORD, "-keypass", PASSWORD)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD);
        try {
            Process p = pb.start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                failures.add("keytool");
                System.err.println("training: FAIL keytool could not make a certificate");
                return null;
            }
            KeyStore ks = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(store)) {
                ks.load(in, PASSWORD.toCharArray());
            }
            Certificate cert = ks.getCertificate("server");
            Files.writeString(ca, "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, new byte[]{'\n'}).encodeToString(cert.getEncoded())
                    + "\n-----END CERTIFICATE-----\n", StandardCharsets.US_ASCII);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASSWORD.toCharArray());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return context;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up the training server's TLS: " + e.getMessage(), e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
