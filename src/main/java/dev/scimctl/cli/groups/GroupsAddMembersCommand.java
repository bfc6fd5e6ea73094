package dev.scimctl.cli.groups;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.options.DryRunOptions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code scimctl groups add-members GROUP USER…}: PATCH add members, in batches. */
@Command(name = "add-members",
        description = {"Add users to a group (PATCH add members, else GET and PUT with If-Match).",
                "Finds the group and every USER first (one missing: nothing changes). Users who are members already "
                        + "are left alone. Adding several users asks first on a terminal; without a terminal, only "
                        + "--yes goes ahead. Prints the group's members afterwards, as 'groups get' does."},
        footerHeading = "%nExamples:%n",
        footer = {"  scimctl groups add-members 'NinjaOne Technicians' alice@example.com",
                "  scimctl groups add-members 'NinjaOne Technicians' alice@example.com bob@example.com --yes",
                "  scimctl groups add-members 'Help Desk' alice@example.com --dry-run"})
@ExitCodes(value = {ExitCode.OK, ExitCode.PROBLEMS, ExitCode.USAGE, ExitCode.INPUT, ExitCode.AUTH, ExitCode.UNREACHABLE,
        ExitCode.SERVER, ExitCode.INTERRUPTED},
        details = {"0:added (or members already)",
                DryRunOptions.PRINTED,
                "1:no group or no user with that id or name (nothing changed), the answer was no, or the server "
                        + "refused"})
public final class GroupsAddMembersCommand implements Callable<Integer> {
    @Mixin
    MemberArguments arguments;

    @Override
    public Integer call() {
        return arguments.run(true);
    }
}
