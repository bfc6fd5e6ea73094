package dev.scimctl.support;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What every file of a support bundle passes through on its way into the zip: the {@code user:password@} part of any
 * URL becomes {@code ****@}, every known secret (the token, proxy passwords, passwords in URLs) becomes {@code ****}
 * in each spelling it may take (as is, percent-encoded, JSON-escaped), and, when asked, user names, names and
 * e-mail addresses become hashes ({@link UserHashes}).
 */
public final class Redaction {
    static final String MASK = "****";
    /** scheme://userinfo@ — whatever the userinfo holds, it is not a support desk's business. */
    private static final Pattern USERINFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/\\s@\"'<>]+@");

    private final List<String> secrets;
    private final UserHashes users;

    /**
     * @param secrets the values never to write (blank ones are ignored)
     * @param users   the user hashing, or null to leave users as they are
     */
    public Redaction(List<String> secrets, UserHashes users) {
        Set<String> spellings = new LinkedHashSet<>();
        for (String s : secrets) {
            if (s == null || s.isBlank()) {
                continue;
            }
            spellings.add(s);
            spellings.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
            spellings.add(URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20"));
            spellings.add(s.replace("\\", "\\\\").replace("\"", "\\\""));
            try {
                spellings.add(URLDecoder.decode(s, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                // not percent-encoded text
            }
        }
        List<String> ordered = new ArrayList<>(spellings);
        ordered.removeIf(String::isBlank);
        // Longest first, so that a secret holding another is masked whole.
        ordered.sort(Comparator.comparingInt(String::length).reversed());
        this.secrets = List.copyOf(ordered);
        this.users = users;
    }

    public boolean redactsUsers() {
        return users != null;
    }

    public String apply(String text) {
        String result = USERINFO.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(m.group(1) + MASK + "@"));
        for (String secret : secrets) {
            result = result.replace(secret, MASK);
        }
        return users == null ? result : users.apply(result);
    }
}
