package dev.scimctl.scim;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;

/**
 * A bearer token. It cannot leak by accident: {@link #toString()} is redacted, and the only way to the value is
 * {@link #reveal()}, which the HTTP layer calls when it builds the Authorization header.
 */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value").strip();
        if (this.value.isEmpty()) {
            throw new IllegalArgumentException("empty token");
        }
    }

    public String reveal() {
        return value;
    }

    /** The last four characters, so a person can tell two tokens apart without seeing either. */
    public String lastFour() {
        return value.length() <= 8 ? "…" : "…" + value.substring(value.length() - 4);
    }

    /**
     * Replaces this secret wherever it can stand in {@code text}: the last safety net before anything is printed. A
     * token is a whole word where it appears (after "Bearer ", as a URL parameter, as a JSON string a server echoes
     * back), so only whole-word occurrences count: a short test token such as "be" leaves "been" alone. The forms a
     * URL or a JSON body give it (percent-encoded, "\/" for "/") are replaced too.
     */
    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String form : forms()) {
            result = replaceWholeWords(result, form);
        }
        return result;
    }

    private Set<String> forms() {
        Set<String> forms = new LinkedHashSet<>();
        forms.add(value);
        forms.add(URLEncoder.encode(value, StandardCharsets.UTF_8));
        forms.add(value.replace("/", "\\/"));
        return forms;
    }

    private static String replaceWholeWords(String text, String word) {
        int at = text.indexOf(word);
        if (at < 0) {
            return text;
        }
        boolean wordStart = Character.isLetterOrDigit(word.charAt(0));
        boolean wordEnd = Character.isLetterOrDigit(word.charAt(word.length() - 1));
        StringBuilder b = new StringBuilder(text.length());
        int copied = 0;
        while (at >= 0) {
            int end = at + word.length();
            boolean alone = !(wordStart && at > 0 && Character.isLetterOrDigit(text.charAt(at - 1)))
                    && !(wordEnd && end < text.length() && Character.isLetterOrDigit(text.charAt(end)));
            if (alone) {
                b.append(text, copied, at).append("[redacted]");
                copied = end;
                at = text.indexOf(word, end);
            } else {
                at = text.indexOf(word, at + 1);
            }
        }
        return b.append(text, copied, text.length()).toString();
    }

    @Override
    public String toString() {
        return "[redacted]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
