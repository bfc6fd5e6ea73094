package dev.scimctl.scim.net;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** What a person needs to know about a certificate: who it is for, who signed it, and when it is valid. */
public final class Certificates {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final int SAN_DNS = 2;
    private static final int SAN_IP = 7;

    private Certificates() {
    }

    /** The subject's common name, or the whole subject when it has none. */
    public static String subjectName(X509Certificate c) {
        return commonName(c.getSubjectX500Principal().getName()).orElse(c.getSubjectX500Principal().getName());
    }

    /** The issuer's common name, or the whole issuer when it has none. */
    public static String issuerName(X509Certificate c) {
        return commonName(c.getIssuerX500Principal().getName()).orElse(c.getIssuerX500Principal().getName());
    }

    public static boolean isSelfSigned(X509Certificate c) {
        return c.getSubjectX500Principal().equals(c.getIssuerX500Principal());
    }

    /** The host names and addresses the certificate is for: its subject alternative names, else its common name. */
    public static List<String> hostNames(X509Certificate c) {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> sans = c.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if (type == SAN_DNS || type == SAN_IP) {
                        names.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // Unreadable extension: fall back to the common name below.
        }
        if (names.isEmpty()) {
            commonName(c.getSubjectX500Principal().getName()).ifPresent(names::add);
        }
        return names;
    }

    /**
     * Whether the certificate names {@code host}, by the rules browsers apply: an exact name, or a wildcard that stands
     * for exactly one left-most label ({@code *.example.com} covers {@code a.example.com}, not {@code example.com}).
     * Used to tell a name mismatch from other failures; the JDK's own check is the one that decides.
     */
    public static boolean covers(X509Certificate c, String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        byte[] address = NoProxy.literalAddress(h);
        for (String name : hostNames(c)) {
            String n = name.toLowerCase(Locale.ROOT);
            if (address != null) {
                byte[] other = NoProxy.literalAddress(n);
                if (other != null && Arrays.equals(other, address)) {
                    return true;
                }
            } else if (n.equals(h) || n.startsWith("*.") && h.indexOf('.') > 0
                    && h.substring(h.indexOf('.')).equals(n.substring(1))) {
                return true;
            }
        }
        return false;
    }

    public static String date(Instant instant) {
        return DATE.format(instant);
    }

    public static String notBefore(X509Certificate c) {
        return date(c.getNotBefore().toInstant());
    }

    public static String notAfter(X509Certificate c) {
        return date(c.getNotAfter().toInstant());
    }

    /** The first CN of an RFC 2253 name (most specific first), without javax.naming (a module jlink would need). */
    static Optional<String> commonName(String rfc2253) {
        StringBuilder part = new StringBuilder();
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < rfc2253.length(); i++) {
            char ch = rfc2253.charAt(i);
            if (ch == '\\' && i + 1 < rfc2253.length()) {
                part.append(rfc2253.charAt(++i));
            } else if (ch == ',' || ch == '+') {
                parts.add(part.toString());
                part.setLength(0);
            } else {
                part.append(ch);
            }
        }
        parts.add(part.toString());
        for (String p : parts) {
            String t = p.strip();
            if (t.regionMatches(true, 0, "CN=", 0, 3)) {
                return Optional.of(t.substring(3));
            }
        }
        return Optional.empty();
    }
}
