package dev.scimctl.importer;

import dev.scimctl.scim.model.ScimGroup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Compares the file with the server's state and decides what to do, without sending anything. */
public final class Planner {
    /**
     * @param deactivateMissing users on the server that the file does not list are deactivated (never deleted)
     * @param syncGroups        user members of the file's groups that the file does not put there are removed
     */
    public record Options(boolean deactivateMissing, boolean syncGroups) {
    }

    private Planner() {
    }

    public static Plan plan(List<ImportRow> rows, List<SkippedRow> skipped, RemoteState remote, Options options) {
        List<SkippedRow> skip = new ArrayList<>(skipped);
        Map<String, ImportRow> byKey = new LinkedHashMap<>();
        List<UserStep> steps = new ArrayList<>();
        for (ImportRow row : rows) {
            ImportRow first = byKey.putIfAbsent(row.key(), row);
            if (first != null) {
                // The validator reports duplicates; a plan must still never act twice on one user.
                skip.add(new SkippedRow(row.line(), row.userName(), "the same userName as line " + first.line()));
                continue;
            }
            steps.add(remote.user(row.userName())
                    .map(u -> {
                        List<Change> changes = Differ.diff(row, u.user());
                        return new UserStep(changes.isEmpty() ? UserStep.Action.UNCHANGED : UserStep.Action.UPDATE,
                                row, u, changes);
                    })
                    .orElseGet(() -> new UserStep(UserStep.Action.CREATE, row, null, List.of())));
        }
        // Users whose rows were skipped are still in the file: they are neither deactivated nor taken out of groups.
        Set<String> skippedKeys = new HashSet<>();
        for (SkippedRow s : skip) {
            if (s.userName() != null && !s.userName().isBlank()) {
                skippedKeys.add(ImportRow.key(s.userName()));
            }
        }
        if (options.deactivateMissing()) {
            if (!remote.allUsersKnown()) {
                throw new IllegalStateException("deactivating the users missing from the file needs the full user list");
            }
            remote.users().stream()
                    .filter(u -> u.userName() != null)
                    .filter(u -> !byKey.containsKey(ImportRow.key(u.userName())) && !skippedKeys.contains(ImportRow.key(u.userName())))
                    .filter(u -> u.user().isActive())
                    .sorted(Comparator.comparing(u -> ImportRow.key(u.userName())))
                    .forEach(u -> steps.add(new UserStep(UserStep.Action.DEACTIVATE, null, u, Differ.deactivation(u.user()))));
        }
        List<GroupStep> groups = planGroups(byKey.values(), skippedKeys, remote, options.syncGroups());
        skip.sort(Comparator.comparingLong(SkippedRow::line));
        return new Plan(steps, groups, skip);
    }

    private static List<GroupStep> planGroups(Iterable<ImportRow> rows, Set<String> skippedKeys, RemoteState remote,
                                              boolean sync) {
        // group key -> (name as the file first writes it, the rows' userNames in file order)
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, List<String>> members = new HashMap<>();
        for (ImportRow row : rows) {
            for (String g : row.groups()) {
                String key = RemoteState.groupKey(g);
                names.putIfAbsent(key, g.strip());
                members.computeIfAbsent(key, k -> new ArrayList<>()).add(row.userName());
            }
        }
        Set<String> keepIds = new HashSet<>();
        for (String k : skippedKeys) {
            remote.user(k).ifPresent(u -> keepIds.add(u.id()));
        }
        List<GroupStep> steps = new ArrayList<>();
        for (Map.Entry<String, String> e : names.entrySet()) {
            List<String> wanted = members.get(e.getKey());
            ScimGroup group = remote.group(e.getValue()).orElse(null);
            if (group == null) {
                steps.add(new GroupStep(e.getValue(), null, wanted, List.of()));
                continue;
            }
            Set<String> current = new HashSet<>();
            group.membersOrEmpty().forEach(m -> current.add(m.value()));
            List<String> add = new ArrayList<>();
            Set<String> wantedIds = new HashSet<>();
            for (String userName : wanted) {
                String id = remote.user(userName).map(RemoteUser::id).orElse(null);
                if (id != null) {
                    wantedIds.add(id);
                }
                if (id == null || !current.contains(id)) {
                    add.add(userName);
                }
            }
            List<GroupStep.Member> remove = new ArrayList<>();
            if (sync) {
                for (ScimGroup.Member m : group.membersOrEmpty()) {
                    boolean user = m.type() == null || m.type().equalsIgnoreCase("User");
                    if (user && m.value() != null && !wantedIds.contains(m.value()) && !keepIds.contains(m.value())) {
                        remove.add(new GroupStep.Member(m.value(), m.display()));
                    }
                }
            }
            steps.add(new GroupStep(group.displayName(), group.id(), add, remove));
        }
        return steps;
    }
}
