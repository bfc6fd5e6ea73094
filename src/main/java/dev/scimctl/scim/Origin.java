package dev.scimctl.scim;

import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/** Scheme, host and port of a URI: what must match for a redirect to be followed with the token. */
public record Origin(String scheme, String host, int port) {
    public static Origin of(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort();
        if (port == -1) {
            port = "https".equals(scheme) ? 443 : "http".equals(scheme) ? 80 : -1;
        }
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return new Origin(scheme, host, port);
    }

    // Written out: a record's own equals and hashCode are made on first call by an invokedynamic bootstrap that
    // spins some twenty method-handle classes outside the start-up archive, on every run with a saved profile.
    @Override
    public boolean equals(Object o) {
        return o instanceof Origin other && port == other.port && Objects.equals(scheme, other.scheme)
                && Objects.equals(host, other.host);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, host, port);
    }

    @Override
    public String toString() {
        return scheme + "://" + host + ":" + port;
    }
}
