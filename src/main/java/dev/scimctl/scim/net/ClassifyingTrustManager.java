package dev.scimctl.scim.net;

import dev.scimctl.scim.net.ServerCertificateException.Problem;

import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedTrustManager;
import java.net.Socket;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.PKIXReason;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Trusts what the JDK trusts, plus the extra CAs (never instead of them), and when it refuses a server says why in a
 * {@link ServerCertificateException}. The chain is checked first without the host name, then with it, so that a
 * name mismatch is told apart from an untrusted or expired chain.
 */
final class ClassifyingTrustManager extends X509ExtendedTrustManager {
    private final X509ExtendedTrustManager jdk;
    private final X509ExtendedTrustManager extra;

    /**
     * @param jdk   the JDK's default trust manager (its cacerts)
     * @param extra a trust manager over the extra CAs, or null
     */
    ClassifyingTrustManager(X509ExtendedTrustManager jdk, X509ExtendedTrustManager extra) {
        this.jdk = jdk;
        this.extra = extra;
    }

    @FunctionalInterface
    private interface Check {
        void run(X509ExtendedTrustManager tm) throws CertificateException;
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        String host = engine == null ? null : engine.getPeerHost();
        check(chain, authType, host, tm -> tm.checkServerTrusted(chain, authType, engine));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        String host = null;
        if (socket instanceof SSLSocket ssl) {
            SSLSession handshake = ssl.getHandshakeSession();
            host = handshake == null ? null : handshake.getPeerHost();
        }
        check(chain, authType, host, tm -> tm.checkServerTrusted(chain, authType, socket));
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, authType, null, tm -> tm.checkServerTrusted(chain, authType));
    }

    private void check(X509Certificate[] chain, String authType, String host, Check withEndpoint)
            throws CertificateException {
        Instant now = Instant.now();
        List<X509Certificate> list = Arrays.asList(chain);
        X509ExtendedTrustManager trustedBy;
        try {
            jdk.checkServerTrusted(chain, authType);
            trustedBy = jdk;
        } catch (CertificateException byJdk) {
            if (extra == null) {
                throw classify(byJdk, list, host, now);
            }
            try {
                extra.checkServerTrusted(chain, authType);
                trustedBy = extra;
            } catch (CertificateException byExtra) {
                // The manager that got past "who signed this" knows more (e.g. that the chain has expired).
                throw classify(isUnknownIssuer(byExtra) ? byJdk : byExtra, list, host, now);
            }
        }
        try {
            withEndpoint.run(trustedBy);
        } catch (CertificateException e) {
            X509Certificate leaf = chain.length > 0 ? chain[0] : null;
            boolean nameMismatch = host != null && leaf != null && !Certificates.covers(leaf, host);
            throw new ServerCertificateException(nameMismatch ? Problem.HOSTNAME_MISMATCH : Problem.OTHER, list, leaf,
                    host, now, e);
        }
    }

    private static ServerCertificateException classify(CertificateException e, List<X509Certificate> chain, String host,
                                                       Instant now) {
        X509Certificate leaf = chain.isEmpty() ? null : chain.get(0);
        if (has(e, CertificateExpiredException.class) || reason(e) == CertPathValidatorException.BasicReason.EXPIRED) {
            return new ServerCertificateException(Problem.EXPIRED, chain, firstInvalid(chain, now, true, leaf), host, now, e);
        }
        if (has(e, CertificateNotYetValidException.class)
                || reason(e) == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
            return new ServerCertificateException(Problem.NOT_YET_VALID, chain, firstInvalid(chain, now, false, leaf), host,
                    now, e);
        }
        if (isUnknownIssuer(e)) {
            return new ServerCertificateException(Problem.UNKNOWN_ISSUER, chain, leaf, host, now, e);
        }
        return new ServerCertificateException(Problem.OTHER, chain, leaf, host, now, e);
    }

    private static boolean isUnknownIssuer(Throwable e) {
        return has(e, CertPathBuilderException.class) || reason(e) == PKIXReason.NO_TRUST_ANCHOR;
    }

    private static CertPathValidatorException.Reason reason(Throwable e) {
        CertPathValidatorException v = find(e, CertPathValidatorException.class);
        return v == null ? null : v.getReason();
    }

    private static X509Certificate firstInvalid(List<X509Certificate> chain, Instant now, boolean expired,
                                                X509Certificate fallback) {
        for (X509Certificate c : chain) {
            boolean bad = expired ? c.getNotAfter().toInstant().isBefore(now) : c.getNotBefore().toInstant().isAfter(now);
            if (bad) {
                return c;
            }
        }
        return fallback;
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        return find(t, type) != null;
    }

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }

    // scimctl is never a TLS server; client checks are the JDK's.

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        jdk.checkClientTrusted(chain, authType, socket);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        jdk.checkClientTrusted(chain, authType, engine);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        jdk.checkClientTrusted(chain, authType);
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        List<X509Certificate> all = new ArrayList<>(Arrays.asList(jdk.getAcceptedIssuers()));
        if (extra != null) {
            all.addAll(Arrays.asList(extra.getAcceptedIssuers()));
        }
        return all.toArray(new X509Certificate[0]);
    }
}
