package dev.scimctl.cli.groups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.Confirmation;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.options.EditOptions;
import dev.scimctl.scim.Groups;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.Users;
import dev.scimctl.text.Counted;
import dev.scimctl.text.SafeText;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintWriter;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What {@code groups add-members} and {@code groups remove-members} take (the group, the users, --yes, --dry-run) and
 * their run: every user is found before anything changes, members already in (or already out) are left alone, more
 * than one change is confirmed, and the group is printed as it is afterwards.
 */
@ExitCodes(ExitCode.INTERRUPTED)
final class MemberArguments {
    private final CommandContext context;

    @Mixin
    EditOptions edit;

    @Parameters(index = "0", paramLabel = "GROUP")
    String group;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "USER")
    List<String> users;

    @Option(names = {"-y", "--yes"})
    boolean yes;

    MemberArguments(CommandContext context) {
        this.context = context;
    }

    int run(boolean add) {
        GroupView view = new GroupView(edit);
        ScimClient client = edit.client();
        Groups groups = new Groups(client);
        JsonNode found = groups.find(group).orElseThrow(() -> GroupsGetCommand.notFound(group, client));
        String id = found.path("id").asText();
        String named = found.path("displayName").asText() + " (id " + id + ")";
        Set<String> members = new HashSet<>();
        found.path("members").forEach(m -> members.add(m.path("value").asText()));

        PrintWriter err = context.err();
        Map<String, String> changes = new LinkedHashMap<>(); // user id -> userName, each user once
        Users lookup = new Users(client);
        for (String name : users) {
            JsonNode user = lookup.find(name).orElseThrow(() -> new dev.scimctl.NotFoundException("no user with the id "
                    + "or userName '" + name + "' on " + client.baseUrl() + "; nothing was changed"));
            String userId = user.path("id").asText();
            if (members.contains(userId) == add) {
                err.println(SafeText.text(user.path("userName").asText() + (add ? " is a member of " : " is not a "
                        + "member of ") + named + " already: nothing to do"));
            } else {
                changes.put(userId, user.path("userName").asText());
            }
        }
        if (!changes.isEmpty()) {
            String count = Counted.of(changes.size(), "user");
            String verb = add ? "add" : "remove";
            String what = verb + " " + count + (add ? " to " : " from ") + named;
            if (changes.size() > 1 && !edit.dryRun.enabled()) {
                err.println(SafeText.text("Will " + what + ":"));
                changes.forEach((userId, userName) -> err.println(SafeText.text("  " + userName + " (id " + userId
                        + ")")));
                if (!Confirmation.confirmed(context, yes, SafeText.text(Character.toUpperCase(what.charAt(0))
                        + what.substring(1) + "?"), SafeText.text(what))) {
                    err.println("nothing was changed");
                    return ExitCode.PROBLEMS;
                }
            }
            edit.dryRun.apply(client);
            if (add) {
                groups.addMembers(id, changes.keySet());
            } else {
                groups.removeMembers(id, changes.keySet());
            }
            if (edit.dryRun.enabled()) {
                edit.dryRun.finish(client);
                return ExitCode.OK;
            }
            err.println(SafeText.text((add ? "added " : "removed ") + count + (add ? " to " : " from ") + named));
        }
        view.print(groups.get(id), client);
        return ExitCode.OK;
    }
}
