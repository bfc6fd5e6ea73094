package dev.scimctl.cli.mapgroups;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.output.JsonOutput;
import dev.scimctl.mapping.Explainer;
import dev.scimctl.mapping.GroupDirectory;
import dev.scimctl.mapping.RoleType;
import picocli.CommandLine.Help.Ansi;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** An {@link Explainer.Explanation} as a short report, or as JSON. */
final class ExplanationView {
    private ExplanationView() {
    }

    static void text(Explainer.Explanation x, PrintWriter out, Ansi ansi) {
        GroupDirectory.User u = x.user();
        List<String> facts = new ArrayList<>();
        facts.add("id " + u.id());
        facts.add(u.active() ? "active" : "inactive");
        facts.add("userType " + (u.userType() == null ? "not set" : u.userType()));
        out.println(ansi.string("@|bold User:|@   ") + (u.userName() == null ? "(no userName)" : u.userName())
                + " (" + String.join(", ", facts) + ")");
        int width = x.groups().stream().mapToInt(g -> g.group().length()).max().orElse(0);
        String label = ansi.string("@|bold Groups:|@ ");
        if (x.groups().isEmpty()) {
            out.println(label + "none on the server");
        }
        for (Explainer.GroupEffect g : x.groups()) {
            String effect = g.mapped()
                    ? g.entry().type().fileName() + ": " + String.join(", ", g.entry().roles())
                    : ansi.string("@|faint not mapped: no roles|@");
            out.println(label + String.format(Locale.ROOT, "%-" + width + "s", g.group()) + "  → " + effect);
            label = "        ";
        }
        String style = switch (x.verdict()) {
            case CONFLICT -> "@|bold,red Result:|@ ";
            case NO_ROLES -> "@|yellow Result:|@ ";
            default -> "@|bold,green Result:|@ ";
        };
        out.println(ansi.string(style) + x.summary());
        for (String note : x.notes()) {
            out.println(ansi.string("@|yellow Note:|@   ") + note);
        }
    }

    static void json(Explainer.Explanation x, PrintWriter out) throws Exception {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        ObjectNode user = o.putObject("user");
        user.put("id", x.user().id());
        user.put("userName", x.user().userName());
        user.put("userType", x.user().userType());
        user.put("active", x.user().active());
        ArrayNode groups = o.putArray("groups");
        for (Explainer.GroupEffect g : x.groups()) {
            ObjectNode go = groups.addObject();
            go.put("group", g.group());
            go.put("mapped", g.mapped());
            if (g.mapped()) {
                go.put("type", g.entry().type().fileName());
                ArrayNode roles = go.putArray("roles");
                g.entry().roles().forEach(roles::add);
            }
        }
        o.put("verdict", switch (x.verdict()) {
            case NO_ROLES -> "noRoles";
            case TECHNICIAN -> "technician";
            case END_USER -> "endUser";
            case CONFLICT -> "conflict";
        });
        ObjectNode roles = o.putObject("roles");
        for (RoleType t : RoleType.values()) {
            if (x.roles().containsKey(t)) {
                ArrayNode a = roles.putArray(t.fileName());
                x.roles().get(t).forEach(a::add);
            }
        }
        o.put("summary", x.summary());
        ArrayNode notes = o.putArray("notes");
        x.notes().forEach(notes::add);
        JsonOutput.pretty(out, o);
    }
}
