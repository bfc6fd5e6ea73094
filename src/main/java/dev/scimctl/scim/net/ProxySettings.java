package dev.scimctl.scim.net;

import dev.scimctl.scim.Secret;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Which proxy, if any, each request goes through. A proxy given explicitly ({@code --proxy}, then the profile) wins
 * over the environment, which is read as curl reads it: {@code https_proxy}/{@code HTTPS_PROXY} for https URLs,
 * {@code http_proxy}/{@code HTTP_PROXY} for http URLs, then {@code all_proxy}/{@code ALL_PROXY}; lower case first.
 * {@code no_proxy}/{@code NO_PROXY} (see {@link NoProxy}) keeps hosts away from any of them, as in curl.
 * <p>
 * The environment is given, never read here: the core does not reach for settings.
 */
public final class ProxySettings {
    private static final List<String> HTTPS_VARS = List.of("https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY");
    private static final List<String> HTTP_VARS = List.of("http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY");
    private static final List<String> NO_PROXY_VARS = List.of("no_proxy", "NO_PROXY");

    /** No explicit proxy and an empty environment: every request goes directly. */
    public static final ProxySettings NONE = new ProxySettings(null, Map.of());

    private final ProxyEndpoint explicit;
    /** Why every proxy is off, or null when the environment and the explicit proxy decide. */
    private final String off;
    private final Map<String, String> env;
    private final NoProxy noProxy;
    private final String noProxyVar;

    private ProxySettings(ProxyEndpoint explicit, Map<String, String> env) {
        this(explicit, env, null);
    }

    private ProxySettings(ProxyEndpoint explicit, Map<String, String> env, String off) {
        this.off = off;
        this.explicit = explicit;
        this.env = Map.copyOf(env);
        String var = firstSet(NO_PROXY_VARS).orElse(null);
        this.noProxyVar = var;
        this.noProxy = var == null ? NoProxy.NONE : NoProxy.parse(this.env.get(var));
    }

    /**
     * @param explicit a proxy from {@code --proxy} or the profile, or null to go by the environment
     * @param env      the environment (only the proxy variables are looked at)
     */
    public static ProxySettings of(ProxyEndpoint explicit, Map<String, String> env) {
        return new ProxySettings(explicit, env);
    }

    /**
     * No proxy at all, whatever the environment says: {@code --proxy ''}, as {@code curl --proxy ''}.
     *
     * @param why what turned proxies off, for test-connection's proxy step
     */
    public static ProxySettings off(String why) {
        return new ProxySettings(null, Map.of(), why);
    }

    /** The explicit proxy, or null. */
    public ProxyEndpoint explicit() {
        return explicit;
    }

    /**
     * The route to {@code target}.
     *
     * @throws IllegalArgumentException when the variable that applies holds a URL scimctl cannot use (the message names
     *                                  the variable and the fix, never a password)
     */
    public ProxyRoute route(URI target) {
        if (off != null) {
            return new ProxyRoute(null, off);
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        String host = target.getHost() == null ? "" : target.getHost();
        int port = target.getPort() != -1 ? target.getPort() : scheme.equals("https") ? 443 : 80;
        ProxyEndpoint proxy = explicit;
        List<String> vars = scheme.equals("https") ? HTTPS_VARS : HTTP_VARS;
        if (proxy == null) {
            Optional<String> var = firstSet(vars);
            if (var.isEmpty()) {
                return new ProxyRoute(null, "none of " + String.join(", ", vars) + " is set");
            }
            proxy = ProxyEndpoint.parse(env.get(var.get()), var.get());
        }
        Optional<String> excluded = noProxy.match(host, port);
        if (excluded.isPresent()) {
            String entry = excluded.get();
            return new ProxyRoute(null, entry.equals("*") ? noProxyVar + "=* turns every proxy off"
                    : noProxyVar + " entry \"" + entry + "\" matches " + host);
        }
        return new ProxyRoute(proxy, proxy.source());
    }

    /** The secrets that must never be printed: proxy passwords, from wherever they came. */
    public List<Secret> secrets() {
        List<Secret> out = new ArrayList<>();
        if (explicit != null && explicit.password() != null) {
            out.add(explicit.password());
        }
        for (String var : List.of("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "all_proxy", "ALL_PROXY")) {
            String value = env.get(var);
            if (value != null && !value.isBlank()) {
                try {
                    ProxyEndpoint p = ProxyEndpoint.parse(value, var);
                    if (p.password() != null) {
                        out.add(p.password());
                    }
                } catch (IllegalArgumentException e) {
                    // Not usable, so never sent; its text is still not printed anywhere by scimctl.
                }
            }
        }
        return out;
    }

    /** A {@link ProxySelector} for {@code HttpClient} that routes each URI as {@link #route(URI)} says. */
    public ProxySelector selector() {
        return new RoutingProxySelector(this);
    }

    private Optional<String> firstSet(List<String> names) {
        for (String name : names) {
            String v = env.get(name);
            if (v != null && !v.isBlank()) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** Asks {@link ProxySettings#route} for every connection the HttpClient opens. */
    static final class RoutingProxySelector extends ProxySelector {
        private final ProxySettings settings;

        RoutingProxySelector(ProxySettings settings) {
            this.settings = settings;
        }

        @Override
        public List<Proxy> select(URI uri) {
            ProxyRoute route = settings.route(uri);
            if (route.isDirect()) {
                return List.of(Proxy.NO_PROXY);
            }
            // Unresolved: the name is looked up when the connection is made, so a proxy whose address changes still works.
            InetSocketAddress address = InetSocketAddress.createUnresolved(route.proxy().host(), route.proxy().port());
            return List.of(new Proxy(Proxy.Type.HTTP, address));
        }

        @Override
        public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
            // Nothing to fall back to: the failure reaches the caller, which says which proxy failed.
        }
    }
}
