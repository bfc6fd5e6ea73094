package dev.scimctl.scim;

import javax.net.ssl.SSLException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;

/** Turns the JDK's I/O exceptions into {@link ScimConnectionException}s that say what happened and what to try. */
final class Failures {
    private Failures() {
    }

    static ScimConnectionException timeout(URI uri, Duration limit) {
        return new ScimConnectionException(ScimConnectionException.Kind.TIMEOUT, uri,
                "no answer from " + hostPort(uri) + " within " + seconds(limit)
                        + " (" + uri.getRawPath() + "): the server is slow or unreachable; raise --timeout if it is only slow",
                null);
    }

    static ScimConnectionException classify(IOException e, URI uri, Duration requestTimeout) {
        String where = hostPort(uri);
        if (e instanceof HttpConnectTimeoutException) {
            return new ScimConnectionException(ScimConnectionException.Kind.TIMEOUT, uri,
                    "could not connect to " + where + " in time: is the host right, and is there a firewall or proxy in the way?", e);
        }
        if (e instanceof HttpTimeoutException) {
            return timeout(uri, requestTimeout);
        }
        if (has(e, UnknownHostException.class) || has(e, UnresolvedAddressException.class)) {
            return new ScimConnectionException(ScimConnectionException.Kind.DNS, uri,
                    "cannot resolve the host name " + uri.getHost() + ": check the base URL for typos", e);
        }
        SSLException tls = find(e, SSLException.class);
        if (tls != null) {
            return new ScimConnectionException(ScimConnectionException.Kind.TLS, uri,
                    "TLS with " + where + " failed: " + tls.getMessage(), e);
        }
        if (e instanceof ConnectException || has(e, ConnectException.class)) {
            return new ScimConnectionException(ScimConnectionException.Kind.CONNECT, uri,
                    "cannot connect to " + where + " (connection refused): is the server running, and the port in the base URL right?", e);
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new ScimConnectionException(ScimConnectionException.Kind.RESET, uri,
                "the connection to " + where + " was dropped before a complete answer (" + detail + ")", e);
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

    private static <T extends Throwable> T find(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
