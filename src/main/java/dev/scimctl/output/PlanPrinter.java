package dev.scimctl.output;

import dev.scimctl.importer.Change;
import dev.scimctl.importer.GroupStep;
import dev.scimctl.importer.ImportRow;
import dev.scimctl.importer.Plan;
import dev.scimctl.importer.SkippedRow;
import dev.scimctl.importer.UserStep;
import dev.scimctl.text.Counted;
import picocli.CommandLine.Help.Ansi;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * An import plan for people and pipes: one line per change (unchanged users are only counted), as an aligned table
 * on a terminal and as tab-separated lines otherwise; and the counts, in one sentence.
 */
public final class PlanPrinter {
    public static final List<String> COLUMNS = List.of("action", "line", "name", "changes");

    private PlanPrinter() {
    }

    public static void print(Plan plan, PrintWriter out, boolean terminal, Ansi ansi) {
        TablePrinter table = new TablePrinter(COLUMNS);
        for (UserStep s : plan.users()) {
            if (!s.changesSomething()) {
                continue;
            }
            String changes = s.action() == UserStep.Action.CREATE ? describeNew(s.row())
                    : s.changes().stream().map(Change::toString).collect(Collectors.joining("; "));
            table.row(s.action().label(), s.line() > 0 ? s.line() : "", s.userName(), changes);
        }
        for (SkippedRow s : plan.skipped()) {
            table.row("skip", s.line(), s.userName(), s.reason());
        }
        // One line per membership change, like one per user: the lines are the changes --max-changes counts.
        for (GroupStep g : plan.groups()) {
            if (g.create()) {
                table.row("create-group", "", g.displayName(), "new group");
            }
            for (String userName : g.add()) {
                table.row("add-member", "", userName, "to group " + g.displayName());
            }
            for (GroupStep.Member m : g.remove()) {
                table.row("remove-member", "", m.display() == null ? m.id() : m.display(),
                        "from group " + g.displayName() + " (id " + m.id() + ")");
            }
        }
        if (table.size() > 0) {
            table.print(out, terminal, ansi);
        }
    }

    /** "Plan: 2 to create, 1 to update, 5 unchanged; groups: 1 to create, 3 members to add." */
    public static String counts(Plan.Counts c) {
        List<String> users = new ArrayList<>();
        users.add(c.create() + " to create");
        users.add(c.update() + " to update");
        users.add(c.unchanged() + " unchanged");
        if (c.deactivate() > 0) {
            users.add(c.deactivate() + " to deactivate");
        }
        if (c.skipped() > 0) {
            users.add(c.skipped() + " skipped");
        }
        StringBuilder b = new StringBuilder("users: ").append(String.join(", ", users));
        if (c.groupCreate() + c.memberAdd() + c.memberRemove() > 0) {
            b.append("; groups: ").append(c.groupCreate()).append(" to create, ")
                    .append(Counted.of(c.memberAdd(), "member")).append(" to add");
            if (c.memberRemove() > 0) {
                b.append(", ").append(Counted.of(c.memberRemove(), "member")).append(" to remove");
            }
        }
        return b.toString();
    }

    /** What a new user gets: name, account type, organization. */
    static String describeNew(ImportRow row) {
        List<String> parts = new ArrayList<>();
        String name = (nz(row.givenName()) + " " + nz(row.familyName())).strip();
        if (!name.isEmpty()) {
            parts.add(name);
        }
        boolean technician = "technician".equals(row.userType());
        parts.add(technician ? "technician" : "end user");
        String org = row.organizationId();
        if (org != null && !org.isEmpty() && !org.equals("All")) {
            parts.add("organization " + org);
        } else if (!technician) {
            parts.add("all organizations");
        }
        return String.join(", ", parts);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }
}
