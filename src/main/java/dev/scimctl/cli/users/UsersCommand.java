package dev.scimctl.cli.users;

import dev.scimctl.cli.Subcommands;
import picocli.CommandLine.Command;

import java.util.Map;

/** {@code scimctl users}: what the SCIM server holds about users, and the changes an administrator makes by hand. */
@Command(name = "users")
public final class UsersCommand {
    /** Its commands, in the order --help lists them (see {@link Subcommands}). */
    public static final Map<String, Class<?>> COMMANDS = Subcommands.of(
            Map.entry("list", UsersListCommand.class),
            Map.entry("get", UsersGetCommand.class),
            Map.entry("create", UsersCreateCommand.class),
            Map.entry("set", UsersSetCommand.class),
            Map.entry("replace", UsersReplaceCommand.class),
            Map.entry("deactivate", UsersDeactivateCommand.class),
            Map.entry("delete", UsersDeleteCommand.class));
}
