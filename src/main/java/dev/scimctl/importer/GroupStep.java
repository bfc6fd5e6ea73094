package dev.scimctl.importer;

import java.util.List;

/**
 * What the plan does with one group the file names: create it if the server lacks it, add the file's users that are
 * not members, and (with --sync-groups) remove the user members the file does not list in it.
 *
 * @param displayName the group's name, as the server spells it (or the file, for a new group)
 * @param id          the server's id, or null when the group is created
 * @param add         the userNames to add (their ids are known when the users exist, after creating the new ones)
 * @param remove      the members to remove
 */
public record GroupStep(String displayName, String id, List<String> add, List<Member> remove) {
    /** A member of a group on the server: its id and what the server displays for it. */
    public record Member(String id, String display) {
    }

    public GroupStep {
        add = List.copyOf(add);
        remove = List.copyOf(remove);
    }

    public boolean create() {
        return id == null;
    }

    /** The plan's changes this step makes: the group's creation and each member added or removed. */
    public long changes() {
        return (create() ? 1 : 0) + add.size() + remove.size();
    }

    public boolean changesSomething() {
        return create() || !add.isEmpty() || !remove.isEmpty();
    }
}
