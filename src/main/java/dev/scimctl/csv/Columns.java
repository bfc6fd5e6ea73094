package dev.scimctl.csv;

import dev.scimctl.Setting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Which column holds which {@link Field}: found from the header row, with explicit mappings
 * ({@code --column userType="NinjaOne User Type"}) taking precedence. Indexes are 0-based; {@link #number} gives the
 * 1-based column number people see.
 */
public final class Columns {
    private final List<String> headers;
    private final Map<Field, Integer> index = new EnumMap<>(Field.class);
    private final int[] groups;
    private final List<Ambiguity> ambiguities;

    /** A second column that also looks like {@code field}; {@code used} won and {@code ignored} is not read. */
    public record Ambiguity(Field field, int used, int ignored) {
    }

    private Columns(List<String> headers, Map<Field, Integer> index, int[] groups, List<Ambiguity> ambiguities) {
        this.headers = List.copyOf(headers);
        this.index.putAll(index);
        this.groups = groups;
        this.ambiguities = List.copyOf(ambiguities);
    }

    /**
     * Maps the header row. {@code explicit} maps a field to the header names given for it (several for
     * {@link Field#GROUP}); a field named there is only read from those columns.
     *
     * @throws ColumnMappingException when an explicit header is not in the file
     */
    public static Columns resolve(String[] header, Map<Field, List<String>> explicit) {
        List<String> headers = new ArrayList<>(header.length);
        for (String h : header) {
            headers.add(Text.strip(h == null ? "" : h));
        }
        Map<Field, Integer> index = new EnumMap<>(Field.class);
        Map<Field, Integer> rank = new EnumMap<>(Field.class);
        List<Integer> groups = new ArrayList<>();
        List<Ambiguity> ambiguities = new ArrayList<>();
        boolean[] taken = new boolean[headers.size()];

        for (Map.Entry<Field, List<String>> e : explicit.entrySet()) {
            for (String wanted : e.getValue()) {
                int i = find(headers, wanted);
                if (i < 0) {
                    String field = e.getKey().label();
                    throw new ColumnMappingException(n -> n.of(Setting.COLUMN_MAPPING) + " " + field + "=\"" + wanted
                            + "\": the file has no such column; its columns are: " + String.join(", ", quoted(headers)));
                }
                taken[i] = true;
                if (e.getKey() == Field.GROUP) {
                    groups.add(i);
                } else {
                    index.put(e.getKey(), i);
                }
            }
        }
        for (int i = 0; i < headers.size(); i++) {
            if (taken[i]) {
                continue;
            }
            Optional<Field> f = Field.ofHeader(headers.get(i));
            if (f.isEmpty() || explicit.containsKey(f.get())) {
                continue;
            }
            Field field = f.get();
            if (field == Field.GROUP) {
                groups.add(i);
                continue;
            }
            int r = field.rank(Text.normalizeName(Field.afterUrn(headers.get(i))));
            Integer current = index.get(field);
            if (current == null) {
                index.put(field, i);
                rank.put(field, r);
            } else if (r < rank.get(field)) {
                // A better name for the field (email over username): no ambiguity, that is what Duo exports carry.
                index.put(field, i);
                rank.put(field, r);
            } else if (r == rank.get(field)) {
                ambiguities.add(new Ambiguity(field, current, i));
            }
        }
        return new Columns(headers, index, groups.stream().mapToInt(Integer::intValue).toArray(), ambiguities);
    }

    private static int find(List<String> headers, String wanted) {
        String w = Text.strip(wanted);
        for (int i = 0; i < headers.size(); i++) {
            if (headers.get(i).equals(w)) {
                return i;
            }
        }
        String n = Text.normalizeName(w);
        for (int i = 0; i < headers.size(); i++) {
            if (Text.normalizeName(headers.get(i)).equals(n)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> quoted(List<String> headers) {
        return headers.stream().map(h -> "\"" + h + "\"").collect(Collectors.toList());
    }

    public List<String> headers() {
        return headers;
    }

    public int size() {
        return headers.size();
    }

    /** The 0-based index of the field's column, or -1 when the file has none. */
    public int index(Field field) {
        Integer i = index.get(field);
        return i == null ? -1 : i;
    }

    public boolean has(Field field) {
        return index.containsKey(field) || field == Field.GROUP && groups.length > 0;
    }

    /** The 0-based indexes of the group columns. */
    public int[] groupIndexes() {
        return groups.clone();
    }

    int[] groupIndexesShared() {
        return groups;
    }

    /** The header of a 0-based column, or "" past the last one. */
    public String header(int index) {
        return index >= 0 && index < headers.size() ? headers.get(index) : "";
    }

    /** The 1-based column number of a 0-based index. */
    public static int number(int index) {
        return index + 1;
    }

    public List<Ambiguity> ambiguities() {
        return ambiguities;
    }

    /** Which columns were found, for --debug and for the import's plan: "email=column 2 (Email Address)". */
    public Map<String, String> describe() {
        Map<String, String> m = new LinkedHashMap<>();
        for (Field f : Field.values()) {
            if (f == Field.GROUP) {
                if (groups.length > 0) {
                    m.put(f.label(), Arrays.stream(groups).mapToObj(i -> "column " + number(i) + " (" + header(i) + ")")
                            .collect(Collectors.joining(", ")));
                }
            } else if (index.containsKey(f)) {
                int i = index.get(f);
                m.put(f.label(), "column " + number(i) + " (" + header(i) + ")");
            }
        }
        return m;
    }
}
