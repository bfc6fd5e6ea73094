package dev.scimctl.text;

import java.util.ArrayList;
import java.util.List;

/** A command line split into words as a POSIX shell splits it: quotes group (and are taken off), backslash escapes. */
public final class ShellWords {
    private ShellWords() {
    }

    /** @throws IllegalArgumentException when a quote is not closed */
    public static List<String> split(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder current = null;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else {
                    current.append(c);
                }
            } else if (Character.isWhitespace(c)) {
                if (current != null) {
                    words.add(current.toString());
                    current = null;
                }
            } else {
                if (current == null) {
                    current = new StringBuilder();
                }
                if (c == '"' || c == '\'') {
                    quote = c;
                } else if (c == '\\' && i + 1 < text.length()) {
                    current.append(text.charAt(++i));
                } else {
                    current.append(c);
                }
            }
        }
        if (quote != 0) {
            throw new IllegalArgumentException("a quote is not closed");
        }
        if (current != null) {
            words.add(current.toString());
        }
        return words;
    }
}
