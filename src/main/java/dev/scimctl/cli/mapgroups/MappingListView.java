package dev.scimctl.cli.mapgroups;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.mapping.GroupRoleMapping;
import dev.scimctl.mapping.RoleType;
import dev.scimctl.output.TablePrinter;
import picocli.CommandLine.Help.Ansi;

import java.io.PrintWriter;
import java.util.List;

/** The mapping as a table, TSV, JSON, or a Markdown checklist to follow in the NinjaOne console. */
final class MappingListView {
    static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private MappingListView() {
    }

    static void table(GroupRoleMapping mapping, PrintWriter out, boolean terminal, Ansi ansi) {
        TablePrinter table = new TablePrinter(List.of("group", "type", "roles", "note"));
        for (GroupRoleMapping.Entry e : mapping.entries()) {
            table.row(e.group(), e.type().fileName(), String.join(", ", e.roles()), e.note());
        }
        table.print(out, terminal, ansi);
    }

    /** An array of entries: {@code jq '.[] | select(.type == "technician") | .group'}. */
    static void json(GroupRoleMapping mapping, PrintWriter out) throws Exception {
        ArrayNode array = JSON.createArrayNode();
        for (GroupRoleMapping.Entry e : mapping.entries()) {
            ObjectNode o = array.addObject();
            o.put("group", e.group());
            o.put("type", e.type().fileName());
            ArrayNode roles = o.putArray("roles");
            e.roles().forEach(roles::add);
            if (e.note() != null) {
                o.put("note", e.note());
            }
        }
        out.println(JSON.writeValueAsString(array));
    }

    /**
     * A checklist for the person who enters the mapping in the console, which has no API: one box per group, technician
     * groups first, each with exactly the roles to pick.
     */
    static void markdown(GroupRoleMapping mapping, String source, PrintWriter out) {
        out.println("# NinjaOne group mapping");
        out.println();
        out.println("From `" + source.replace("`", "'") + "` (" + mapping.size() + (mapping.size() == 1 ? " group" : " groups")
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
