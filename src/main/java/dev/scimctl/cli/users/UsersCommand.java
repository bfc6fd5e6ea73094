package dev.scimctl.cli.users;

import picocli.CommandLine.Command;

/** {@code scimctl users}: what the SCIM server holds about users, and the two changes an administrator makes by hand. */
@Command(name = "users",
        description = {"List and inspect the users on the SCIM server; deactivate or delete them.",
                "See docs/users.md."},
        subcommands = {
                UsersListCommand.class,
                UsersGetCommand.class,
                UsersDeactivateCommand.class,
                UsersDeleteCommand.class,
        })
public final class UsersCommand {
}
