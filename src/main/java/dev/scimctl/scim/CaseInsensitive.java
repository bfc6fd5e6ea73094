package dev.scimctl.scim;

import java.text.Normalizer;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

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

    /**
     * The candidates {@code name} matches only this way when it matches none exactly and several so ("team" for
     * "Team" and "TEAM"): which one is meant cannot be known, and nothing may act on a guess. Empty otherwise.
     */
    public static <T> List<T> ambiguous(Collection<T> candidates, Function<T, String> nameOf, String name) {
        if (candidates.stream().anyMatch(c -> name.equals(nameOf.apply(c)))) {
            return List.of();
        }
        List<T> others = candidates.stream().filter(c -> nameOf.apply(c) != null && equal(nameOf.apply(c), name))
                .toList();
        return others.size() > 1 ? others : List.of();
    }
}
