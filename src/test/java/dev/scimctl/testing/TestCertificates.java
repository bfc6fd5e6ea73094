package dev.scimctl.testing;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throwaway certificate authority and server certificates, made with the JDK's keytool once per test JVM: one good
 * certificate for localhost and 127.0.0.1, an expired one, one not valid yet, and one for another host name. All are
 * signed by the same private CA, so no machine trusts them unless told to.
 *
 * <pre>{@code
 * TestCertificates certs = TestCertificates.get();
 * ScimServerExtension.create(b -> b.tls(certs.serverContext(Server.GOOD)));
 * cli.run("test-connection", "--cacert", certs.caPem().toString());
 * }</pre>
 */
public final class TestCertificates {
    /** Which server certificate. */
    public enum Server {
        GOOD("san=dns:localhost,ip:127.0.0.1", null, 90),
        EXPIRED("san=dns:localhost,ip:127.0.0.1", "-10d", 2),
        NOT_YET_VALID("san=dns:localhost,ip:127.0.0.1", "+10d", 2),
        WRONG_HOST("san=dns:scim.wrong.example", null, 90);

        final String san;
        final String startDate;
        final int validityDays;

        Server(String san, String startDate, int validityDays) {
            this.san = san;
            this.startDate = startDate;
            this.validityDays = validityDays;
        }
    }

    public static final String CA_NAME = "scimctl test CA";
    private static final String PASS = "changeit";
    private static TestCertificates instance;

    private final Path dir;
    private final Map<Server, PrivateKey> keys = new EnumMap<>(Server.class);
    private final PrivateKey caKey;
    private final X509Certificate ca;
    private final Map<Server, X509Certificate> servers = new EnumMap<>(Server.class);

    private TestCertificates(Path dir) throws IOException, GeneralSecurityException, InterruptedException {
        this.dir = dir;
        run(List.of(keytool("ca.p12", "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=" + CA_NAME + ",O=scimctl tests", "-ext", "bc:c", "-validity", "365")));
        KeyStore caStore = load("ca.p12");
        ca = (X509Certificate) caStore.getCertificate("ca");
        caKey = (PrivateKey) caStore.getKey("ca", PASS.toCharArray());
        Files.writeString(caPem(), pem(ca), StandardCharsets.US_ASCII);
        // One key pair per server certificate, signed by the CA as it is made (-signer): one keytool run each, side by
        // side, each in its own copy of the CA's keystore so that none writes a file another is writing.
        List<List<String>> sign = new ArrayList<>();
        for (Server s : Server.values()) {
            Files.copy(dir.resolve("ca.p12"), dir.resolve(name(s) + ".p12"));
            List<String> cmd = keytool(name(s) + ".p12", "-genkeypair", "-alias", "server", "-keyalg", "EC",
                    "-groupname", "secp256r1", "-dname", "CN=localhost,O=scimctl tests", "-signer", "ca", "-signerkeypass", PASS,
                    "-ext", s.san, "-validity", Integer.toString(s.validityDays));
            if (s.startDate != null) {
                cmd.add("-startdate");
                cmd.add(s.startDate);
            }
            sign.add(cmd);
        }
        run(sign);
        for (Server s : Server.values()) {
            KeyStore ks = load(name(s) + ".p12");
            keys.put(s, (PrivateKey) ks.getKey("server", PASS.toCharArray()));
            servers.put(s, (X509Certificate) ks.getCertificate("server"));
        }
    }

    /** The certificates of this JVM, made on first use (a few seconds: five keytool runs, at most four at once). */
    public static synchronized TestCertificates get() {
        if (instance == null) {
            try {
                Path dir = Files.createTempDirectory("scimctl-test-certs-");
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteQuietly(dir)));
                instance = new TestCertificates(dir);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return instance;
    }

    /** The CA's certificate as PEM, for {@code --cacert}. */
    public Path caPem() {
        return dir.resolve("ca.pem");
    }

    public X509Certificate ca() {
        return ca;
    }

    public X509Certificate certificate(Server s) {
        return servers.get(s);
    }

    /** A server-side SSLContext that presents this certificate and the CA's. */
    public SSLContext serverContext(Server s) {
        return context(keys.get(s), new Certificate[]{servers.get(s), ca});
    }

    /** A server-side SSLContext that presents a self-signed certificate (the CA's own, alone). */
    public SSLContext selfSignedContext() {
        return context(caKey, new Certificate[]{ca});
    }

    private static SSLContext context(PrivateKey key, Certificate[] chain) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("server", key, PASS.toCharArray(), chain);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, PASS.toCharArray());
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(kmf.getKeyManagers(), null, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot make the test server's TLS context", e);
        }
    }

    /** Writes {@code text} into a file in the certificates' folder (e.g. a CA file with something else in it). */
    public Path write(String fileName, String text) {
        try {
            return Files.writeString(dir.resolve(fileName), text, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String pem(X509Certificate c) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(c.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String name(Server s) {
        return s.name().toLowerCase(java.util.Locale.ROOT);
    }

    private KeyStore load(String file) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(file))) {
            ks.load(in, PASS.toCharArray());
        }
        return ks;
    }

    private static List<String> keytool(String keystore, String... args) {
        String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        // A short-lived JVM each: skip the optimising compiler and the parallel collector.
        List<String> cmd = new ArrayList<>(List.of(keytool, "-J-XX:TieredStopAtLevel=1", "-J-XX:+UseSerialGC"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-keystore", keystore, "-storetype", "PKCS12", "-storepass", PASS, "-keypass", PASS, "-noprompt"));
        return cmd;
    }

    private void run(List<List<String>> commands) throws IOException, InterruptedException {
        List<Process> running = new ArrayList<>();
        for (List<String> cmd : commands) {
            running.add(new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start());
        }
        for (int i = 0; i < running.size(); i++) {
            Process p = running.get(i);
            String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                p.destroyForcibly();
                throw new IOException("keytool failed: " + String.join(" ", commands.get(i)) + "\n" + output);
            }
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is harmless.
        }
    }
}
