package dev.scimctl.cli.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.ExitCode;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.output.FieldSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.concurrent.Callable;

/** {@code scimctl schemas [ID]}: the server's /Schemas, and one schema's attributes as a table. */
@Command(name = "schemas")
@ExitCodes(ExitCode.PROBLEMS)
public final class SchemasCommand implements Callable<Integer> {
    static final FieldSet<JsonNode> SCHEMA_FIELDS = new FieldSet<JsonNode>()
            .add("id", "the schema's URN", true, s -> s.path("id"))
            .add("name", "its short name", true, s -> s.path("name"))
            .add("attributes", "how many top-level attributes it has", true, s -> s.path("attributes").size())
            .add("description", "the server's description", true, s -> s.path("description"));

    @Mixin
    EntryListing listing;

    @Override
    public Integer call() {
        return listing.print("schema", SCHEMA_FIELDS, () -> new Discovery(listing.server.client()).schemas(),
                Discovery::attributes);
    }
}
