package dev.scimctl.mapping;

import dev.scimctl.text.Counted;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Checks a mapping against the roles that exist and the groups and members the server holds, for the mistakes that
 * otherwise show only when someone logs in with the wrong rights. See {@link FindingCode} for what it finds.
 */
public final class MappingCheck {
    private static final Comparator<MappingFinding> ORDER = Comparator.comparing(MappingFinding::severity)
            .thenComparing(MappingFinding::code)
            .thenComparing(MappingFinding::subject, GroupRoleMapping.NAME_ORDER);

    private MappingCheck() {
    }

    /**
     * What can be said of one entry without the server: system-administrator roles (by name even without a roles
     * file), and with a roles file, unknown roles and roles of the other type.
     *
     * @param catalog the roles file, or null
     */
    public static List<MappingFinding> entry(GroupRoleMapping.Entry e, RoleCatalog catalog) {
        List<MappingFinding> findings = new ArrayList<>();
        List<String> otherType = new ArrayList<>();
        for (String role : e.roles()) {
            boolean admin = catalog == null ? SystemAdminRoles.nameLooksLikeSystemAdmin(role) : catalog.isSystemAdmin(role);
            if (admin) {
                findings.add(new MappingFinding(FindingCode.SYSTEM_ADMIN_ROLE, e.group(), "\"" + e.group() + "\" is mapped to \""
                        + role + "\", a system-administrator role: NinjaOne cannot assign system administrators via SCIM; "
                        + "make them administrators in the NinjaOne console and map a technician role here", List.of(role)));
                continue;
            }
            if (catalog == null) {
                continue;
            }
            if (!catalog.contains(role)) {
                findings.add(new MappingFinding(FindingCode.UNKNOWN_ROLE, e.group(), "\"" + e.group() + "\" is mapped to \""
                        + role + "\", which is not a role in " + catalog.source()
                        + Suggestions.didYouMean(role, catalog.names(e.type())) + ": fix the name, or create the role in "
                        + "NinjaOne and export the roles again", List.of(role)));
                continue;
            }
            Set<RoleType> types = catalog.typesOf(role);
            if (!types.isEmpty() && !types.contains(e.type())) {
                otherType.add(role);
            }
        }
        if (!otherType.isEmpty()) {
            findings.add(mixed(e, otherType));
        }
        return findings;
    }

    private static MappingFinding mixed(GroupRoleMapping.Entry e, List<String> otherType) {
        RoleType other = e.type().other();
        String message;
        if (otherType.size() == e.roles().size()) {
            message = "\"" + e.group() + "\" is mapped as " + e.type().label() + ", but all its roles are " + other.label()
                    + " roles (" + String.join(", ", otherType) + "): set its type to " + other.fileName()
                    + ", or map " + e.type().label() + " roles";
        } else {
            List<String> ownType = e.roles().stream().filter(r -> !otherType.contains(r)).toList();
            message = "\"" + e.group() + "\" is mapped to " + e.type().label() + " roles (" + String.join(", ", ownType)
                    + ") and " + other.label() + " roles (" + String.join(", ", otherType) + "): NinjaOne makes an account "
                    + "a technician or an end user, not both; map roles of one kind, or split the group in Duo";
        }
        return new MappingFinding(FindingCode.MIXED_ROLE_TYPES, e.group(), message, otherType);
    }

    /**
     * Every finding, errors first.
     *
     * @param catalog the roles file, or null (role names are then not checked, except for system-administrator names)
     */
    public static List<MappingFinding> run(GroupRoleMapping mapping, RoleCatalog catalog, GroupDirectory directory) {
        List<MappingFinding> findings = new ArrayList<>();
        // Server group id -> the entry that maps it.
        Map<String, GroupRoleMapping.Entry> held = new LinkedHashMap<>();
        for (GroupRoleMapping.Entry e : mapping.entries()) {
            findings.addAll(entry(e, catalog));
            List<GroupDirectory.Group> matches = directory.named(e.group());
            if (matches.isEmpty()) {
                matches = directory.namedIgnoringCase(e.group());
                if (!matches.isEmpty()) {
                    String spelt = matches.get(0).displayName();
                    String how = spelt.equalsIgnoreCase(e.group()) ? "is spelt \"" + spelt + "\" on the server"
                            : "looks like \"" + spelt + "\" on the server but is written with other Unicode characters "
                            + "(an accent as part of its letter, or as a separate mark; copy it from 'scimctl groups "
                            + "list')";
                    findings.add(new MappingFinding(FindingCode.GROUP_NAME_CASE, e.group(), "\"" + e.group() + "\" "
                            + how + ": write it as the server does, so that the file matches what the console shows",
                            List.of(spelt)));
                }
            }
            if (matches.isEmpty()) {
                findings.add(new MappingFinding(FindingCode.UNKNOWN_GROUP, e.group(), "\"" + e.group() + "\" is mapped, but the "
                        + "server holds no such group" + Suggestions.didYouMean(e.group(), directory.groupNames())
                        + ": fix the name, or assign the group to the NinjaOne application in Duo", List.of()));
            }
            if (matches.size() > 1) {
                findings.add(new MappingFinding(FindingCode.AMBIGUOUS_GROUP, e.group(), "the server holds " + matches.size()
                        + " groups named \"" + e.group() + "\": the console lists each; map every one of them the same "
                        + "way, or rename them in Duo", List.of()));
            }
            for (GroupDirectory.Group g : matches) {
                held.put(g.id(), e);
                if (!g.groupIds().isEmpty()) {
                    List<String> nested = g.groupIds().stream().map(directory::label).sorted(GroupRoleMapping.NAME_ORDER).toList();
                    findings.add(new MappingFinding(FindingCode.NESTED_GROUP, e.group(), "\"" + g.displayName() + "\" has groups "
                            + "among its members (" + String.join(", ", nested) + "): scimctl counts only its direct "
                            + "user members, and how NinjaOne treats nested groups is not documented", nested));
                }
            }
        }
        for (GroupDirectory.Group g : directory.groups()) {
            if (!held.containsKey(g.id())) {
                int members = g.userIds().size();
                findings.add(new MappingFinding(FindingCode.UNMAPPED_GROUP, g.displayName(), "\"" + g.displayName() + "\" ("
                        + Counted.of(members, "member") + ") is on the server, but no entry maps it: "
                        + "it gives its members no roles; map it, or remove it from the NinjaOne application in Duo",
                        List.of()));
            }
        }
        findings.addAll(users(held, directory));
        findings.sort(ORDER);
        return findings;
    }

