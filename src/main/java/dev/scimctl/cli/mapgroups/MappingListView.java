package dev.scimctl.cli.mapgroups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.mapping.GroupRoleMapping;
import dev.scimctl.mapping.RoleType;
import dev.scimctl.output.FieldSet;
import dev.scimctl.text.Counted;

import java.io.PrintWriter;
import java.util.List;

/** The mapping as records (table, TSV, CSV, JSON), or a Markdown checklist to follow in the NinjaOne console. */
final class MappingListView {
    /** group, type, roles, note: the columns of table, tsv and csv, and the fields --fields takes. */
    static final FieldSet<GroupRoleMapping.Entry> FIELDS = new FieldSet<GroupRoleMapping.Entry>()
            .add("group", "the identity provider's group name", true, GroupRoleMapping.Entry::group)
            .add("type", "technician or end-user", true, e -> e.type().fileName())
            .add("roles", "the NinjaOne roles, comma-separated", true, e -> String.join(", ", e.roles()))
            .add("note", "the note kept with the entry", true, GroupRoleMapping.Entry::note);

    private MappingListView() {
    }

    /** An entry as JSON, its roles an array: {@code jq '.[] | select(.type == "technician") | .group'}. */
    static JsonNode json(GroupRoleMapping.Entry e) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("group", e.group());
        o.put("type", e.type().fileName());
        ArrayNode roles = o.putArray("roles");
        e.roles().forEach(roles::add);
        if (e.note() != null) {
            o.put("note", e.note());
        }
        return o;
    }

    /**
     * A checklist for the person who enters the mapping in the console, which has no API: one box per group, technician
     * groups first, each with exactly the roles to pick.
     */
    static void markdown(GroupRoleMapping mapping, String source, PrintWriter out) {
        out.println("# NinjaOne group mapping");
        out.println();
        out.println("From `" + source.replace("`", "'") + "` (" + Counted.of(mapping.size(), "group")
                + "). In the NinjaOne console, open Administration → Accounts → Identity Providers → your identity "
                + "provider → Group mapping. Map each group below to exactly the roles listed, and tick its box. "
                + "Run `scimctl map-groups check` before and after.");
        for (RoleType type : RoleType.values()) {
            List<GroupRoleMapping.Entry> ofType = mapping.entries().stream().filter(e -> e.type() == type).toList();
            if (ofType.isEmpty()) {
                continue;
            }
            out.println();
            out.println(type == RoleType.TECHNICIAN ? "## Technician groups" : "## End-user groups");
            out.println();
            for (GroupRoleMapping.Entry e : ofType) {
                out.println("- [ ] **" + escape(e.group()) + "** → " + String.join(", ", e.roles().stream()
                        .map(MappingListView::escape).toList()));
                if (e.note() != null) {
                    out.println("  " + escape(e.note()));
                }
            }
        }
    }

    /** Backslash-escapes what Markdown would read as formatting, so that a name prints as written. */
    static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (char c : text.replace('\n', ' ').replace('\r', ' ').toCharArray()) {
            if ("\\`*_{}[]<>()#+-.!|~".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}
