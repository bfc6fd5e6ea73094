package dev.scimctl.scim.net;

import dev.scimctl.scim.Secret;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * An HTTP proxy as a URL gives it, {@code http://user:password@proxy.example:3128}, and where that URL came from.
 * The password is a {@link Secret}: {@link #toString()} and {@link #redacted()} show {@code ****} in its place.
 */
public final class ProxyEndpoint {
    /** curl's default when a proxy URL names no port. */
    public static final int DEFAULT_PORT = 1080;

    private final String host;
    private final int port;
    private final String user;
    private final Secret password;
    private final String source;

    private ProxyEndpoint(String host, int port, String user, Secret password, String source) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.source = source;
    }

    /**
     * Reads a proxy URL as curl does: the scheme may be left out (http is meant), a missing port is 1080, user and
     * password are percent-decoded.
     *
     * @param text   the URL
     * @param source where it came from ({@code --proxy}, {@code HTTPS_PROXY}, {@code profile "prod"}), for messages
     * @throws IllegalArgumentException with a message that names the source (never the password) and the fix
     */
    public static ProxyEndpoint parse(String text, String source) {
        Objects.requireNonNull(source, "source");
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("the proxy URL from " + source + " is empty");
        }
        String withScheme = trimmed.contains("://") ? trimmed : "http://" + trimmed;
        URI uri;
        try {
            uri = new URI(withScheme);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("the proxy URL from " + source + " is not a valid URL (" + e.getReason()
                    + "); write it as http://[user:password@]host:port");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.startsWith("socks")) {
            throw new IllegalArgumentException("the proxy from " + source + " is a SOCKS proxy (" + scheme
                    + "://); scimctl speaks to HTTP proxies only: ask for the HTTP proxy's address");
        }
        if (!scheme.equals("http")) {
            throw new IllegalArgumentException("the proxy URL from " + source + " starts with " + scheme
                    + "://; scimctl reaches proxies over plain HTTP (http://host:port), which still tunnels HTTPS end to end");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new IllegalArgumentException("the proxy URL from " + source
                    + " has no host name; write it as http://[user:password@]host:port");
        }
        if (uri.getPort() > 65535) {
            throw new IllegalArgumentException("the proxy URL from " + source + " has the port " + uri.getPort()
                    + ", but ports go from 1 to 65535; write it as http://[user:password@]host:port");
        }
        String user = null;
        Secret password = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null && !userInfo.isEmpty()) {
            int colon = userInfo.indexOf(':');
            user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
            String pass = colon < 0 ? "" : decode(userInfo.substring(colon + 1));
            password = pass.isEmpty() ? null : new Secret(pass);
        }
        String host = uri.getHost();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        return new ProxyEndpoint(host.toLowerCase(Locale.ROOT), port, user, password, source);
    }

    private static String decode(String s) {
        // URLDecoder would turn '+' into a space; in a URL's user info '+' is itself.
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    /** The user name, or null. */
    public String user() {
        return user;
    }

    /** The password, or null. */
    public Secret password() {
        return password;
    }

    public String source() {
        return source;
    }

    public boolean hasCredentials() {
        return user != null && !user.isEmpty();
    }

    /** The value of a {@code Proxy-Authorization} header for Basic authentication, or null without credentials. */
    public String basicAuthorization() {
        if (!hasCredentials()) {
            return null;
        }
        String pair = user + ":" + (password == null ? "" : password.reveal());
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    /** The same proxy with another password (a profile keeps it apart from the URL, in the 0600 credentials file). */
    public ProxyEndpoint withPassword(Secret newPassword) {
        return new ProxyEndpoint(host, port, user, newPassword, source);
    }

    /** The URL without the password, safe to store in a file anyone can read: {@code http://alice@proxy:3128}. */
    public String urlWithoutPassword() {
        return "http://" + (hasCredentials() ? encodeUser(user) + "@" : "") + hostForUrl() + ":" + port;
    }

    /** The URL for people: the password, if any, as {@code ****}. */
    public String redacted() {
        String auth = !hasCredentials() ? "" : encodeUser(user) + (password == null ? "" : ":****") + "@";
        return "http://" + auth + hostForUrl() + ":" + port;
    }

    private String hostForUrl() {
        return host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    }

    private static String encodeUser(String u) {
        return u.replace("%", "%25").replace("@", "%40").replace(":", "%3A").replace("/", "%2F");
    }

    /** Redacted, like {@link #redacted()}: a proxy printed by accident still hides its password. */
    @Override
    public String toString() {
        return redacted();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ProxyEndpoint p && p.host.equals(host) && p.port == port && Objects.equals(p.user, user)
                && Objects.equals(p.password, password);
    }

    @Override
    public int hashCode() {
        return Objects.hash(host, port, user);
    }
}
