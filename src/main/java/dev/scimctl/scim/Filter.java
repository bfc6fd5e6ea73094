package dev.scimctl.scim;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A SCIM filter expression (RFC 7644 §3.4.2.2), built so that user input can never change its structure:
 * every value is written as a JSON string literal with {@code "} and {@code \} (and control characters) escaped,
 * and attribute paths are checked against the grammar.
 */
public final class Filter {
    private static final Pattern ATTRIBUTE_PATH =
            Pattern.compile("(?:urn:[A-Za-z0-9.:_-]+:)?[A-Za-z$][A-Za-z0-9_$-]*(?:\\.[A-Za-z][A-Za-z0-9_$-]*)?");

    private final String expression;
    private final boolean raw;

    private Filter(String expression) {
        this(expression, false);
    }

    private Filter(String expression, boolean raw) {
        this.expression = expression;
        this.raw = raw;
    }

    /** A filter given verbatim by the user ({@code --filter}): passed on as it is, the server checks it. */
    public static Filter raw(String expression) {
        return new Filter(Objects.requireNonNull(expression), true);
    }

    /**
     * Whether every part of this filter was made by the builders here (none by {@link #raw}): its meaning is then
     * known exactly, so a client may check what a server answers to it.
     */
    public boolean isBuilt() {
        return !raw;
    }

    public static Filter eq(String attribute, String value) {
        return compare(attribute, "eq", value);
    }

    public static Filter eq(String attribute, boolean value) {
        return new Filter(path(attribute) + " eq " + value);
    }

    public static Filter eq(String attribute, long value) {
        return new Filter(path(attribute) + " eq " + value);
    }

    public static Filter ne(String attribute, String value) {
        return compare(attribute, "ne", value);
    }

    public static Filter co(String attribute, String value) {
        return compare(attribute, "co", value);
    }

    public static Filter sw(String attribute, String value) {
        return compare(attribute, "sw", value);
    }

    public static Filter present(String attribute) {
        return new Filter(path(attribute) + " pr");
    }

    public Filter and(Filter other) {
        return new Filter(group(this) + " and " + group(other), raw || other.raw);
    }

    public Filter or(Filter other) {
        return new Filter(group(this) + " or " + group(other), raw || other.raw);
    }

    public static Filter not(Filter inner) {
        return new Filter("not (" + inner.expression + ")", inner.raw);
    }

    private static Filter compare(String attribute, String op, String value) {
        return new Filter(path(attribute) + " " + op + " " + literal(value));
    }

    private static String group(Filter f) {
        return f.expression.contains(" and ") || f.expression.contains(" or ") ? "(" + f.expression + ")" : f.expression;
    }

    private static String path(String attribute) {
        if (attribute == null || !ATTRIBUTE_PATH.matcher(attribute).matches()) {
            throw new IllegalArgumentException("not a SCIM attribute path: " + attribute);
        }
        return attribute;
    }

    /** A JSON string literal: the form RFC 7644 gives filter values. */
    public static String literal(String value) {
        StringBuilder b = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    public String expression() {
        return expression;
    }

    @Override
    public String toString() {
        return expression;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Filter f && f.expression.equals(expression);
    }

    @Override
    public int hashCode() {
        return expression.hashCode();
    }
}
