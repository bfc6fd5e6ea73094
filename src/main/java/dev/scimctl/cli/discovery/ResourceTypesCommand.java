package dev.scimctl.cli.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.ExitCode;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.output.FieldSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code scimctl resource-types [ID]}: the server's /ResourceTypes, and one type's attributes with its extensions'. */
@Command(name = "resource-types")
@ExitCodes(ExitCode.PROBLEMS)
public final class ResourceTypesCommand implements Callable<Integer> {
    static final FieldSet<JsonNode> FIELDS = new FieldSet<JsonNode>()
            .add("name", "the resource type's name", true, t -> t.path("name"))
            .add("endpoint", "where its resources live, below the base URL", true, t -> t.path("endpoint"))
            .add("schema", "its core schema's URN", true, t -> t.path("schema"))
            .add("extensions", "its extension schemas, '(required)' where a resource must carry one", true,
                    ResourceTypesCommand::extensions)
            .add("id", "its id", false, t -> t.path("id"))
            .add("description", "the server's description", false, t -> t.path("description"));

    @Mixin
    EntryListing listing;

    @Override
    public Integer call() {
        Discovery discovery = new Discovery(listing.server.client());
        return listing.print("resource type", FIELDS, discovery::resourceTypes, type -> attributes(discovery, type));
    }

    /** A type's attributes: its core schema's, then each extension's, prefixed with the extension's URN. */
    private List<Discovery.Attribute> attributes(Discovery discovery, JsonNode type) {
        List<JsonNode> schemas = discovery.schemas();
        List<Discovery.Attribute> rows = new ArrayList<>();
        String core = type.path("schema").asText();
        Discovery.find(schemas, core).ifPresentOrElse(s -> rows.addAll(Discovery.attributes(s)),
                () -> listing.server.context().warn("the server's /Schemas does not describe " + core));
        for (JsonNode ext : type.path("schemaExtensions")) {
            String urn = ext.path("schema").asText();
            Discovery.find(schemas, urn).ifPresentOrElse(s -> rows.addAll(Discovery.attributes(s, urn + ":")),
                    () -> listing.server.context().warn("the server's /Schemas does not describe " + urn));
        }
        return rows;
    }

    private static String extensions(JsonNode type) {
        List<String> parts = new ArrayList<>();
        for (JsonNode ext : type.path("schemaExtensions")) {
            parts.add(ext.path("schema").asText() + (ext.path("required").asBoolean(false) ? " (required)" : ""));
        }
        return String.join(", ", parts);
    }
}
