package dev.scimctl.scim;

import dev.scimctl.Setting;
import dev.scimctl.scim.net.Certificates;
import dev.scimctl.scim.net.Network;
import dev.scimctl.scim.net.ProxyRoute;
import dev.scimctl.scim.net.ServerCertificateException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the JDK's I/O exceptions into {@link ScimConnectionException}s that say what happened, where, and what to
 * try: with a proxy, which hop failed; for TLS, which of the usual causes it is (an untrusted CA, a name mismatch,
 * an expired certificate, no common protocol version).
 */
final class Failures {
    /** The JDK's words when a proxy answers a CONNECT with anything but 200. */
    private static final Pattern TUNNEL_FAILED = Pattern.compile("Tunnel failed, got: (\\d{3})");

    private Failures() {
    }

    static ScimConnectionException timeout(URI uri, Duration limit, Setting.Names names) {
        return new ScimConnectionException(ScimConnectionException.Kind.TIMEOUT, uri,
                "no answer from " + hostPort(uri) + " within " + seconds(limit)
                        + " (" + uri.getRawPath() + "): the server is slow or unreachable; raise " + names.of(Setting.REQUEST_TIMEOUT)
                        + " if it is only slow",
                null);
    }

    static ScimConnectionException classify(IOException e, URI uri, Duration requestTimeout) {
        return classify(e, uri, requestTimeout, Network.direct(), Setting.Names.PLAIN);
    }

