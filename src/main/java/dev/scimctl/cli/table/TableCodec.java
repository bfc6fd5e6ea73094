package dev.scimctl.cli.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How the command table spells values: one record a line, fields split by tabs, list items by U+001F, and a backslash
 * escaping those characters, newlines and itself inside a value. The table is generated; this is only its spelling.
 */
final class TableCodec {
    static final char FIELD = '\t';
    static final char ITEM = '\u001f';

    private static final Map<String, Class<?>> PRIMITIVES = Map.of("boolean", boolean.class, "int", int.class,
            "long", long.class, "short", short.class, "byte", byte.class, "char", char.class, "double", double.class,
            "float", float.class, "void", void.class);

    private TableCodec() {
    }

    /** A value with its tabs, newlines, list separators and backslashes escaped: it never breaks a line or a list. */
    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case FIELD -> b.append("\\t");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case ITEM -> b.append("\\u");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 == s.length()) {
                b.append(c);
                continue;
            }
            char next = s.charAt(++i);
            b.append(switch (next) {
                case 't' -> FIELD;
                case 'n' -> '\n';
                case 'r' -> '\r';
                case 'u' -> ITEM;
                default -> next;
            });
        }
        return b.toString();
    }

    /** The items escaped and joined by the list separator. */
    static String join(String[] items) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < items.length; i++) {
            if (i > 0) {
                b.append(ITEM);
            }
            b.append(escape(items[i]));
        }
        return b.toString();
    }

    static String[] list(String joined) {
        if (joined.isEmpty()) {
            return new String[0];
        }
        return split(joined, ITEM).stream().map(TableCodec::unescape).toArray(String[]::new);
    }

    /** A line's fields or a list's items, as written (an escaped separator is not a separator). */
    static List<String> split(String line, char separator) {
        List<String> parts = new ArrayList<>();
        int from = 0;
        for (int i = line.indexOf(separator); i >= 0; i = line.indexOf(separator, from)) {
            parts.add(line.substring(from, i));
            from = i + 1;
        }
        parts.add(line.substring(from));
        return parts;
    }

    static Class<?> type(String name) {
        Class<?> primitive = PRIMITIVES.get(name);
        if (primitive != null) {
            return primitive;
        }
        try {
            return Class.forName(name, false, TableCodec.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("the command table names a class that is not there (" + name
                    + "): rebuild (./mvnw package)", e);
        }
    }
}
