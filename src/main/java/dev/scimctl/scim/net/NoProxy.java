package dev.scimctl.scim.net;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A {@code NO_PROXY} list, read as curl reads it: entries separated by commas or spaces; {@code *} alone matches
 * every host; a host name matches itself and every name below it ({@code example.com} and {@code .example.com}
 * both match {@code scim.example.com}); an IP address matches itself; {@code 10.0.0.0/8} matches a range; and
 * {@code host:port} matches that port only. Matching is on the name in the URL, without DNS.
 */
public final class NoProxy {
    private final List<Entry> entries;
    private final String text;

    private NoProxy(List<Entry> entries, String text) {
        this.entries = entries;
        this.text = text;
    }

    public static final NoProxy NONE = new NoProxy(List.of(), "");

    public static NoProxy parse(String list) {
        if (list == null || list.isBlank()) {
            return NONE;
        }
        List<Entry> entries = new ArrayList<>();
        for (String raw : list.split("[,\\s]+")) {
            String entry = raw.strip();
            if (!entry.isEmpty()) {
                entries.add(Entry.parse(entry));
            }
        }
        return new NoProxy(List.copyOf(entries), list.strip());
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /** The list as it was given. */
    @Override
    public String toString() {
        return text;
    }

    /** The first entry (as written) that keeps {@code host:port} away from the proxy, if any. */
    public Optional<String> match(String host, int port) {
        String h = normalise(host);
        for (Entry e : entries) {
            if (e.matches(h, port)) {
                return Optional.of(e.written);
            }
        }
        return Optional.empty();
    }

    private static String normalise(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        while (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h;
    }

    /** One entry: a name suffix, an address, or a CIDR range, with an optional port. */
    private record Entry(String written, String name, byte[] network, int prefixBits, int port, boolean all) {
        static Entry parse(String written) {
            if (written.equals("*")) {
                return new Entry(written, null, null, 0, -1, true);
            }
            String body = written.toLowerCase(Locale.ROOT);
            int port = -1;
            // [v6]:port, v4:port or name:port; a bare IPv6 address has several colons and no port.
            if (body.startsWith("[")) {
                int close = body.indexOf(']');
                if (close > 0) {
                    String rest = body.substring(close + 1);
                    port = rest.startsWith(":") ? parsePort(rest.substring(1)) : -1;
                    body = body.substring(1, close) + (rest.contains("/") ? rest.substring(rest.indexOf('/')) : "");
                }
            } else if (body.indexOf(':') == body.lastIndexOf(':') && body.indexOf(':') > 0) {
                int colon = body.indexOf(':');
                port = parsePort(body.substring(colon + 1));
                body = body.substring(0, colon);
            }
            int slash = body.indexOf('/');
            if (slash > 0) {
                byte[] net = literalAddress(body.substring(0, slash));
                int bits = parsePrefix(body.substring(slash + 1));
                if (net != null && bits >= 0 && bits <= net.length * 8) {
                    return new Entry(written, null, net, bits, port, false);
                }
            }
            byte[] address = literalAddress(body);
            if (address != null) {
                return new Entry(written, null, address, address.length * 8, port, false);
            }
            while (body.startsWith(".") || body.startsWith("*.")) {
                body = body.substring(body.startsWith(".") ? 1 : 2);
            }
            return new Entry(written, normalise(body), null, 0, port, false);
        }

        boolean matches(String host, int hostPort) {
            if (all) {
                return true;
            }
            if (port != -1 && port != hostPort) {
                return false;
            }
            if (network != null) {
                byte[] addr = literalAddress(host);
                return addr != null && addr.length == network.length && samePrefix(addr, network, prefixBits);
            }
            return !name.isEmpty() && (host.equals(name) || host.endsWith("." + name));
        }

        private static boolean samePrefix(byte[] a, byte[] b, int bits) {
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >>> (i % 8);
                if ((a[i / 8] & mask) != (b[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        private static int parsePort(String s) {
            try {
                int p = Integer.parseInt(s);
                return p > 0 && p <= 65535 ? p : -1;
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        private static int parsePrefix(String s) {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    /** Whether {@code host} is an IP address rather than a name. */
    public static boolean isAddress(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return literalAddress(h) != null;
    }

    /** The bytes of an IPv4 or IPv6 literal, or null for anything else (never a DNS look-up). */
    static byte[] literalAddress(String s) {
        if (s.isEmpty()) {
            return null;
        }
        boolean v4 = isDottedQuad(s);
        boolean v6 = s.indexOf(':') >= 0 && s.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
        if (!v4 && !v6) {
            return null;
        }
        try {
            // A literal never goes to DNS: InetAddress parses it.
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static boolean isDottedQuad(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String part : parts) {
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')
                    || Integer.parseInt(part) > 255) {
                return false;
            }
        }
        return true;
    }
}
