package dev.scimctl.output;

import dev.scimctl.importer.UndoPlan;
import dev.scimctl.text.Counted;
import picocli.CommandLine.Help.Ansi;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The reverse plan of {@code import undo}, in the import plan's form (action, line, name, changes): one line per
 * change, as an aligned table on a terminal and tab-separated otherwise, then the conflicts it leaves alone.
 */
public final class UndoPlanPrinter {
    private UndoPlanPrinter() {
    }

    public static void print(UndoPlan plan, PrintWriter out, boolean terminal, Ansi ansi) {
        TablePrinter table = new TablePrinter(PlanPrinter.COLUMNS);
        for (UndoPlan.UserUndo u : plan.users()) {
            String changes = switch (u.action()) {
                case DEACTIVATE -> "created by the import: active: \"true\" → \"false\"";
                case DELETE -> "created by the import: deleted";
                default -> u.reverts().stream().map(UndoPlan.Revert::toString).collect(Collectors.joining("; "));
            };
            table.row(u.action().label(), u.line() > 0 ? u.line() : "", u.userName(), changes);
        }
        for (UndoPlan.MemberUndo m : plan.members()) {
            table.row(m.add() ? "add-member" : "remove-member", "", m.userName(),
                    (m.add() ? "back to group " : "from group ") + m.groupName());
        }
        for (UndoPlan.GroupDelete g : plan.groups()) {
            table.row("delete-group", "", g.name(), "created by the import; empty once its members are removed");
        }
        for (UndoPlan.Conflict c : plan.conflicts()) {
            table.row("conflict", c.line() > 0 ? c.line() : "", c.name(), c.reason());
        }
        if (table.size() > 0) {
            table.print(out, terminal, ansi);
        }
    }

    /** "users: 2 to revert, 1 to reactivate, 3 to deactivate; groups: 2 members to remove, 1 to delete; 1 conflict kept." */
    public static String counts(UndoPlan.Counts c) {
        List<String> users = new ArrayList<>();
        users.add(c.revert() + " to revert");
        users.add(c.reactivate() + " to reactivate");
        users.add(c.deactivate() + " to deactivate");
        if (c.delete() > 0) {
            users.add(c.delete() + " to delete");
        }
        StringBuilder b = new StringBuilder("users: ").append(String.join(", ", users));
        if (c.memberRemove() + c.memberAdd() + c.groupDelete() > 0) {
            b.append("; groups: ").append(Counted.of(c.memberRemove(), "member"))
                    .append(" to remove, ").append(c.memberAdd()).append(" to add back, ")
                    .append(c.groupDelete()).append(" to delete");
        }
        b.append("; ").append(Counted.of(c.conflicts(), "conflict")).append(" kept");
        if (c.already() > 0) {
            b.append("; ").append(c.already()).append(" already as before the import");
        }
        return b.toString();
    }
}
