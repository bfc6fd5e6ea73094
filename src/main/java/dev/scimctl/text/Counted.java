package dev.scimctl.text;

/** A number and its noun, in the singular for one: "1 row", "2 rows", "3 entries". */
public final class Counted {
    private Counted() {
    }

    /** For a noun whose plural adds an s. */
    public static String of(long n, String singular) {
        return of(n, singular, singular + "s");
    }

    public static String of(long n, String singular, String plural) {
        return n + " " + (n == 1 ? singular : plural);
    }
}