    /** The findings about users: groups of both types, several groups of one type, a userType that disagrees. */
    private static List<MappingFinding> users(Map<String, GroupRoleMapping.Entry> held, GroupDirectory directory) {
        // userId -> type -> names of the role-bearing groups of that type the user is in.
        Map<String, Map<RoleType, List<String>>> byUser = new HashMap<>();
        for (Map.Entry<String, GroupRoleMapping.Entry> h : held.entrySet()) {
            GroupDirectory.Group g = directory.group(h.getKey()).orElseThrow();
            Set<String> seen = new HashSet<>();
            for (String userId : g.userIds()) {
                if (seen.add(userId)) {
                    byUser.computeIfAbsent(userId, k -> new EnumMap<>(RoleType.class))
                            .computeIfAbsent(h.getValue().type(), k -> new ArrayList<>()).add(g.displayName());
                }
            }
        }
        // Sorted by the name people see.
        Map<String, String> labels = new TreeMap<>(GroupRoleMapping.NAME_ORDER);
        byUser.keySet().forEach(id -> labels.put(directory.label(id) + "\u0000" + id, id));
        List<MappingFinding> findings = new ArrayList<>();
        for (String userId : labels.values()) {
            String name = directory.label(userId);
            Map<RoleType, List<String>> groups = byUser.get(userId);
            groups.values().forEach(l -> l.sort(GroupRoleMapping.NAME_ORDER));
            List<String> tech = groups.getOrDefault(RoleType.TECHNICIAN, List.of());
            List<String> end = groups.getOrDefault(RoleType.END_USER, List.of());
            List<String> all = new ArrayList<>(tech);
            all.addAll(end);
            if (!tech.isEmpty() && !end.isEmpty()) {
                findings.add(new MappingFinding(FindingCode.USER_IN_BOTH_TYPES, name, name + " is in technician groups ("
                        + String.join(", ", tech) + ") and end-user groups (" + String.join(", ", end) + "): NinjaOne makes "
                        + "an account a technician or an end user, not both; remove the user from one side in Duo", all));
                continue;
            }
            RoleType type = tech.isEmpty() ? RoleType.END_USER : RoleType.TECHNICIAN;
            List<String> ofType = groups.get(type);
            if (ofType.size() > 1) {
                findings.add(new MappingFinding(FindingCode.USER_IN_SEVERAL_GROUPS, name, name + " is in " + ofType.size() + " "
                        + type.label() + " groups (" + String.join(", ", ofType) + "): how NinjaOne combines the roles of "
                        + "several groups is not documented; check that this user should have the roles of each", ofType));
            }
            directory.user(userId).ifPresent(u -> {
                if (u.accountType() != type) {
                    findings.add(new MappingFinding(FindingCode.USER_TYPE_MISMATCH, name, name + " has userType "
                            + (u.userType() == null ? "(none, which means endUser)" : u.userType()) + ", but gets "
                            + type.label() + " roles from " + String.join(", ", ofType) + ": set the user's userType to "
                            + type.fileName() + " in Duo, or move the user to " + type.other().label() + " groups", ofType));
                }
            });
        }
        return findings;
    }

    /** How many findings of each severity. */
    public static Map<MappingSeverity, Integer> count(List<MappingFinding> findings) {
        Map<MappingSeverity, Integer> counts = new EnumMap<>(MappingSeverity.class);
        for (MappingSeverity s : MappingSeverity.values()) {
            counts.put(s, 0);
        }
        findings.forEach(f -> counts.merge(f.severity(), 1, Integer::sum));
        return counts;
    }
}
