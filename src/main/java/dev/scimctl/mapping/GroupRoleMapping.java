package dev.scimctl.mapping;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which NinjaOne roles each identity group gets: the design an administrator enters by hand in the NinjaOne console
 * (Identity Providers → the IdP → Group mapping). Immutable; kept in a stable order (groups by name, roles by name) so
 * that the file it is saved to changes by small diffs.
 * <p>
 * Group names are unique ignoring case, because SCIM compares a group's {@code displayName} without case
 * (RFC 7643 §4.2: caseExact false).
 */
public final class GroupRoleMapping {
    /** The file format this version of scimctl reads and writes. */
    public static final int VERSION = 1;

    /** Case-insensitive first, so that "help desk" sorts beside "Help Desk"; exact second, so that the order is total. */
    public static final Comparator<String> NAME_ORDER =
            String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder());

    /**
     * Whether two group names are the same name: ignoring case, as SCIM compares displayName, and ignoring how the
     * accents are encoded ("é" as one code point or as "e" plus a combining accent), which no one can see.
     */
    public static boolean sameName(String a, String b) {
        return a.equalsIgnoreCase(b) || nameKey(a).equals(nameKey(b));
    }

    /** The form in which {@link #sameName} names are equal: NFC, lower case. */
    static String nameKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).toLowerCase(Locale.ROOT);
    }

    private static final GroupRoleMapping EMPTY = new GroupRoleMapping(List.of());

    /** One group's roles. {@code note} is free text for reviewers ("why"), or null. */
    public record Entry(String group, RoleType type, List<String> roles, String note) {
        public Entry {
            Objects.requireNonNull(group, "group");
            Objects.requireNonNull(type, "type");
            TreeSet<String> sorted = new TreeSet<>(NAME_ORDER);
            sorted.addAll(roles);
            roles = List.copyOf(sorted);
            note = note == null || note.isBlank() ? null : note.strip();
        }

        public Entry(String group, RoleType type, List<String> roles) {
            this(group, type, roles, null);
        }

        public Entry withNote(String newNote) {
            return new Entry(group, type, roles, newNote);
        }
    }

    private final List<Entry> entries;

    private GroupRoleMapping(List<Entry> sorted) {
        this.entries = sorted;
    }

    public static GroupRoleMapping empty() {
        return EMPTY;
    }

    /**
     * @throws IllegalArgumentException when two entries name the same group (ignoring case): the file reader reports
     *                                  that with the line of each before it gets here
     */
    public static GroupRoleMapping of(Collection<Entry> entries) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::group, NAME_ORDER));
        Set<String> seen = new HashSet<>();
        for (Entry e : sorted) {
            if (!seen.add(nameKey(e.group()))) {
                throw new IllegalArgumentException("group \"" + e.group() + "\" is mapped twice");
            }
        }
        return new GroupRoleMapping(List.copyOf(sorted));
    }

    /** The entries, sorted by group name. */
    public List<Entry> entries() {
        return entries;
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    /** The entry of a group, matched exactly or else as {@link #sameName}. */
    public Optional<Entry> find(String group) {
        Entry loose = null;
        for (Entry e : entries) {
            if (e.group().equals(group)) {
                return Optional.of(e);
            }
            if (loose == null && sameName(e.group(), group)) {
                loose = e;
            }
        }
        return Optional.ofNullable(loose);
    }

    /** A copy with this entry added, or replacing the entry of the same group (ignoring case). */
    public GroupRoleMapping with(Entry entry) {
        List<Entry> next = new ArrayList<>(entries.size() + 1);
        for (Entry e : entries) {
            if (!sameName(e.group(), entry.group())) {
                next.add(e);
            }
        }
        next.add(entry);
        return of(next);
    }

    /** A copy without the group's entry (ignoring case); this mapping itself when it has none. */
    public GroupRoleMapping without(String group) {
        List<Entry> next = entries.stream().filter(e -> !sameName(e.group(), group)).toList();
        return next.size() == entries.size() ? this : new GroupRoleMapping(next);
    }

    /** The group names, in order. */
    public List<String> groups() {
        return entries.stream().map(Entry::group).toList();
    }

    /** Every role name the mapping uses, sorted, each once. */
    public List<String> roleNames() {
        TreeSet<String> names = new TreeSet<>(NAME_ORDER);
        entries.forEach(e -> names.addAll(e.roles()));
        return List.copyOf(names);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GroupRoleMapping m && m.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    @Override
    public String toString() {
        return "GroupRoleMapping" + entries;
    }
}
