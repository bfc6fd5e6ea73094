package dev.scimctl.scim.net;

/**
 * Lets Basic proxy authentication through to HTTPS tunnels. The JDK strips a Basic {@code Proxy-Authorization}
 * from the CONNECT that opens a tunnel unless {@code jdk.http.auth.tunneling.disabledSchemes} no longer names Basic
 * (its default is "Basic"), and it reads that property once, when the first HttpClient is built: so this must run
 * before any HttpClient exists. The credentials go to the proxy only; the JDK keeps them out of the tunnelled request.
 */
public final class TunnelBasicAuth {
    static final String PROPERTY = "jdk.http.auth.tunneling.disabledSchemes";

    private TunnelBasicAuth() {
    }

    /** Clears the property unless someone set it on purpose (e.g. with SCIMCTL_OPTS). Idempotent. */
    public static void enable() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, "");
        }
    }
}
