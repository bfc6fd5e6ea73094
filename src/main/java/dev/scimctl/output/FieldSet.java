package dev.scimctl.output;

import dev.scimctl.UsageException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The fields a kind of record offers, in the order help lists them, and the ones shown when none are chosen. */
public final class FieldSet<T> {
    private final Map<String, Column<T>> byKey = new LinkedHashMap<>();
    private final List<Column<T>> defaults = new ArrayList<>();

    /** Adds a field; {@code byDefault} puts it among the default columns, in the order added. */
    public FieldSet<T> add(String name, String description, boolean byDefault, Function<? super T, ?> getter) {
        Column<T> field = new Column<>(name, description, getter);
        if (byKey.putIfAbsent(key(name), field) != null) {
            throw new IllegalArgumentException("field " + name + " is defined twice");
        }
        if (byDefault) {
            defaults.add(field);
        }
        return this;
    }

    public List<Column<T>> defaults() {
        return List.copyOf(defaults);
    }

    public List<Column<T>> all() {
        return List.copyOf(byKey.values());
    }

    /**
     * The fields named, in the order named (names ignore case).
     *
     * @throws UsageException naming the unknown field and listing the valid ones
     */
    public List<Column<T>> select(List<String> names) {
        List<Column<T>> selected = new ArrayList<>();
        for (String raw : names) {
            String name = raw.strip();
            if (name.isEmpty()) {
                continue;
            }
            Column<T> f = byKey.get(key(name));
            if (f == null) {
                throw new UsageException("--fields: unknown field '" + name + "'; valid fields: " + names() + "");
            }
            selected.add(f);
        }
        if (selected.isEmpty()) {
            throw new UsageException("--fields: name at least one field; valid fields: " + names());
        }
        return selected;
    }

    /** The valid names, comma-separated, for messages and help. */
    public String names() {
        return byKey.values().stream().map(Column::name).collect(Collectors.joining(", "));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
