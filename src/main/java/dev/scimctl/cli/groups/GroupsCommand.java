package dev.scimctl.cli.groups;

import dev.scimctl.cli.Subcommands;
import picocli.CommandLine.Command;

import java.util.Map;

/** {@code scimctl groups}: the identity groups Duo pushed, which NinjaOne maps to roles. */
@Command(name = "groups")
public final class GroupsCommand {
    /** Its commands, in the order --help lists them (see {@link Subcommands}). */
    public static final Map<String, Class<?>> COMMANDS = Subcommands.of(
            Map.entry("list", GroupsListCommand.class),
            Map.entry("get", GroupsGetCommand.class),
            Map.entry("create", GroupsCreateCommand.class),
            Map.entry("rename", GroupsRenameCommand.class),
            Map.entry("add-members", GroupsAddMembersCommand.class),
            Map.entry("remove-members", GroupsRemoveMembersCommand.class),
            Map.entry("delete", GroupsDeleteCommand.class));
}
