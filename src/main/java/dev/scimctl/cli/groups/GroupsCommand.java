package dev.scimctl.cli.groups;

import picocli.CommandLine.Command;

/** {@code scimctl groups}: the identity groups Duo pushed, which NinjaOne maps to roles. */
@Command(name = "groups",
        description = {"List, inspect, create, rename and delete groups.",
                "The groups on the SCIM server (Duo's groups, which the NinjaOne console maps to user roles), and "
                        + "their members.", "See docs/groups.md."},
        subcommands = {
                GroupsListCommand.class,
                GroupsGetCommand.class,
                GroupsCreateCommand.class,
                GroupsRenameCommand.class,
                GroupsAddMembersCommand.class,
                GroupsRemoveMembersCommand.class,
                GroupsDeleteCommand.class,
        })
public final class GroupsCommand {
}
