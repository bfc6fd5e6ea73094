package dev.scimctl.mapping;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * A mapping file being edited: what is on disk and what is in memory. The interactive editor is a view of this;
 * keeping the state here keeps the editor a thin layer of input and output.
 */
public final class MappingSession {
    private final Path file;
    private GroupRoleMapping saved;
    private GroupRoleMapping current;
    private boolean existsOnDisk;
    /** The file's bytes as last read or written (null: there was none), to notice a change made meanwhile. */
    private byte[] seen;

    private MappingSession(Path file, GroupRoleMapping saved, byte[] seen) {
        this.file = file;
        this.saved = saved;
        this.current = saved;
        this.existsOnDisk = seen != null;
        this.seen = seen;
    }

    /** Opens a mapping file, or starts an empty mapping when it does not exist yet. */
    public static MappingSession open(Path file) {
        if (!Files.exists(file)) {
            return new MappingSession(file, GroupRoleMapping.empty(), null);
        }
        byte[] content = MappingFile.readBytes(file);
        return new MappingSession(file, MappingFile.parse(content, file.toString()), content);
    }

    /**
     * Whether the file on disk is no longer what this session read or wrote: edited by hand, by git, or deleted while
     * the editor was open (the lock keeps out only other scimctl commands).
     */
    public boolean changedOnDisk() {
        byte[] now = Files.exists(file) ? MappingFile.readBytes(file) : null;
        return !Arrays.equals(now, seen);
    }

    public Path file() {
        return file;
    }

    public GroupRoleMapping current() {
        return current;
    }

    public boolean existsOnDisk() {
        return existsOnDisk;
    }

    /** Whether memory differs from the file (an unsaved new, empty file counts as no change). */
    public boolean dirty() {
        return !current.equals(saved);
    }

    /** How many groups differ between memory and the file. */
    public int changes() {
        Set<String> groups = new HashSet<>();
        current.entries().forEach(e -> groups.add(GroupRoleMapping.nameKey(e.group())));
        saved.entries().forEach(e -> groups.add(GroupRoleMapping.nameKey(e.group())));
        int n = 0;
        for (String g : groups) {
            if (!current.find(g).equals(saved.find(g))) {
                n++;
            }
        }
        return n;
    }

    /** Adds or replaces a group's entry; returns whether anything changed. */
    public boolean set(GroupRoleMapping.Entry entry) {
        GroupRoleMapping next = current.with(entry);
        boolean changed = !next.equals(current);
        current = next;
        return changed;
    }

    /** Removes a group's entry; returns whether it was there. */
    public boolean unset(String group) {
        GroupRoleMapping next = current.without(group);
        boolean changed = next != current;
        current = next;
        return changed;
    }

    /** Writes memory to the file (atomically, keeping a .bak). */
    public void save() {
        MappingFile.write(file, current);
        seen = MappingFile.render(current).getBytes(StandardCharsets.UTF_8);
        saved = current;
        existsOnDisk = true;
    }
}
