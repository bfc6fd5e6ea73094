package dev.scimctl.cli.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.ExitCode;
import dev.scimctl.cli.options.ServerOptions;
import dev.scimctl.output.FieldSet;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What {@code schemas} and {@code resource-types} take and print: every entry of their endpoint; or, given an ID, that
 * entry's attributes (with -o json and no --fields, the entry as the server sent it). A wrong --fields fails before
 * any request.
 */
final class EntryListing {
    @Mixin
    ServerOptions server;

    @Parameters(arity = "0..1", paramLabel = "ID")
    String id;

    /**
     * @param what       the kind of entry, for the message when the ID names none ("schema")
     * @param attributes the rows for one entry, read only when they are printed
     */
    int print(String what, FieldSet<JsonNode> fields, Supplier<List<JsonNode>> entries,
              Function<JsonNode, List<Discovery.Attribute>> attributes) {
        if (id == null) {
            server.output.fields(fields);
            server.print(fields, e -> e, entries.get());
            return ExitCode.OK;
        }
        server.output.fields(AttributeFields.FIELDS);
        List<JsonNode> all = entries.get();
        JsonNode entry = Discovery.find(all, id).orElseThrow(() -> Discovery.noSuch(what, id, all));
        if (!server.printedAsServed(entry)) {
            server.print(AttributeFields.FIELDS, AttributeFields::document, attributes.apply(entry));
        }
        return ExitCode.OK;
    }
}
