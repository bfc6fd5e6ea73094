package dev.scimctl.cli.options;

import dev.scimctl.cli.CommandContext;
import dev.scimctl.scim.ScimClient;
import picocli.CommandLine.Mixin;

/**
 * What every command that reads from the SCIM server and prints records takes: the connection and -o/--fields. The
 * factory builds it with the run's context, so a command that mixes it in needs no constructor of its own.
 */
public class ServerOptions {
    private final CommandContext context;

    @Mixin
    public ConnectionOptions connection;

    @Mixin
    public OutputOptions output;

    public ServerOptions(CommandContext context) {
        this.context = context;
    }

    public CommandContext context() {
        return context;
    }

    /** The run's client, built on first use from these options. */
    public ScimClient client() {
        return context.client(connection);
    }
}
