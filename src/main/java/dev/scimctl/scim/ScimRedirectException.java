package dev.scimctl.scim;

import java.net.URI;

/** The server redirected to another origin. It is not followed: the token must never leave for another host. */
public final class ScimRedirectException extends ScimException {
    private final URI target;

    public ScimRedirectException(URI from, URI target) {
        this(from, target, null, "the server at " + Origin.of(from) + " redirected to another host, " + target
                + ", which scimctl does not follow (the token would go with it): is the base URL right?");
    }

    private ScimRedirectException(URI from, URI target, URI useInstead, String message) {
        super(message, null, from, useInstead);
        this.target = target;
    }

    /** The same host sent http to https: the base URL should say https. Still not followed with the token. */
    static ScimRedirectException toHttps(URI from, URI target, URI useInstead) {
        return new ScimRedirectException(from, target, useInstead, "the server at " + Origin.of(from)
                + " redirects http to https (" + target + "): use " + useInstead + " as the base URL (scimctl never "
                + "follows a redirect with the token)");
    }

    /** Where the server sent the request (at {@link #uri()}). */
    public URI target() {
        return target;
    }

    @Override
    public boolean stopsEverything() {
        return true;
    }
}
