package dev.scimctl.cli.mapgroups;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.ExitCode;
import dev.scimctl.NotFoundException;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.Formats;
import dev.scimctl.mapping.Explainer;
import dev.scimctl.mapping.GroupDirectory;
import dev.scimctl.output.OutputFormat;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.Optional;
import java.util.concurrent.Callable;

/** {@code scimctl map-groups explain USER}: which roles one user would get, and why. */
@Command(name = "explain")
@ExitCodes({ExitCode.PROBLEMS, ExitCode.AUTH, ExitCode.UNREACHABLE, ExitCode.SERVER})
@Formats(value = {OutputFormat.text, OutputFormat.json}, terminal = OutputFormat.text, pipe = OutputFormat.text)
final class MapGroupsExplainCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "USER")
    String user;

    @Mixin
    MappingReportOptions report;

    @Override
    public Integer call() throws Exception {
        MappingReportOptions.Inputs in = report.read();
        ScimClient client = in.client();
        GroupDirectory.User found = find(client).orElseThrow(() -> new NotFoundException("no user \"" + user + "\" on "
                + client.baseUrl() + ": give the userName (usually the e-mail address) or the SCIM id"));
        // Groups only: the one user is all that needs a name, so the user listing is skipped.
        GroupDirectory directory = GroupDirectory.fetch(client, false);
        Explainer.Explanation explanation = Explainer.explain(found, in.mapping(), in.catalog(), directory);
        CommandContext context = report.context();
        if (report.format() == OutputFormat.json) {
            ExplanationView.json(explanation, context.out());
        } else {
            ExplanationView.text(explanation, context.out(), context.ansi(true));
        }
        return ExitCode.OK;
    }

    /** The user by userName, else by id: the one look-up every command uses ({@link Users#findByUserName}). */
    private Optional<GroupDirectory.User> find(ScimClient client) {
        Users users = new Users(client);
        Optional<JsonNode> found = users.findByUserName(user);
        if (found.isEmpty()) {
            found = users.findById(user);
        }
        return found.map(u -> GroupDirectory.user(users.toUser(u)));
    }
}
