package dev.scimctl.mapping;

import dev.scimctl.scim.ListQuery;
import dev.scimctl.scim.Groups;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.Users;
import dev.scimctl.scim.model.ScimGroup;
import dev.scimctl.scim.model.ScimUser;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What the SCIM server holds that a mapping depends on: its groups with their members, and the users' names. Read
 * once, with one listing of /Groups and (when asked) one of /Users, rather than a request per member.
 * <p>
 * Only direct members count: a group inside a group is noted, not expanded, because how NinjaOne treats nested groups
 * is not documented.
 */
public final class GroupDirectory {
    /** A server group. */
    public record Group(String id, String displayName, List<String> userIds, List<String> groupIds) {
        public Group {
            userIds = List.copyOf(userIds);
            groupIds = List.copyOf(groupIds);
        }
    }

    /**
     * A server user.
     *
     * @param userType NinjaOne's extension {@code userType} as the server holds it, or null when it holds none
     */
    public record User(String id, String userName, String userType, boolean active) {
        /** The kind of account {@code userType} asks for: technician in any case, else an end user (missing included). */
        public RoleType accountType() {
            return userType != null && userType.equalsIgnoreCase("technician") ? RoleType.TECHNICIAN : RoleType.END_USER;
        }
    }

    private final List<Group> groups;
    private final Map<String, User> usersById = new HashMap<>();
    private final Map<String, String> memberDisplay;
    private final Map<String, List<Group>> groupsByUser = new HashMap<>();
    private final boolean usersListed;

    private GroupDirectory(Collection<Group> groups, Collection<User> users, Map<String, String> memberDisplay,
                           boolean usersListed) {
        List<Group> sorted = new ArrayList<>(groups);
        sorted.sort(Comparator.comparing(Group::displayName, GroupRoleMapping.NAME_ORDER).thenComparing(Group::id));
        this.groups = List.copyOf(sorted);
        users.forEach(u -> usersById.put(u.id(), u));
        this.memberDisplay = Map.copyOf(memberDisplay);
        this.usersListed = usersListed;
        for (Group g : this.groups) {
            for (String id : g.userIds()) {
                groupsByUser.computeIfAbsent(id, k -> new ArrayList<>()).add(g);
            }
        }
    }

    /** A directory from data at hand (tests). */
    public static GroupDirectory of(Collection<Group> groups, Collection<User> users) {
        return new GroupDirectory(groups, users, Map.of(), true);
    }

    /**
     * Reads the server's groups, and its users when {@code withUsers} (for userNames; without, members are named by
     * the {@code display} the server gives them, else by id).
     */
    public static GroupDirectory fetch(ScimClient client, boolean withUsers) {
        List<User> users = new ArrayList<>();
        if (withUsers) {
            try (Stream<ScimUser> all = new Users(client).listUsers(ListQuery.all())) {
                all.forEach(u -> users.add(user(u)));
            }
        }
        Map<String, User> byId = new HashMap<>();
        users.forEach(u -> byId.put(u.id(), u));
        List<Group> groups = new ArrayList<>();
        Map<String, String> display = new LinkedHashMap<>();
        try (Stream<ScimGroup> all = new Groups(client).listGroups(ListQuery.all())) {
            all.forEach(g -> groups.add(group(g, byId, display)));
        }
        return new GroupDirectory(groups, users, display, withUsers);
    }

    public static User user(ScimUser u) {
        return new User(u.id(), u.userName(), u.userType(), u.isActive());
    }

    private static Group group(ScimGroup g, Map<String, User> users, Map<String, String> display) {
        List<String> userIds = new ArrayList<>();
        List<String> groupIds = new ArrayList<>();
        for (ScimGroup.Member m : g.membersOrEmpty()) {
            if (m.value() == null || m.value().isEmpty()) {
                continue;
            }
            // A member without a type is a user unless its $ref says Groups: users are what groups hold in practice.
            boolean isGroup = "Group".equalsIgnoreCase(m.type())
                    || (m.type() == null && m.ref() != null && m.ref().contains("/Groups/") && !users.containsKey(m.value()));
            (isGroup ? groupIds : userIds).add(m.value());
            if (m.display() != null && !m.display().isBlank()) {
                display.putIfAbsent(m.value(), m.display());
            }
        }
        String name = g.displayName() == null ? "" : g.displayName();
        return new Group(g.id(), name, userIds, groupIds);
    }

    /** The groups, sorted by name. */
    public List<Group> groups() {
        return groups;
    }

    /** Groups with exactly this name (SCIM does not make group names unique, so there may be several). */
    public List<Group> named(String name) {
        return groups.stream().filter(g -> g.displayName().equals(name)).toList();
    }

    /** Groups whose name is this one but for case or accents' encoding ({@link GroupRoleMapping#sameName}). */
    public List<Group> namedIgnoringCase(String name) {
        return groups.stream().filter(g -> GroupRoleMapping.sameName(g.displayName(), name)).toList();
    }

    public List<String> groupNames() {
        return groups.stream().map(Group::displayName).distinct().toList();
    }

    public Optional<Group> group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** The groups a user is a direct member of, sorted by name. */
    public List<Group> groupsOf(String userId) {
        return groupsByUser.getOrDefault(userId, List.of());
    }

    public Optional<User> user(String id) {
        return Optional.ofNullable(usersById.get(id));
    }

    /** A listed user by userName (ignoring case, as SCIM compares it) or else by id. */
    public Optional<User> findUser(String userNameOrId) {
        for (User u : usersById.values()) {
            if (u.userName() != null && u.userName().equalsIgnoreCase(userNameOrId)) {
                return Optional.of(u);
            }
        }
        return Optional.ofNullable(usersById.get(userNameOrId));
    }

    /** Whether the users were listed (else only members' display names are known). */
    public boolean usersListed() {
        return usersListed;
    }

    /** How to name a member: its userName, else the display the server gave, else its id. */
    public String label(String id) {
        User u = usersById.get(id);
        if (u != null && u.userName() != null) {
            return u.userName();
        }
        String display = memberDisplay.get(id);
        if (display != null) {
            return display;
        }
        return group(id).map(Group::displayName).orElse("id " + id);
    }
}
