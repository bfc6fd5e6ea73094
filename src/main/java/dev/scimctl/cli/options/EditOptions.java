package dev.scimctl.cli.options;

import picocli.CommandLine.Mixin;

/** What every command that creates or changes a user or group takes: the connection, -o/--fields, --dry-run. */
public class EditOptions {
    @Mixin
    public ConnectionOptions connection;

    /** How the user or group is printed afterwards. */
    @Mixin
    public OutputOptions output;

    @Mixin
    public DryRunOptions dryRun;
}
