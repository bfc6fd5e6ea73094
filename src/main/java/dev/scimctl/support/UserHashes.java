package dev.scimctl.support;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Replaces user names, names and e-mail addresses by hashes ({@code u-} and ten hex digits), the same hash for the
 * same value (in any case) throughout one bundle, so that two mentions of one user still match. The hash is keyed with
 * a random key per bundle: nobody can confirm a guessed address against it.
 *
 * <p>The values are learned from the SCIM resources the bundle's requests received ({@link #learn(JsonNode)}) and the
 * journal's user names; any other text that looks like an e-mail address is hashed too. A value is replaced where it
 * stands as a whole word (not inside a longer one), as is and percent-encoded (a filter in a request URL).
 */
public final class UserHashes {
    /** An address as is or percent-encoded; it may follow a percent escape ({@code %22} in a filter), never start in one. */
    private static final Pattern EMAIL = Pattern.compile(
            "(?<=^|[^A-Za-z0-9._+%-]|%[0-9A-Fa-f]{2})[A-Za-z0-9._+-]+(?:@|%40)[A-Za-z0-9-]+(?:\\.[A-Za-z0-9-]+)+");

    private final Mac mac;
    /** Every spelling (lower case) → the value it spells (lower case). */
    private final Map<String, String> spellings = new ConcurrentHashMap<>();
    private volatile int longest;

    public UserHashes() {
        this(randomKey());
    }

    UserHashes(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }

    /** Learns the user names, names and e-mails of every user (and group member) anywhere inside {@code node}. */
    public void learn(JsonNode node) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            if (node.hasNonNull("userName")) {
                for (String field : new String[]{"userName", "displayName", "nickName"}) {
                    learnValue(node.path(field).asText(null));
                }
                for (String field : new String[]{"givenName", "familyName", "middleName", "formatted"}) {
                    learnValue(node.path("name").path(field).asText(null));
                }
                for (JsonNode email : node.path("emails")) {
                    learnValue(email.path("value").asText(null));
                }
            }
            for (JsonNode member : node.path("members")) {
                learnValue(member.path("display").asText(null));
            }
        }
        node.elements().forEachRemaining(this::learn);
    }

    /** Learns one value to hide (a user name from a journal, say). Values of one character are left alone. */
    public void learnValue(String value) {
        if (value == null || value.strip().length() < 2) {
            return;
        }
        String canonical = value.strip().toLowerCase(Locale.ROOT);
        for (String spelling : new String[]{canonical, URLEncoder.encode(canonical, StandardCharsets.UTF_8),
                URLEncoder.encode(canonical, StandardCharsets.UTF_8).replace("+", "%20")}) {
            spellings.putIfAbsent(spelling, canonical);
            longest = Math.max(longest, spelling.length());
        }
    }

    /** The hash that stands for {@code value}. */
    public String hash(String value) {
        byte[] digest;
        synchronized (mac) {
            digest = mac.doFinal(value.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
        }
        return "u-" + HexFormat.of().formatHex(digest, 0, 5);
    }

    /** {@code text} with every learned value, and every e-mail address, replaced by its hash. */
    public String apply(String text) {
        String known = spellings.isEmpty() ? text : replaceKnown(text);
        Matcher m = EMAIL.matcher(known);
        return m.replaceAll(r -> hash(r.group().replace("%40", "@")));
    }

    /** At each word start, the longest learned spelling that ends at a word end. */
    private String replaceKnown(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (wordChar(text.charAt(i)) && boundaryBefore(text, i)) {
                int matchEnd = -1;
                String matched = null;
                int limit = Math.min(n, i + longest);
                for (int j = i + 1; j <= limit; j++) {
                    if (wordChar(text.charAt(j - 1)) && (j == n || !wordChar(text.charAt(j)))) {
                        String value = spellings.get(text.substring(i, j).toLowerCase(Locale.ROOT));
                        if (value != null) {
                            matchEnd = j;
                            matched = value;
                        }
                    }
                }
                if (matched != null) {
                    out.append(hash(matched));
                    i = matchEnd;
                    continue;
                }
            }
            out.append(text.charAt(i));
            i++;
        }
        return out.toString();
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c);
    }

    /** A word starts after a non-word character, or after a percent escape ({@code %22alice%40…} in a URL). */
    private static boolean boundaryBefore(String text, int i) {
        if (i == 0 || !wordChar(text.charAt(i - 1))) {
            return true;
        }
        return i >= 3 && text.charAt(i - 3) == '%' && isHex(text.charAt(i - 2)) && isHex(text.charAt(i - 1));
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
