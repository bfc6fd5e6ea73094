package dev.scimctl.cli.options;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.ExitCode;
import dev.scimctl.cli.CommandContext;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.output.FieldSet;
import dev.scimctl.output.JsonOutput;
import dev.scimctl.output.OutputFormat;
import dev.scimctl.output.RecordWriter;
import dev.scimctl.scim.ScimClient;
import picocli.CommandLine.Mixin;

import java.util.Collection;
import java.util.function.Function;

/**
 * What every command that reads from the SCIM server and prints records takes: the connection and -o/--fields. The
 * factory builds it with the run's context, so a command that mixes it in needs no constructor of its own.
 */
@ExitCodes({ExitCode.AUTH, ExitCode.UNREACHABLE, ExitCode.SERVER})
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

    /** Writes {@code records} on stdout in the chosen format (see {@link OutputOptions#open}). */
    public <T> void print(FieldSet<T> fields, Function<T, JsonNode> document, Collection<T> records) {
        try (RecordWriter<T> w = output.open(context, fields, document)) {
            records.forEach(w::write);
        }
    }

    /**
     * With -o json and no --fields, prints {@code document} as the server sent it and returns true; otherwise prints
     * nothing and returns false, for the caller to print rows.
     */
    public boolean printedAsServed(JsonNode document) {
        if (output.format(context) != OutputFormat.json || output.fieldsChosen()) {
            return false;
        }
        JsonOutput.pretty(context.out(), document);
        return true;
    }
}
