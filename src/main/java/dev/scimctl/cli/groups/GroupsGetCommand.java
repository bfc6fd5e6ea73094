package dev.scimctl.cli.groups;

import dev.scimctl.cli.ExitCodes;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.ExitCode;
import dev.scimctl.NotFoundException;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.options.ConnectionOptions;
import dev.scimctl.cli.options.OutputOptions;
import dev.scimctl.output.FieldSet;
import dev.scimctl.output.JsonOutput;
import dev.scimctl.output.OutputFormat;
import dev.scimctl.output.RecordWriter;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.Groups;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code scimctl groups get GROUP}: one group and its members, with their userNames. */
@Command(name = "get",
        description = {"Show one group, by id or display name, and its members with their userNames (the display "
                + "the server sends, else looked up)."},
        footerHeading = "%nExamples:%n",
        footer = {"  scimctl groups get 'NinjaOne Technicians'",
                "  scimctl groups get 'NinjaOne Technicians' -o tsv --fields name",
                "  scimctl groups get 5d0d7c4e-0b5e-4a4b-9d55-0a4f0f1f2a3b -o json | jq -r '.members[].display'",
                "",
                "Fields of a member: name (a user's userName, a nested group's displayName), type, id.",
                "Table, tsv, csv and ndjson list the members; json writes the group as the server sent it, with each",
                "member's display filled in where the server left it out."})
@ExitCodes(value = {ExitCode.OK, ExitCode.PROBLEMS, ExitCode.USAGE, ExitCode.INPUT, ExitCode.AUTH, ExitCode.UNREACHABLE, ExitCode.SERVER},
        details = {"0:shown",
                "1:no group has this id or display name",
                "2:a wrong option or field, or no URL or token",
                "3:the token file cannot be read"})
public final class GroupsGetCommand implements Callable<Integer> {
    /** A member of the group, named. */
    record Member(String id, String name, String type) {
    }

    static final FieldSet<Member> MEMBER_FIELDS = new FieldSet<Member>()
            .add("name", "a user's userName, a nested group's displayName", true, Member::name)
            .add("type", "User or Group", true, Member::type)
            .add("id", "the member's id", true, Member::id);

    private final CommandContext context;

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Parameters(paramLabel = "GROUP", description = "A group id or display name.")
    String group;

    GroupsGetCommand(CommandContext context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        output.fields(MEMBER_FIELDS); // a wrong --fields fails before any request
        ScimClient client = context.client(connection);
        JsonNode found = new Groups(client).find(group).orElseThrow(() -> new NotFoundException(
                "no group with the id or display name '" + group + "' on " + client.baseUrl()
                        + "; 'scimctl groups list' shows them all"));
        JsonNode members = found.path("members");
        Map<String, String> names = new MemberNames(client).of(members);
        OutputFormat format = output.format(context);
        if (format == OutputFormat.json && !output.fieldsChosen()) {
            JsonOutput.pretty(context.out(), withDisplays(found, names));
            return ExitCode.OK;
        }
        PrintWriter out = context.out();
        if (format == OutputFormat.table) {
            out.println(found.path("displayName").asText() + "  (id " + found.path("id").asText() + ", " + members.size()
                    + (members.size() == 1 ? " member)" : " members)"));
        }
        try (RecordWriter<Member> w = output.open(context, MEMBER_FIELDS, null)) {
            for (JsonNode m : members) {
                String id = m.path("value").asText();
                w.write(new Member(id, names.get(id), m.path("type").asText(null)));
            }
        }
        return ExitCode.OK;
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
