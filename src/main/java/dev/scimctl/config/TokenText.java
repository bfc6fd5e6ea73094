package dev.scimctl.config;

import java.util.Optional;

/**
 * What a bearer token may contain: visible ASCII only (RFC 6750's token characters and a few more). A token with a
 * control character, a space or a non-ASCII letter is a copy-and-paste accident; HTTP cannot carry it in a header,
 * so it is refused where it enters, naming the character and its place but never the token.
 */
public final class TokenText {
    /** Shorter than this is no real token: NinjaOne's are far longer. Test set-ups use short ones; warn, not refuse. */
    public static final int SHORT = 16;

    private TokenText() {
    }

    /** "a control character (U+0007) at position 12", or empty when every character is allowed. */
    public static Optional<String> problem(String token) {
        for (int i = 0; i < token.length(); ) {
            int c = token.codePointAt(i);
            String what = null;
            if (c < 0x20 || c == 0x7f || c >= 0x80 && c <= 0x9f) {
                what = "a control character";
            } else if (c == ' ') {
                what = "a space";
            } else if (c > 0x7e) {
                what = "a non-ASCII character";
            }
            if (what != null) {
                return Optional.of(what + " (" + String.format("U+%04X", c) + ") at position "
                        + (token.codePointCount(0, i) + 1) + " of " + token.codePointCount(0, token.length()));
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }

    /** A warning for a token too short to be a real one, or empty. */
    public static Optional<String> shortWarning(String token) {
        return token.length() >= SHORT ? Optional.empty() : Optional.of("this token is only " + token.length()
                + " characters long, much shorter than a real NinjaOne token: check that you copied all of it");
    }
}
