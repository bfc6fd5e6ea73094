package dev.scimctl.cli.users;

import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code scimctl users deactivate USER…}: sets active=false, after showing who and asking. */
@Command(name = "deactivate",
        description = {"Deactivate users (active: false), as NinjaOne does with users removed at the IdP.",
                "Finds every USER first, lists them, and asks on a terminal; without a terminal, only --yes goes "
                        + "ahead. Uses PATCH where the server supports it, else GET and PUT (with If-Match where it "
                        + "serves ETags). Keeps going past a failure and reports each."},
        footerHeading = "%nExamples:%n",
        footer = {"  scimctl users deactivate alice@example.com bob@example.com",
                "  scimctl users list --organization 42 -o tsv --fields userName | xargs scimctl users deactivate --yes"})
@ExitCodes(value = {ExitCode.OK, ExitCode.PROBLEMS, ExitCode.USAGE, ExitCode.INPUT, ExitCode.AUTH, ExitCode.UNREACHABLE, ExitCode.SERVER,
        ExitCode.INTERRUPTED},
        details = {"0:every user deactivated (or inactive already)",
                "1:a user was not found or not changed, or the answer was no",
                CommandContext.SERVER_BUSY})
public final class UsersDeactivateCommand implements Callable<Integer> {
    @Mixin
    UserChangeArguments arguments;

    @Override
    public Integer call() {
        return arguments.run("users deactivate", Deactivation::new);
    }
}
