package dev.scimctl.cli.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.options.OutputOptions;
import dev.scimctl.cli.options.ServerOptions;
import dev.scimctl.output.FieldSet;
import dev.scimctl.output.JsonOutput;
import dev.scimctl.output.OutputFormat;
import dev.scimctl.output.RecordWriter;
import dev.scimctl.output.TablePrinter;
import dev.scimctl.scim.ScimClient;

import dev.scimctl.text.Counted;

import java.io.PrintWriter;
import java.util.Map;

/**
 * One group on stdout in the {@code -o} vocabulary of {@code groups get}: its members with their names (table, tsv,
 * csv, ndjson), or the group as the server sent it with each member's display filled in (json). {@code groups get}
 * and the commands that create or change a group print it this way.
 */
final class GroupView {
    /** A member of the group, named. */
    record Member(String id, String name, String type) {
    }

    static final FieldSet<Member> MEMBER_FIELDS = new FieldSet<Member>()
            .add("name", "a user's userName, a nested group's displayName", true, Member::name)
            .add("type", "User or Group", true, Member::type)
            .add("id", "the member's id", true, Member::id);

    private final CommandContext context;
    private final OutputOptions output;

    /** Checks --fields now, so that a wrong one fails before any request. */
    GroupView(ServerOptions server) {
        this.context = server.context();
        this.output = server.output;
        output.fields(MEMBER_FIELDS);
    }

    void print(JsonNode group, ScimClient client) {
        JsonNode members = group.path("members");
        Map<String, String> names = new MemberNames(client).of(members);
        OutputFormat format = output.format(context);
        if (format == OutputFormat.json && !output.fieldsChosen()) {
            JsonOutput.pretty(context.out(), withDisplays(group, names));
            return;
        }
        PrintWriter out = context.out();
        if (format == OutputFormat.table) {
            // One line, as the table's cells: a tab or line break in a server's name must not break the heading.
            out.println(TablePrinter.oneLine(group.path("displayName").asText()) + "  (id "
                    + TablePrinter.oneLine(group.path("id").asText()) + ", "
                    + Counted.of(members.size(), "member") + ")");
        }
        try (RecordWriter<Member> w = output.open(context, MEMBER_FIELDS, null)) {
            for (JsonNode m : members) {
                String id = m.path("value").asText();
                w.write(new Member(id, names.get(id), m.path("type").asText(null)));
            }
        }
    }

    /** The group with each member's display filled in where the server left it out. */
    private static JsonNode withDisplays(JsonNode group, Map<String, String> names) {
        ObjectNode copy = ((ObjectNode) group).deepCopy();
        for (JsonNode m : copy.path("members")) {
            String name = names.get(m.path("value").asText());
            if (!m.hasNonNull("display") && name != null && m instanceof ObjectNode member) {
                member.put("display", name);
            }
        }
        return copy;
    }
}
