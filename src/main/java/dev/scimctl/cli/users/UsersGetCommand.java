package dev.scimctl.cli.users;

import dev.scimctl.ExitCode;
import dev.scimctl.NotFoundException;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.options.ServerOptions;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.Users;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code scimctl users get USER}: one user, every attribute, the NinjaOne extension included. */
@Command(name = "get")
@ExitCodes(ExitCode.PROBLEMS)
public final class UsersGetCommand implements Callable<Integer> {
    @Mixin
    ServerOptions server;

    @Parameters(paramLabel = "USER")
    String user;

    @Override
    public Integer call() {
        UserView view = new UserView(server);
        ScimClient client = server.client();
        view.print(new Users(client).find(user).orElseThrow(() -> notFound(user, client.baseUrl())));
        return ExitCode.OK;
    }

    /** The one message for a user that is not there, for every users command that names one. */
    static NotFoundException notFound(String user, java.net.URI baseUrl) {
        return new NotFoundException("no user with the id or userName '" + user + "' on " + baseUrl
                + "; look for near misses with 'scimctl users list | grep -i PART'");
    }
}
