package dev.scimctl.scim;

import dev.scimctl.scim.net.PortProbe;

import java.net.URI;
import java.net.URISyntaxException;

/**
 * The commonest base-URL mistake after a wrong path: http and https mixed up. A base URL whose scheme does not match
 * what the port speaks fails in confusing ways (a stalled handshake, a dropped connection, retries); this names the
 * cause and the base URL to use instead.
 */
final class SchemeMixup {
    /** How long a TLS handshake may stay silent before the port is asked whether it speaks plain HTTP. */
    static final long STALL_MILLIS = 1000;

    private SchemeMixup() {
    }

    /** For an {@code https} request that stalled or got no TLS answer: the failure to report, or null. */
    static ScimConnectionException plainHttpOnTlsUrl(URI uri, URI baseUrl, int timeoutMillis) {
        return mixup(uri, baseUrl, "https", "http", PortProbe::speaksPlainHttp, timeoutMillis, "speaks plain HTTP, not "
                + "TLS: the base URL starts with https:// but this port wants http:// (use %s if the server is meant to be "
                + "reached without TLS, or the server's https port)");
    }

    /** For an {@code http} request that was cut off: the failure to report when the port speaks TLS, or null. */
    static ScimConnectionException tlsOnPlainUrl(URI uri, URI baseUrl, int timeoutMillis) {
        return mixup(uri, baseUrl, "http", "https", PortProbe::speaksTls, timeoutMillis,
                "speaks TLS, not plain HTTP: use %s");
    }

    /** Asks a port whether it speaks the other protocol. */
    @FunctionalInterface
    private interface Probe {
        boolean speaks(String host, int port, int timeoutMillis);
    }

    /**
     * The failure to report when a request on {@code scheme} went to a port that speaks {@code other}, or null.
     *
     * @param problem what the port speaks, with {@code %s} where the base URL to use instead goes
     */
    private static ScimConnectionException mixup(URI uri, URI baseUrl, String scheme, String other, Probe probe,
                                                 int timeoutMillis, String problem) {
        Origin o = Origin.of(uri);
        if (!scheme.equals(o.scheme()) || !probe.speaks(uri.getHost(), o.port(), timeoutMillis)) {
            return null;
        }
        URI fixed = withScheme(baseUrl, other);
        return new ScimConnectionException(ScimConnectionException.Kind.TLS, uri, o.host() + ":" + o.port() + " "
                + problem.formatted(fixed), null, fixed);
    }

    /** {@code url} with another scheme, keeping the host, the port and the path. */
    static URI withScheme(URI url, String scheme) {
        try {
            return new URI(scheme, url.getRawUserInfo(), url.getHost(), url.getPort(), url.getPath(), null, null);
        } catch (URISyntaxException e) {
            return url;
        }
    }

    /** True for a redirect from http to https on the same host: the base URL should say https. */
    static boolean isUpgrade(URI from, URI to) {
        Origin a = Origin.of(from);
        Origin b = Origin.of(to);
        return "http".equals(a.scheme()) && "https".equals(b.scheme()) && a.host().equals(b.host());
    }

    /** The base URL on the redirect's scheme and port: {@code http://h/scim/v2} → {@code https://h/scim/v2}. */
    static URI upgraded(URI baseUrl, URI target) {
        Origin t = Origin.of(target);
        int port = t.port() == 443 ? -1 : t.port();
        try {
            return new URI("https", baseUrl.getRawUserInfo(), baseUrl.getHost(), port, baseUrl.getPath(), null, null);
        } catch (URISyntaxException e) {
            return target;
        }
    }
}
