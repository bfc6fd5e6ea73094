package dev.scimctl.scim.net;

import dev.scimctl.scim.Secret;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;

/**
 * How this run reaches servers: the proxies and the trusted CAs. The SCIM client and test-connection's probes both
 * take their routes and their SSLContext from here, so that they see the network the same way.
 */
public final class Network {
    private static final Network DIRECT = new Network(ProxySettings.NONE, TrustSettings.jdkDefault());

    private final ProxySettings proxies;
    private final TrustSettings trust;

    public Network(ProxySettings proxies, TrustSettings trust) {
        this.proxies = proxies == null ? ProxySettings.NONE : proxies;
        this.trust = trust == null ? TrustSettings.jdkDefault() : trust;
    }

    /** No proxy, the JDK's CAs. */
    public static Network direct() {
        return DIRECT;
    }

    public ProxySettings proxies() {
        return proxies;
    }

    public TrustSettings trust() {
        return trust;
    }

    /** The route to {@code uri}; throws IllegalArgumentException when the proxy variable that applies is unusable. */
    public ProxyRoute route(URI uri) {
        return proxies.route(uri);
    }

    /**
     * The {@code Proxy-Authorization} value for a request to {@code uri}, or null: only when that request goes through
     * a proxy that has credentials, so they never reach a server directly. Sent with every request rather than after a
     * challenge: some proxies challenge with 401 instead of 407, and an HttpClient with an Authenticator turns a
     * server's 401 without WWW-Authenticate into an IOException, which would hide an expired token.
     */
    public String proxyAuthorization(URI uri) {
        ProxyRoute route = proxies.route(uri);
        return route.isDirect() ? null : route.proxy().basicAuthorization();
    }

    /** An HttpClient builder that routes through the proxies and trusts these CAs. */
    public HttpClient.Builder httpClientBuilder(Duration connectTimeout) {
        TunnelBasicAuth.enable();
        return HttpClient.newBuilder()
                .connectTimeout(connectTimeout)
                .version(HttpClient.Version.HTTP_1_1)
                .proxy(proxies.selector())
                // The TLS stack and the trust store load on the first handshake, not for an http:// URL.
                .sslContext(new LazySslContext(trust::sslContext))
                .sslParameters(LazySslContext.unsetParameters());
    }

    /** The protocol versions this run offers in a TLS handshake, e.g. [TLSv1.3, TLSv1.2]. */
    public List<String> tlsProtocols() {
        return List.of(trust.sslContext().getDefaultSSLParameters().getProtocols());
    }

    /** Proxy passwords: never printed, scrubbed from anything that is. */
    public List<Secret> secrets() {
        return proxies.secrets();
    }
}
