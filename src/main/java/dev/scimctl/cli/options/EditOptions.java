package dev.scimctl.cli.options;

import dev.scimctl.cli.CommandContext;
import picocli.CommandLine.Mixin;

/** What every command that creates or changes a user or group takes: the connection, -o/--fields, --dry-run. */
public class EditOptions extends ServerOptions {
    @Mixin
    public DryRunOptions dryRun;

    public EditOptions(CommandContext context) {
        super(context);
    }
}
