package dev.scimctl.scim;

import java.net.URI;

/**
 * Everything the SCIM client core can fail with. Unchecked, so that lazy streams of resources can fail mid-way.
 * Messages are complete sentences for a person, and never hold a token.
 * <p>
 * Callers ask what a failure means through the named predicates ({@link #isNotFound()}, {@link #isUnsupported()},
 * {@link #isConflict()}, {@link #isPreconditionFailed()} …), never by comparing status codes: those rules live here.
 */
public abstract sealed class ScimException extends RuntimeException
        permits ScimErrorException, ScimProtocolException, ScimConnectionException, ScimRedirectException {
    private final URI uri;
    private final URI useInstead;

    /**
     * @param uri        the URL of the request that failed
     * @param useInstead the base URL to use instead, when the failure says which (http and https mixed up), or null
     */
    protected ScimException(String message, Throwable cause, URI uri, URI useInstead) {
        super(message, cause);
        this.uri = uri;
        this.useInstead = useInstead;
    }

    /** The URL of the request that failed. */
    public URI uri() {
        return uri;
    }

    /** The base URL to use instead, when the failure says which (http and https mixed up), else null. */
    public URI useInstead() {
        return useInstead;
    }

    /** No such resource (404). */
    public boolean isNotFound() {
        return false;
    }

    /** The server does not do this at all: 501 Not Implemented, or 405 Method Not Allowed (how servers say "no PATCH"). */
    public boolean isUnsupported() {
        return false;
    }

    /**
     * The endpoint is not served at all: 404, 405 or 501, as a SCIM error or as a web framework's own page. For the
     * endpoints a server may leave out (discovery); for a resource, {@link #isNotFound()} is the question.
     */
    public boolean isNotServed() {
        return false;
    }

    /** A uniqueness conflict (409, scimType {@code uniqueness} or none): the resource exists already. */
    public boolean isConflict() {
        return false;
    }

    /** The resource changed since it was read (412, for a request with If-Match). */
    public boolean isPreconditionFailed() {
        return false;
    }

    /** The token was refused (401) or is not allowed to do this (403). */
    public boolean isAuthFailure() {
        return false;
    }

    /** A failure that may pass if tried again later: 429 or 5xx after the retries, a dropped connection, a timeout. */
    public boolean isTransient() {
        return false;
    }

    /** A failure every further request would hit too (auth, DNS, refused connection, TLS, a cross-origin redirect). */
    public boolean stopsEverything() {
        return false;
    }
}
