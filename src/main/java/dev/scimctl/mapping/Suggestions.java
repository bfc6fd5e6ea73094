package dev.scimctl.mapping;

import dev.scimctl.text.EditDistance;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?": the closest of some names to a misspelt one, if any is close enough to be a likely typo. */
public final class Suggestions {
    private Suggestions() {
    }

    public static Optional<String> closest(String wrong, Collection<String> names) {
        String w = wrong.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String name : names) {
            if (name.equals(wrong)) {
                continue;
            }
            int d = EditDistance.between(w, name.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = name;
                bestDistance = d;
            }
        }
        // Up to a quarter of the name may be wrong (at least 2 characters), so that short names do not match anything.
        if (best != null && bestDistance <= Math.max(2, wrong.length() / 4)) {
            return Optional.of(best);
        }
        return abbreviated(w, names);
    }

    /** "Help Desk Tech" for "Help Desk Technician": the shortest name that starts with what was written. */
    private static Optional<String> abbreviated(String lowerWrong, Collection<String> names) {
        if (lowerWrong.length() < 3) {
            return Optional.empty();
        }
        String best = null;
        for (String name : names) {
            if (name.toLowerCase(Locale.ROOT).startsWith(lowerWrong) && (best == null || name.length() < best.length())) {
                best = name;
            }
        }
        return Optional.ofNullable(best);
    }

    /** " (did you mean "X"?)" or "". */
    public static String didYouMean(String wrong, Collection<String> names) {
        return closest(wrong, names).map(s -> " (did you mean \"" + s + "\"?)").orElse("");
    }
}
