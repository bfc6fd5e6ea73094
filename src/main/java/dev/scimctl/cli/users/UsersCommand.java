package dev.scimctl.cli.users;

import picocli.CommandLine.Command;

/** {@code scimctl users}: what the SCIM server holds about users, and the changes an administrator makes by hand. */
@Command(name = "users",
        description = {"List, inspect, create, change and remove users.",
                "The users on the SCIM server: list and inspect them; create, change, deactivate or delete them.",
                "See docs/users.md."},
        subcommands = {
                UsersListCommand.class,
                UsersGetCommand.class,
                UsersCreateCommand.class,
                UsersSetCommand.class,
                UsersReplaceCommand.class,
                UsersDeactivateCommand.class,
                UsersDeleteCommand.class,
        })
public final class UsersCommand {
}
