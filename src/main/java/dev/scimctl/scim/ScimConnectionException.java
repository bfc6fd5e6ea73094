package dev.scimctl.scim;

import java.net.URI;

/** The server could not be reached or stopped answering: DNS, connect, TLS, a proxy, a timeout, a dropped connection. */
public final class ScimConnectionException extends ScimException {
    /** What went wrong, so that messages and retries can tell the cases apart. */
    public enum Kind {
        DNS("the host name could not be resolved"),
        CONNECT("the connection was refused or could not be made"),
        TLS("the TLS handshake failed"),
        PROXY("the proxy refused or could not reach the server"),
        TIMEOUT("the server did not answer in time"),
        RESET("the connection was dropped");

        private final String text;

        Kind(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }
    }

    private final Kind kind;

    public ScimConnectionException(Kind kind, URI uri, String message, Throwable cause) {
        this(kind, uri, message, cause, null);
    }

    /** A failure whose fix is another base URL: http and https mixed up. */
    public ScimConnectionException(Kind kind, URI uri, String message, Throwable cause, URI useInstead) {
        super(message, cause, uri, useInstead);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public boolean isTransient() {
        return kind == Kind.RESET || kind == Kind.TIMEOUT;
    }

    @Override
    public boolean stopsEverything() {
        return kind == Kind.DNS || kind == Kind.CONNECT || kind == Kind.TLS;
    }
}
