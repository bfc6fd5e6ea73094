package dev.scimctl.scim.net;

/**
 * How requests to one URL travel: through {@code proxy}, or directly (proxy null), and why, in words a person can
 * check against their environment.
 *
 * @param proxy the proxy, or null for a direct connection
 * @param why   where the proxy came from ({@code HTTPS_PROXY}), or why there is none
 *              ({@code NO_PROXY entry "localhost" matches localhost})
 */
public record ProxyRoute(ProxyEndpoint proxy, String why) {
    public boolean isDirect() {
        return proxy == null;
    }

    /** One line: {@code via http://alice:****@proxy:3128 (from HTTPS_PROXY)} or {@code direct: …}. */
    public String describe() {
        return proxy == null ? "direct (" + why + ")" : "via " + proxy.redacted() + " (from " + why + ")";
    }
}
