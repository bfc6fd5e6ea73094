package dev.scimctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.ExitCode;
import dev.scimctl.cli.options.ServerOptions;
import dev.scimctl.output.FieldSet;
import dev.scimctl.output.OutputClosedException;
import dev.scimctl.output.OutputFormat;
import dev.scimctl.output.RecordWriter;
import dev.scimctl.scim.Endpoint;
import dev.scimctl.scim.ListQuery;

import java.util.Iterator;
import java.util.function.Function;
import java.util.stream.Stream;

/** How {@code users list} and {@code groups list} print: each resource as its page arrives, in the -o format. */
public final class ResourceListing {
    private ResourceListing() {
    }

    /**
     * Writes what {@code query} finds on {@code endpoint} and returns exit 0, also when nothing matched (then a table
     * gets a note on stderr, "no users" or "no users match").
     *
     * @param noun "users", for the note
     */
    public static int print(ServerOptions server, Endpoint endpoint, ListQuery query, FieldSet<JsonNode> fields,
                            String noun) {
        CommandContext context = server.context();
        RecordWriter<JsonNode> writer = server.output.open(context, fields, Function.identity());
        long count = 0;
        try {
            try (Stream<JsonNode> found = endpoint.listFiltered(query, writer::flush)) {
                for (Iterator<JsonNode> it = found.iterator(); it.hasNext(); count++) {
                    writer.write(it.next());
                }
            }
            writer.close(); // only on success: a failed listing leaves its JSON array open, so it cannot pass as whole
        } catch (OutputClosedException e) {
            return ExitCode.OK; // the reader stopped reading (| head): so do we
        }
        if (count == 0 && server.output.format(context) == OutputFormat.table && !context.quiet()) {
            context.err().println(query.filter() == null ? "no " + noun : "no " + noun + " match");
        }
        return ExitCode.OK;
    }
}
