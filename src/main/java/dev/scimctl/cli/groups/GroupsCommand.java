package dev.scimctl.cli.groups;

import picocli.CommandLine.Command;

/** {@code scimctl groups}: the identity groups Duo pushed, which NinjaOne maps to roles. */
@Command(name = "groups",
        description = {"List and inspect the groups on the SCIM server (Duo's groups, which the NinjaOne console "
                + "maps to user roles).", "See docs/groups.md."},
        subcommands = {
                GroupsListCommand.class,
                GroupsGetCommand.class,
        })
public final class GroupsCommand {
}
