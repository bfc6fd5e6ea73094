package dev.scimctl.cli.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.ExitCode;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.cli.options.ServerOptions;
import dev.scimctl.output.FieldSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.List;
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
    ServerOptions server;

    @Parameters(arity = "0..1", paramLabel = "ID")
    String id;

    @Override
    public Integer call() {
        if (id == null) {
            server.output.fields(SCHEMA_FIELDS);
            server.print(SCHEMA_FIELDS, s -> s, new Discovery(server.client()).schemas());
            return ExitCode.OK;
        }
        server.output.fields(AttributeFields.FIELDS);
        List<JsonNode> schemas = new Discovery(server.client()).schemas();
        JsonNode schema = Discovery.find(schemas, id).orElseThrow(() -> Discovery.noSuch("schema", id, schemas));
        if (!server.printedAsServed(schema)) {
            server.print(AttributeFields.FIELDS, SchemasCommand::document, Discovery.attributes(schema));
        }
        return ExitCode.OK;
    }

    /** An attribute's definition with its path first, sub-attributes left out (they have rows of their own). */
    static JsonNode document(Discovery.Attribute a) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("path", a.path());
        a.definition().properties().forEach(e -> {
            if (!e.getKey().equals("subAttributes")) {
                o.set(e.getKey(), e.getValue());
            }
        });
        return o;
    }
}
