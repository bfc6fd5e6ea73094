package dev.scimctl;

import java.util.Locale;

/**
 * The spellings scimctl shows for an enum constant whose name is the thing's name: a documented code
 * ({@code MISSING_COLUMN} → {@code missing-column}) or a SCIM and JSON name ({@code GIVEN_NAME} → {@code givenName}).
 * One name per thing, written once; the price is that such a constant is never renamed, since files, scripts and
 * docs hold its spelling (the docs and golden-file tests fail when one is).
 */
public final class Spelling {
    private Spelling() {
    }

    /** Lower case, words joined by hyphens: {@code USER_TYPE} → {@code user-type}. */
    public static String kebab(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Lower camel case: {@code USER_TYPE} → {@code userType}. */
    public static String camel(Enum<?> constant) {
        String[] words = constant.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder b = new StringBuilder(words[0]);
        for (int i = 1; i < words.length; i++) {
            b.append(Character.toUpperCase(words[i].charAt(0))).append(words[i], 1, words[i].length());
        }
        return b.toString();
    }
}
