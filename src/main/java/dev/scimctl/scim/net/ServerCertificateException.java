package dev.scimctl.scim.net;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;

/**
 * The server's certificate was refused, and why, with the facts a message needs: the chain, the host that was asked
 * for, the certificate at fault, and when the check ran. The JDK carries it as the cause of its SSLHandshakeException.
 */
public final class ServerCertificateException extends CertificateException {
    /** Why a certificate was refused. */
    public enum Problem {
        /** No trusted CA signed the chain (TLS inspection, a private CA, a self-signed certificate). */
        UNKNOWN_ISSUER,
        /** The certificate does not name the host in the URL. */
        HOSTNAME_MISMATCH,
        /** A certificate of the chain has expired. */
        EXPIRED,
        /** A certificate of the chain is not valid yet (or this machine's clock is behind). */
        NOT_YET_VALID,
        /** Anything else the JDK refused (a weak algorithm, a revoked or malformed certificate). */
        OTHER
    }

    private final Problem problem;
    private final transient List<X509Certificate> chain;
    private final transient X509Certificate culprit;
    private final String host;
    private final Instant checkedAt;

    ServerCertificateException(Problem problem, List<X509Certificate> chain, X509Certificate culprit, String host,
                               Instant checkedAt, Throwable cause) {
        super(problem + " (" + (cause == null ? "" : cause.getMessage()) + ")", cause);
        this.problem = problem;
        this.chain = List.copyOf(chain);
        this.culprit = culprit;
        this.host = host;
        this.checkedAt = checkedAt;
    }

    public Problem problem() {
        return problem;
    }

    /** The chain the server sent, its own certificate first. */
    public List<X509Certificate> chain() {
        return chain;
    }

    /** The certificate at fault: the expired one, or the server's own. */
    public X509Certificate culprit() {
        return culprit;
    }

    /** The host name or address the client asked for, or null when it is not known. */
    public String host() {
        return host;
    }

    public Instant checkedAt() {
        return checkedAt;
    }
}
