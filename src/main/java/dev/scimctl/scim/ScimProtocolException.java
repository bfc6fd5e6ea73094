package dev.scimctl.scim;

import java.net.URI;

/**
 * The server answered, but not with SCIM, or with SCIM that cannot be believed: an HTML login page, a truncated or
 * non-JSON body, an Error document sent with 200, a list of the wrong shape, a body past the size limit, a pager
 * that never ends. Always exit 6: the server (or what stands in front of it) is at fault.
 */
public final class ScimProtocolException extends ScimException {
    private final int status;

    public ScimProtocolException(URI uri, String message, Throwable cause) {
        this(uri, 0, message, cause);
    }

    /** @param status the HTTP status that came with the answer, or 0 when there was none or it does not matter */
    public ScimProtocolException(URI uri, int status, String message, Throwable cause) {
        super(message, cause, uri, null);
        this.status = status;
    }

    /** A framework's own 404, 405 or 501 page: the endpoint is not served (not a resource that is missing). */
    @Override
    public boolean isNotServed() {
        return status == 404 || status == 405 || status == 501;
    }

    /** The HTTP status of the answer that was not SCIM, or 0. */
    public int status() {
        return status;
    }
}
