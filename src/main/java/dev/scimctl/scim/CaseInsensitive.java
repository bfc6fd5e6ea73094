package dev.scimctl.scim;

import java.text.Normalizer;
import java.util.Locale;

/**
 * How scimctl compares a caseExact-false string (a userName, a displayName) where it compares itself: ignoring case,
 * and ignoring how an accent is encoded ("é" as one code point or as "e" plus a combining mark), which no one can see.
 */
public final class CaseInsensitive {
    private CaseInsensitive() {
    }

    /** The form in which equal strings are equal: NFC, lower case. */
    public static String fold(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    public static boolean equal(String a, String b) {
        return a.equalsIgnoreCase(b) || fold(a).equals(fold(b));
    }
}
