package dev.scimctl.scim;

import java.net.URI;

/** The server redirected to another origin. It is not followed: the token must never leave for another host. */
public final class ScimRedirectException extends ScimException {
    private final URI from;
    private final URI target;
    private final URI useInstead;

    public ScimRedirectException(URI from, URI target) {
        this(from, target, null, "the server at " + Origin.of(from) + " redirected to another host, " + target
                + ", which scimctl does not follow (the token would go with it): is the base URL right?");
    }

    private ScimRedirectException(URI from, URI target, URI useInstead, String message) {
        super(message, null);
        this.from = from;
        this.target = target;
        this.useInstead = useInstead;
    }

    /** The same host sent http to https: the base URL should say https. Still not followed with the token. */
    static ScimRedirectException toHttps(URI from, URI target, URI useInstead) {
        return new ScimRedirectException(from, target, useInstead, "the server at " + Origin.of(from)
                + " redirects http to https (" + target + "): use " + useInstead + " as the base URL (scimctl never "
                + "follows a redirect with the token)");
    }

    public URI from() {
        return from;
    }

    public URI target() {
        return target;
    }

    @Override
    public boolean stopsEverything() {
        return true;
    }

    /** The base URL to use instead, when the redirect says which (http to https on the same host), else null. */
    public URI useInstead() {
        return useInstead;
    }
}
