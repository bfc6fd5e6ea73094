package dev.scimctl.scim.net;

import dev.scimctl.InputException;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import java.util.List;

/**
 * Which certificate authorities this run trusts: always the JDK's own (its cacerts), plus, when given, the CAs of one
 * PEM file ({@code --cacert}, the profile, or {@code SSL_CERT_FILE}). The extra CAs add to the JDK's; they never
 * replace them, and there is no way to turn checking off. The file is read at once, but its certificates are parsed,
 * and the SSLContext built, on first use: a run against an {@code http://} URL needs neither (a CA bundle of 140
 * certificates costs a plain-HTTP run about a hundred classes and their parsing).
 */
public final class TrustSettings {
    private static final TrustSettings JDK_DEFAULT = new TrustSettings(null, null, new byte[0]);
    private static final byte[] PEM_CERTIFICATE = "-----BEGIN CERTIFICATE-----".getBytes(StandardCharsets.US_ASCII);
    private static final byte DER_SEQUENCE = 0x30;

    private final Path caFile;
    private final String source;
    private final byte[] caBytes;
    private volatile List<X509Certificate> extra;
    private volatile SSLContext sslContext;

    private TrustSettings(Path caFile, String source, byte[] caBytes) {
        this.caFile = caFile;
        this.source = source;
        this.caBytes = caBytes;
        this.extra = caFile == null ? List.of() : null;
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
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new InputException("the CA file " + file + " (from " + source + ") does not exist: give the path of "
                    + "the PEM file that holds your CA's certificate");
        } catch (AccessDeniedException e) {
            throw new InputException("the CA file " + file + " (from " + source + ") cannot be read: permission denied");
        } catch (IOException e) {
            throw new InputException("the CA file " + file + " (from " + source + ") cannot be read: " + e.getMessage());
        }
        if (!(bytes.length > 0 && bytes[0] == DER_SEQUENCE) && indexOf(bytes, PEM_CERTIFICATE) < 0) {
            throw new InputException("the CA file " + file + " (from " + source + ") holds no certificate: it must hold "
                    + "PEM blocks that begin with -----BEGIN CERTIFICATE-----");
        }
        return new TrustSettings(file, source, bytes);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Parses the CA file's certificates, once. */
    private List<X509Certificate> parse() {
        Path file = caFile;
        List<X509Certificate> certs = new ArrayList<>();
        try {
            Collection<? extends Certificate> read = CertificateFactory.getInstance("X.509")
                    .generateCertificates(new ByteArrayInputStream(caBytes));
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
     * The extra CAs, in file order.
     *
     * @throws InputException when the file holds no certificate Java can read
     */
    public List<X509Certificate> extraCertificates() {
        List<X509Certificate> certs = extra;
        if (certs == null) {
            synchronized (this) {
                certs = extra;
                if (certs == null) {
                    certs = parse();
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
        return "the JDK's CAs plus " + extraCertificates().size() + " from " + caFile + " (" + source + ")";
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
