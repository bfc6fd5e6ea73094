package dev.scimctl.scim;

import java.net.URI;

/** The server redirected to another origin. It is not followed: the token must never leave for another host. */
public final class ScimRedirectException extends ScimException {
    private final URI from;
    private final URI target;

    public ScimRedirectException(URI from, URI target) {
        super("the server at " + Origin.of(from) + " redirected to another host, " + target
                + ", which scimctl does not follow (the token would go with it): is the base URL right?", null);
        this.from = from;
        this.target = target;
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
}