    /** Classifies a failure of a request to {@code uri} made through {@code network}. */
    static ScimConnectionException classify(IOException e, URI uri, Duration requestTimeout, Network network,
                                            Setting.Names names) {
        String where = hostPort(uri);
        ProxyRoute route = safeRoute(network, uri);
        String proxy = route.isDirect() ? null : "the proxy " + route.proxy().redacted() + " (from " + route.why() + ")";
        if (e instanceof HttpConnectTimeoutException) {
            return new ScimConnectionException(ScimConnectionException.Kind.TIMEOUT, uri, proxy != null
                    ? "could not connect to " + proxy + " in time: is the proxy address right, and is it running?"
                    : "could not connect to " + where + " in time: is the host right, and is there a firewall or proxy in the way?", e);
        }
        if (e instanceof HttpTimeoutException) {
            return timeout(uri, requestTimeout, names);
        }
        Matcher tunnel = tunnelFailure(e);
        if (tunnel != null && proxy != null) {
            return proxyRefused(uri, route, Integer.parseInt(tunnel.group(1)), e);
        }
        if (has(e, UnknownHostException.class) || has(e, UnresolvedAddressException.class)) {
            if (proxy != null) {
                // Through a proxy, only the proxy's own name is looked up here: the proxy resolves the server's.
                return new ScimConnectionException(ScimConnectionException.Kind.DNS, uri, "cannot resolve the host name of "
                        + proxy + ": check the proxy URL", e);
            }
            return new ScimConnectionException(ScimConnectionException.Kind.DNS, uri,
                    "cannot resolve the host name " + uri.getHost() + ": check the base URL for typos", e);
        }
        ServerCertificateException refused = find(e, ServerCertificateException.class);
        if (refused != null) {
            return new ScimConnectionException(ScimConnectionException.Kind.TLS, uri,
                    "TLS with " + where + " failed: " + certificateProblem(refused, uri, network, proxy != null, names), e);
        }
        SSLException tls = find(e, SSLException.class);
        if (tls != null) {
            return new ScimConnectionException(ScimConnectionException.Kind.TLS, uri,
                    "TLS with " + where + " failed: " + handshakeProblem(tls, network, proxy), e);
        }
        if (e instanceof ConnectException || has(e, ConnectException.class)) {
            return new ScimConnectionException(ScimConnectionException.Kind.CONNECT, uri, proxy != null
                    ? "cannot connect to " + proxy + " (connection refused): is the proxy address right, and is it running?"
                    : "cannot connect to " + where + " (connection refused): is the server running, and the port in the base URL right?", e);
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ScimConnectionException(ScimConnectionException.Kind.RESET, uri,
                "the connection to " + where + (proxy != null ? " through " + proxy : "")
                        + " was dropped before a complete answer (" + detail + ")", e);
    }

    /**
     * A proxy that answered a CONNECT (or a proxied request) with {@code status} instead of passing it on. Its page is
     * not shown: it is the proxy's, not the server's.
     */
    static ScimConnectionException proxyRefused(URI uri, ProxyRoute route, int status, Throwable cause) {
        String proxy = "the proxy " + route.proxy().redacted() + " (from " + route.why() + ")";
        String target = hostPort(uri);
        String text;
        if (status == 407 || status == 401) {
            text = route.proxy().hasCredentials()
                    ? proxy + " refused the user name and password (" + status + "): check them in the proxy URL"
                    : proxy + " requires a user name and password (" + status + "): put them in the proxy URL, "
                    + "http://USER:PASSWORD@host:port (percent-encode @ and : in them)";
        } else if (status == 403) {
            text = proxy + " does not allow connections to " + target + " (403): ask whoever runs the proxy to allow this"
                    + " host and port";
        } else if (status == 502 || status == 503 || status == 504) {
            text = proxy + " could not reach " + target + " (" + status + "): check the base URL's host and port; "
                    + "the proxy looks the name up and connects on scimctl's behalf";
        } else {
            text = proxy + " answered " + status + " when asked to connect to " + target;
        }
        return new ScimConnectionException(ScimConnectionException.Kind.PROXY, uri, text, cause);
    }

    private static String certificateProblem(ServerCertificateException e, URI uri, Network network, boolean proxied,
                                             Setting.Names names) {
        X509Certificate leaf = e.chain().isEmpty() ? null : e.chain().get(0);
        X509Certificate culprit = e.culprit() == null ? leaf : e.culprit();
        String trusted = " (trusted now: " + network.trust().describe() + ")";
        String host = e.host() != null ? e.host() : uri.getHost();
        String whose = culprit == leaf || culprit == null ? "the server's certificate"
                : "the certificate \"" + Certificates.subjectName(culprit) + "\" in the server's chain";
        return switch (e.problem()) {
            case UNKNOWN_ISSUER -> {
                String inspection = proxied ? "is the proxy inspecting TLS?" : "is there TLS inspection?";
                if (leaf != null && Certificates.isSelfSigned(leaf)) {
                    yield "the server's certificate \"" + Certificates.subjectName(leaf) + "\" is self-signed, and this"
                            + " machine does not trust it: " + inspection + " use " + names.of(Setting.CA_CERTS)
                            + " FILE with that certificate in PEM"
                            + trusted;
                }
                String issuer = leaf == null ? "" : " (issuer: " + Certificates.issuerName(e.chain().get(e.chain().size() - 1)) + ")";
                yield "the server's certificate is signed by a CA this machine does not trust" + issuer + ": "
                        + inspection + " use " + names.of(Setting.CA_CERTS) + " FILE with that CA's certificate in PEM" + trusted;
            }
            case HOSTNAME_MISMATCH -> "the server's certificate is for " + String.join(", ",
                    leaf == null ? List.of("another name") : Certificates.hostNames(leaf)) + ", not " + host
                    + ": is the host name in the base URL right? (TLS inspection can also cause this)";
            case EXPIRED -> whose + " expired on " + Certificates.notAfter(culprit) + " (valid from "
                    + Certificates.notBefore(culprit) + "; now " + Certificates.date(e.checkedAt())
                    + "): the server's operator must renew it, unless this machine's clock is wrong";
            case NOT_YET_VALID -> whose + " is not valid before " + Certificates.notBefore(culprit) + " (now "
                    + Certificates.date(e.checkedAt()) + "): is this machine's clock right?";
            case OTHER -> "the server's certificate was refused: " + rootMessage(e);
        };
    }

    private static String handshakeProblem(SSLException e, Network network, String proxy) {
        String jdk = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        String offered = String.join(", ", network.tlsProtocols());
        String lower = jdk.toLowerCase(Locale.ROOT);
        if (lower.contains("protocol_version") || lower.contains("no appropriate protocol")
                || lower.contains("not accepted by client preferences") || lower.contains("unsupported protocol")) {
            return "no TLS protocol version in common (" + jdk + "): scimctl offers " + offered
                    + "; the server must support TLS 1.2 or newer";
        }
        if (e instanceof SSLHandshakeException || lower.contains("handshake")) {
            return "the handshake broke off (" + jdk + "): the server may accept none of the protocol versions scimctl "
                    + "offers (" + offered + ") or none of its cipher suites, or "
                    + (proxy != null ? proxy + " or a firewall" : "a firewall or proxy") + " cut the connection";
        }
        return jdk;
    }

    /** The JDK's words when a TLS handshake got bytes that are not TLS (a plain-HTTP answer, say). */
    static boolean isNotTls(IOException e) {
        SSLException tls = find(e, SSLException.class);
        String text = tls == null || tls.getMessage() == null ? "" : tls.getMessage().toLowerCase(Locale.ROOT);
        return text.contains("unrecognized ssl message") || text.contains("plaintext connection");
    }

    private static Matcher tunnelFailure(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null) {
                Matcher m = TUNNEL_FAILED.matcher(c.getMessage());
                if (m.find()) {
                    return m;
                }
            }
        }
        return null;
    }

    private static ProxyRoute safeRoute(Network network, URI uri) {
        try {
            return network.route(uri);
        } catch (IllegalArgumentException e) {
            return new ProxyRoute(null, e.getMessage());
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }

    static String hostPort(URI uri) {
        Origin o = Origin.of(uri);
        return o.host() + ":" + o.port();
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    private static boolean has(Throwable t, Class<? extends Throwable> type) {
        return find(t, type) != null;
    }

    static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
