package dev.scimctl.cli.users;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.ExitCode;
import dev.scimctl.UsageException;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.options.EditOptions;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.ScimErrorException;
import dev.scimctl.scim.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code scimctl users replace USER --from FILE}: PUT the whole user, with If-Match where ETags are served. */
@Command(name = "replace")
@ExitCodes(ExitCode.PROBLEMS)
public final class UsersReplaceCommand implements Callable<Integer> {
    @Mixin
    EditOptions edit;

    @Parameters(paramLabel = "USER")
    String user;

    @Option(names = "--from", paramLabel = "FILE", required = true)
    Path from;

    @Override
    public Integer call() {
        CommandContext context = edit.context();
        UserView view = new UserView(edit);
        UserFile file = UserFile.read(from);
        ScimClient client = edit.client();
        Users users = new Users(client);
        JsonNode current = users.find(user).orElseThrow(() -> UsersGetCommand.notFound(user, client.baseUrl()));
        String id = current.path("id").asText();
        String fileId = file.user().path("id").asText("");
        if (!fileId.isEmpty() && !fileId.equals(id)) {
            throw new UsageException(file.at("/id", "id") + ": the file is the user with id " + fileId + ", not "
                    + user + " (id " + id + "): name that user, or write this user's file with 'scimctl users get "
                    + user + " -o json'");
        }
        if (!new ValueRules(context).allow(file)) {
            return ExitCode.PROBLEMS;
        }
        edit.dryRun.apply(client);
        JsonNode after;
        try {
            after = users.replace(id, file.user(), current);
        } catch (ScimErrorException e) {
            if (!e.isPreconditionFailed()) {
                throw e;
            }
            context.error(e.getMessage() + "; " + user
                    + " changed on the server since " + from + " was read, and nothing was replaced: read it again "
                    + "with 'scimctl users get " + user + " -o json', make your edit there, and replace again");
            return ExitCode.PROBLEMS;
        }
        return edit.dryRun.done(client, () -> view.print(after));
    }
}
