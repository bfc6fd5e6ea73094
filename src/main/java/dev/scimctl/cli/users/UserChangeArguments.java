package dev.scimctl.cli.users;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.options.ConnectionOptions;
import dev.scimctl.io.RunLock;
import dev.scimctl.scim.ScimClient;
import dev.scimctl.scim.Users;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.function.Function;

/** What {@code users deactivate} and {@code users delete} take (the users, --yes, the connection), and their run. */
@ExitCodes({ExitCode.AUTH, ExitCode.UNREACHABLE, ExitCode.SERVER, ExitCode.INTERRUPTED})
final class UserChangeArguments {
    private final CommandContext context;

    @Mixin
    ConnectionOptions connection;

    @Parameters(paramLabel = "USER", arity = "1..*")
    List<String> users;

    @Option(names = {"-y", "--yes"})
    boolean yes;

    UserChangeArguments(CommandContext context) {
        this.context = context;
    }

    /** Finds, shows, asks, changes each user (see {@link UserChanges}), holding the server's lock meanwhile. */
    int run(String command, Function<Users, UserChange> change) {
        ScimClient client = context.client(connection);
        try (RunLock lock = context.lockServer(connection, command + " " + String.join(" ", users))) {
            return new UserChanges(context, client).run(users, yes, change.apply(new Users(client)));
        }
    }
}
