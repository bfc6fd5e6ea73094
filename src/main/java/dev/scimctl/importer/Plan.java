package dev.scimctl.importer;

import java.util.List;

/**
 * Everything an import will do, decided before anything is done: one step per row (and per user to deactivate), one
 * step per group, and the rows that are skipped. Applying it changes exactly this, and the administrator sees it first.
 */
public record Plan(List<UserStep> users, List<GroupStep> groups, List<SkippedRow> skipped) {
    public Plan {
        users = List.copyOf(users);
        groups = List.copyOf(groups);
        skipped = List.copyOf(skipped);
    }

    /** The counts the plan prints and the confirmation shows. */
    public record Counts(long create, long update, long unchanged, long deactivate, long skipped, long groupCreate,
                         long memberAdd, long memberRemove) {
        /** Requests that change the server: what --max-changes limits. */
        public long changes() {
            return create + update + deactivate + groupCreate + memberAdd + memberRemove;
        }
    }

    public Counts counts() {
        long create = 0;
        long update = 0;
        long unchanged = 0;
        long deactivate = 0;
        for (UserStep s : users) {
            switch (s.action()) {
                case CREATE -> create++;
                case UPDATE -> update++;
                case UNCHANGED -> unchanged++;
                case DEACTIVATE -> deactivate++;
            }
        }
        long groupCreate = groups.stream().filter(GroupStep::create).count();
        long adds = groups.stream().mapToLong(g -> g.add().size()).sum();
        long removes = groups.stream().mapToLong(g -> g.remove().size()).sum();
        return new Counts(create, update, unchanged, deactivate, skipped.size(), groupCreate, adds, removes);
    }

    public boolean isEmpty() {
        return counts().changes() == 0;
    }
}
