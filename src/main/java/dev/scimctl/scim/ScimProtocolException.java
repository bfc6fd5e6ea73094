package dev.scimctl.scim;

import java.net.URI;

/** The server answered, but not with SCIM: an HTML login page, a truncated or non-JSON body, a wrong content type. */
public final class ScimProtocolException extends ScimException {
    private final URI uri;

    public ScimProtocolException(URI uri, String message, Throwable cause) {
        super(message, cause);
        this.uri = uri;
    }

    public URI uri() {
        return uri;
    }
}
