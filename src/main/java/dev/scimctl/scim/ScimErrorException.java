package dev.scimctl.scim;

import java.net.URI;

/** The server answered with an HTTP error status; {@code scimType} and {@code detail} come from its SCIM error body. */
public class ScimErrorException extends ScimException {
    private final String method;
    private final URI uri;
    private final int status;
    private final String scimType;
    private final String detail;

    public ScimErrorException(String method, URI uri, int status, String scimType, String detail) {
        super(describe(method, uri, status, scimType, detail), null);
        this.method = method;
        this.uri = uri;
        this.status = status;
        this.scimType = scimType;
        this.detail = detail;
    }

    private static String describe(String method, URI uri, int status, String scimType, String detail) {
        StringBuilder b = new StringBuilder().append(status).append(' ').append(HttpStatus.reason(status))
                .append(" from ").append(method).append(' ').append(uri);
        if (scimType != null) {
            b.append(" (scimType ").append(scimType).append(')');
        }
        if (detail != null && !detail.isBlank()) {
            b.append(": ").append(detail.strip());
        }
        return b.toString();
    }

    public String method() {
        return method;
    }

    public URI uri() {
        return uri;
    }

    public int status() {
        return status;
    }

    /** The SCIM error type ({@code uniqueness}, {@code invalidValue} …), or null when the body named none. */
    public String scimType() {
        return scimType;
    }

    public String detail() {
        return detail;
    }

    public boolean isAuthFailure() {
        return status == 401 || status == 403;
    }

    public boolean isNotFound() {
        return status == 404;
    }

    public boolean isServerError() {
        return status >= 500;
    }
}
