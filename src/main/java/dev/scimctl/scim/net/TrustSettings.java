package dev.scimctl.scim.net;

import dev.scimctl.InputException;
import dev.scimctl.io.Sizes;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Which certificate authorities this run trusts: always the JDK's own (its cacerts), plus, when given, the CAs of one
 * PEM file ({@code --cacert}, the profile, or {@code SSL_CERT_FILE}). The extra CAs add to the JDK's; they never
 * replace them, and there is no way to turn checking off. The files are read at once (so a missing one is reported at
 * once), but their certificates are parsed, and the SSLContext built, on first use: a run against an {@code http://}
 * URL needs neither (SSL_CERT_DIR=/etc/ssl/certs alone is some 140 certificates to parse).
 */
public final class TrustSettings {
    private static final TrustSettings JDK_DEFAULT = new TrustSettings(null, null, List::of, null);
    private static final byte[] PEM_CERTIFICATE = "-----BEGIN CERTIFICATE-----".getBytes(StandardCharsets.US_ASCII);
    private static final byte DER_SEQUENCE = 0x30;
    /**
     * The largest CA file read: a system bundle of every public CA is a few hundred KiB. A larger one is the wrong file
     * (a disk image, /dev/zero), which read whole would end the run in an out-of-memory error.
     */
    static final int MAX_CA_FILE_BYTES = 16 * Sizes.MIB;

    private final Path caFile;
    private final String source;
    /** Parses the extra CAs; called once, by {@link #extraCertificates()}. */
    private final Supplier<List<X509Certificate>> parser;
    private volatile List<X509Certificate> extra;
    private volatile SSLContext sslContext;

    /** Where the extra CAs came from, for {@link #describe()}: {@code /etc/corp-ca.pem (--cacert)}. */
    private final String origins;

    private TrustSettings(Path caFile, String source, Supplier<List<X509Certificate>> parser, String origins) {
        this.caFile = caFile;
        this.source = source;
        this.parser = parser;
        this.origins = origins;
    }

    /**
     * The JDK's CAs plus every certificate in the PEM files of {@code dirs}, a list separated by the path separator,
     * as OpenSSL and curl read {@code SSL_CERT_DIR}. Files that hold no certificate (a README, say) are passed over;
     * the same certificate under two names (a hash link and its file) counts once.
     *
     * @throws InputException when a folder is missing or unreadable, or none of them holds a certificate
     */
    public static TrustSettings withExtraCaDir(String dirs, String source) {
        List<Path> folders = new ArrayList<>();
        List<Path> files = new ArrayList<>();
        for (String part : dirs.split(java.io.File.pathSeparator)) {
            if (part.isBlank()) {
                continue;
            }
            Path dir = Path.of(part);
            folders.add(dir);
            if (!Files.isDirectory(dir)) {
                throw new InputException("the CA folder " + dir + " (from " + source + ") is not a folder: give a folder"
                        + " of PEM files, or use SSL_CERT_FILE for one file");
            }
            try (Stream<Path> list = Files.list(dir)) {
                list.filter(Files::isRegularFile).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new InputException("the CA folder " + dir + " (from " + source + ") cannot be read: " + e.getMessage());
            }
        }
        // Read now, parsed later: only the files that look like certificates.
        List<byte[]> contents = new ArrayList<>();
        for (Path file : files) {
            try {
                byte[] bytes = readBounded(file);
                if (bytes != null && mayHoldCertificate(bytes)) { // a file too large for a CA is passed over too
                    contents.add(bytes);
                }
            } catch (IOException e) {
                // Unreadable: OpenSSL passes over it too.
            }
        }
        if (contents.isEmpty()) {
            throw new InputException("the CA folder " + dirs + " (from " + source + ") holds no PEM certificate: each "
                    + "file must hold blocks that begin with -----BEGIN CERTIFICATE-----");
        }
        Path first = folders.get(0);
        return new TrustSettings(first, source, () -> {
            Map<String, X509Certificate> found = new LinkedHashMap<>();
            for (byte[] bytes : contents) {
                for (X509Certificate c : certificatesIn(bytes)) {
                    found.putIfAbsent(fingerprint(c), c);
                }
            }
            if (found.isEmpty()) {
                throw new InputException("the CA folder " + dirs + " (from " + source + ") holds no PEM certificate "
                        + "Java can read: each file must hold blocks that begin with -----BEGIN CERTIFICATE-----");
            }
            return List.copyOf(found.values());
        }, dirs + " (" + source + ")");
    }

    /** These CAs and {@code other}'s extra ones: SSL_CERT_FILE and SSL_CERT_DIR together. */
    public TrustSettings plus(TrustSettings other) {
        if (other.caFile == null) {
            return this;
        }
        if (caFile == null) {
            return other;
        }
        return new TrustSettings(caFile, source + " and " + other.source, () -> {
            Map<String, X509Certificate> all = new LinkedHashMap<>();
            for (X509Certificate c : extraCertificates()) {
                all.putIfAbsent(fingerprint(c), c);
            }
            for (X509Certificate c : other.extraCertificates()) {
                all.putIfAbsent(fingerprint(c), c);
            }
            return List.copyOf(all.values());
        }, origins + " and " + other.origins);
    }

    /** A PEM certificate block somewhere, or DER (a sequence): worth parsing. */
    private static boolean mayHoldCertificate(byte[] bytes) {
        if (bytes.length > 0 && bytes[0] == DER_SEQUENCE) {
            return true;
        }
        outer:
        for (int i = 0; i + PEM_CERTIFICATE.length <= bytes.length; i++) {
            for (int j = 0; j < PEM_CERTIFICATE.length; j++) {
                if (bytes[i + j] != PEM_CERTIFICATE[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** The file's bytes, or null when it holds more than {@link #MAX_CA_FILE_BYTES}: never more is read. */
    private static byte[] readBounded(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(MAX_CA_FILE_BYTES + 1);
            return bytes.length > MAX_CA_FILE_BYTES ? null : bytes;
        }
    }

    /** The certificates a file's bytes hold, or none when it holds no readable one. */
    private static List<X509Certificate> certificatesIn(byte[] bytes) {
        List<X509Certificate> out = new ArrayList<>();
        try {
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes))) {
                if (c instanceof X509Certificate x) {
                    out.add(x);
                }
            }
        } catch (CertificateException e) {
            // Not a certificate file: OpenSSL passes over it too.
        }
        return out;
    }

    private static String fingerprint(X509Certificate c) {
        try {
            return java.util.Base64.getEncoder().encodeToString(c.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            return c.getSubjectX500Principal().getName() + c.getSerialNumber();
        }
    }

    /** The JDK's CAs only. */
    public static TrustSettings jdkDefault() {
        return JDK_DEFAULT;
    }

    /**
     * The JDK's CAs plus those in {@code file} (PEM, one certificate or many; DER with one certificate also works).
     *
     * @param source where the file name came from, for messages ({@code --cacert}, {@code SSL_CERT_FILE})
     * @throws InputException when the file is missing, unreadable, or holds no certificate
     */
    public static TrustSettings withExtraCas(Path file, String source) {
        byte[] bytes;
        try {
            bytes = readBounded(file);
            if (bytes == null) {
                throw new InputException("the CA file " + file + " (from " + source + ") is larger than "
                        + Sizes.human(MAX_CA_FILE_BYTES) + ", more than any file of CA certificates: give the PEM file "
                        + "that holds your CA's certificate");
            }
        } catch (NoSuchFileException e) {
            throw new InputException("the CA file " + file + " (from " + source + ") does not exist: give the path of "
                    + "the PEM file that holds your CA's certificate");
        } catch (AccessDeniedException e) {
            throw new InputException("the CA file " + file + " (from " + source + ") cannot be read: permission denied");
        } catch (IOException e) {
            throw new InputException("the CA file " + file + " (from " + source + ") cannot be read: " + e.getMessage());
        }
        if (!mayHoldCertificate(bytes)) {
            throw new InputException("the CA file " + file + " (from " + source + ") holds no certificate: it must hold "
                    + "PEM blocks that begin with -----BEGIN CERTIFICATE-----");
        }
        return new TrustSettings(file, source, () -> parse(file, source, bytes), file + " (" + source + ")");
    }

    /** The certificates of a CA file, in file order. */
    private static List<X509Certificate> parse(Path file, String source, byte[] bytes) {
        List<X509Certificate> certs = new ArrayList<>();
        try {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(bytes));
            for (Certificate c : read) {
                if (c instanceof X509Certificate x) {
                    certs.add(x);
                }
            }
        } catch (CertificateException e) {
            throw new InputException("the CA file " + file + " (from " + source + ") holds no certificate Java can read ("
                    + e.getMessage() + "): it must hold PEM blocks that begin with -----BEGIN CERTIFICATE-----");
        }
        if (certs.isEmpty()) {
            throw new InputException("the CA file " + file + " (from " + source + ") holds no certificate: it must hold "
                    + "PEM blocks that begin with -----BEGIN CERTIFICATE-----");
        }
        return List.copyOf(certs);
    }

    /** The extra CA file, or null. */
    public Path caFile() {
        return caFile;
    }

    /** Where the extra CA file came from, or null. */
    public String source() {
        return source;
    }

    /**
     * The extra CAs, in file order; parsed on the first call.
     *
     * @throws InputException when the files hold no certificate Java can read
     */
    public List<X509Certificate> extraCertificates() {
        List<X509Certificate> certs = extra;
        if (certs == null) {
            synchronized (this) {
                certs = extra;
                if (certs == null) {
                    certs = parser.get();
                    extra = certs;
                }
            }
        }
        return certs;
    }

    /** One line: {@code the JDK's CAs plus 1 from /etc/ssl/corp-ca.pem (--cacert)}. */
    public String describe() {
        if (caFile == null) {
            return "the JDK's CAs";
        }
        return "the JDK's CAs plus " + extraCertificates().size() + " from " + origins;
    }

    /** Every CA this run trusts: the JDK's and the extra ones. */
    public List<X509Certificate> acceptedIssuers() {
        return List.of(trustManager().getAcceptedIssuers());
    }

    /** The SSLContext every TLS connection of the run uses: the HTTP client's and test-connection's probe alike. */
    public SSLContext sslContext() {
        SSLContext ctx = sslContext;
        if (ctx == null) {
            synchronized (this) {
                ctx = sslContext;
                if (ctx == null) {
                    ctx = build();
                    sslContext = ctx;
                }
            }
        }
        return ctx;
    }

    private volatile ClassifyingTrustManager trustManager;

    private ClassifyingTrustManager trustManager() {
        sslContext();
        return trustManager;
    }

    private SSLContext build() {
        try {
            X509ExtendedTrustManager jdk = trustManager(null);
            X509ExtendedTrustManager more = null;
            List<X509Certificate> extra = extraCertificates();
            if (!extra.isEmpty()) {
                KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
                store.load(null, null);
                for (int i = 0; i < extra.size(); i++) {
                    store.setCertificateEntry("extra-" + i, extra.get(i));
                }
                more = trustManager(store);
            }
            trustManager = new ClassifyingTrustManager(jdk, more);
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[]{trustManager}, null);
            return ctx;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot set up TLS in this Java runtime: " + e.getMessage(), e);
        }
    }

    /** The PKIX trust manager over {@code store}, or over the JDK's cacerts when it is null. */
    private static X509ExtendedTrustManager trustManager(KeyStore store) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X509 trust manager in " + tmf.getAlgorithm());
    }
}
