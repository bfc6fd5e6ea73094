package dev.scimctl.cli.groups;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.options.DryRunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code scimctl groups remove-members GROUP USER…}: one RFC {@code members[value eq "ID"]} remove per member. */
@Command(name = "remove-members",
        description = {"Remove users from a group, each by the RFC 7644 path members[value eq \"ID\"].",
                "Never a path-less or plain 'members' remove, which empties the whole group on some servers; where "
                        + "PATCH is not served, GET and PUT with If-Match. Finds the group and every USER first (one "
                        + "missing: nothing changes); users who are not members are left alone. Removing several "
                        + "users asks first on a terminal; without a terminal, only --yes goes ahead. Prints the "
                        + "group's members afterwards, as 'groups get' does."},
        footerHeading = "%nExamples:%n",
        footer = {"  scimctl groups remove-members 'NinjaOne Technicians' alice@example.com",
                "  scimctl groups remove-members 'Help Desk' alice@example.com bob@example.com --yes",
                "  scimctl groups remove-members 'Help Desk' alice@example.com --dry-run"})
@ExitCodes(value = {ExitCode.OK, ExitCode.PROBLEMS, ExitCode.USAGE, ExitCode.INPUT, ExitCode.AUTH, ExitCode.UNREACHABLE,
        ExitCode.SERVER, ExitCode.INTERRUPTED},
        details = {"0:removed (or not members)",
                DryRunOptions.PRINTED,
                "1:no group or no user with that id or name (nothing changed), the answer was no, or the server "
                        + "refused"})
public final class GroupsRemoveMembersCommand implements Callable<Integer> {
    @Mixin
    MemberArguments arguments;

    @Override
    public Integer call() {
        return arguments.run(false);
    }
}
