package dev.scimctl.mapping;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Works out which roles one user would get from the mapping, and why: their groups, each group's entry, the verdict. */
public final class Explainer {
    private Explainer() {
    }

    /** What the user's groups add up to. */
    public enum Verdict {
        /** None of their groups is mapped. */
        NO_ROLES,
        TECHNICIAN,
        END_USER,
        /** Technician roles from some groups and end-user roles from others. */
        CONFLICT
    }

    /**
     * One of the user's groups.
     *
     * @param entry the mapping's entry for it, or null when it is not mapped
     */
    public record GroupEffect(String group, GroupRoleMapping.Entry entry) {
        public boolean mapped() {
            return entry != null;
        }
    }

    /**
     * @param roles   by type, the roles their groups give (system-administrator roles left out: SCIM cannot assign them)
     * @param sources by type, the groups those roles come from
     * @param summary one sentence: the verdict, with the roles and groups
     * @param notes   everything else worth knowing, each a sentence
     */
    public record Explanation(GroupDirectory.User user, List<GroupEffect> groups, Verdict verdict,
                              Map<RoleType, List<String>> roles, Map<RoleType, List<String>> sources, String summary,
                              List<String> notes) {
    }

    /**
     * @param catalog the roles file, or null
     */
    public static Explanation explain(GroupDirectory.User user, GroupRoleMapping mapping, RoleCatalog catalog,
                                      GroupDirectory directory) {
        List<GroupEffect> effects = new ArrayList<>();
        Map<RoleType, TreeSet<String>> roles = new EnumMap<>(RoleType.class);
        Map<RoleType, List<String>> sources = new EnumMap<>(RoleType.class);
        List<String> notes = new ArrayList<>();
        List<String> skippedAdmin = new ArrayList<>();
        for (GroupDirectory.Group g : directory.groupsOf(user.id())) {
            GroupRoleMapping.Entry entry = mapping.find(g.displayName()).orElse(null);
            effects.add(new GroupEffect(g.displayName(), entry));
            if (entry == null) {
                continue;
            }
            sources.computeIfAbsent(entry.type(), k -> new ArrayList<>()).add(g.displayName());
            TreeSet<String> ofType = roles.computeIfAbsent(entry.type(), k -> new TreeSet<>(GroupRoleMapping.NAME_ORDER));
            for (String role : entry.roles()) {
                boolean admin = catalog == null ? SystemAdminRoles.nameLooksLikeSystemAdmin(role) : catalog.isSystemAdmin(role);
                if (admin) {
                    skippedAdmin.add(role + " (from " + g.displayName() + ")");
                } else {
                    ofType.add(role);
                }
            }
            MappingCheck.entry(entry, catalog).stream()
                    .filter(f -> f.code() != FindingCode.SYSTEM_ADMIN_ROLE)
                    .forEach(f -> notes.add(f.message()));
        }
        Map<RoleType, List<String>> roleLists = new EnumMap<>(RoleType.class);
        roles.forEach((t, set) -> roleLists.put(t, List.copyOf(set)));

        Verdict verdict = sources.isEmpty() ? Verdict.NO_ROLES
                : sources.size() == 2 ? Verdict.CONFLICT
                : sources.containsKey(RoleType.TECHNICIAN) ? Verdict.TECHNICIAN : Verdict.END_USER;
        String name = user.userName() == null ? "id " + user.id() : user.userName();
        String summary = switch (verdict) {
            case NO_ROLES -> effects.isEmpty()
                    ? name + " is in no group on the server, so the mapping gives them no roles"
                    : name + " gets no roles from the mapping: none of their " + effects.size()
                    + (effects.size() == 1 ? " group is" : " groups are") + " mapped";
            case CONFLICT -> name + " gets technician roles from " + String.join(", ", sources.get(RoleType.TECHNICIAN))
                    + " and end-user roles from " + String.join(", ", sources.get(RoleType.END_USER))
                    + ": NinjaOne makes an account a technician or an end user, not both; remove the user from one side in Duo";
            case TECHNICIAN, END_USER -> {
                RoleType t = verdict == Verdict.TECHNICIAN ? RoleType.TECHNICIAN : RoleType.END_USER;
                List<String> r = roleLists.getOrDefault(t, List.of());
                yield name + " would be " + (t == RoleType.TECHNICIAN ? "a technician" : "an end user")
                        + (r.isEmpty() ? " with no role SCIM can assign" : " with the role" + (r.size() == 1 ? " " : "s ")
                        + String.join(", ", r)) + " (from " + String.join(", ", sources.get(t)) + ")";
            }
        };

        if (verdict == Verdict.TECHNICIAN || verdict == Verdict.END_USER) {
            RoleType t = verdict == Verdict.TECHNICIAN ? RoleType.TECHNICIAN : RoleType.END_USER;
            if (sources.get(t).size() > 1) {
                notes.add(0, "the roles come from " + sources.get(t).size() + " groups: how NinjaOne combines the roles of "
                        + "several groups is not documented; listed is all of them together");
            }
            if (user.accountType() != t) {
                notes.add("userType is " + (user.userType() == null ? "not set (which means endUser)" : user.userType())
                        + ", but the roles are " + t.label() + " roles: set userType to " + t.fileName() + " in Duo, or "
                        + "move the user to " + t.other().label() + " groups");
            }
        }
        if (!skippedAdmin.isEmpty()) {
            notes.add("left out: " + String.join(", ", skippedAdmin) + ": NinjaOne cannot assign system-administrator "
                    + "roles via SCIM");
        }
        if (!user.active()) {
            notes.add(name + " is inactive (active: false, deprovisioned); the roles apply if they are made active again");
        }
        return new Explanation(user, List.copyOf(effects), verdict, roleLists, sources, summary, List.copyOf(notes));
    }
}
