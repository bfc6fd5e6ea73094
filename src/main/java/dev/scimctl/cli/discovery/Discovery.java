package dev.scimctl.cli.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.NotFoundException;
import dev.scimctl.scim.ScimClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the discovery endpoints (RFC 7644 §4) for the discovery commands, and finds one entry by id or name. */
final class Discovery {
    private final ScimClient client;

    Discovery(ScimClient client) {
        this.client = client;
    }

    /** The entries of /Schemas: a ListResponse's Resources, or a bare array as some servers send. */
    List<JsonNode> schemas() {
        return entries(client.schemas().orElseThrow(() -> notServed("Schemas")));
    }

    List<JsonNode> resourceTypes() {
        return entries(client.resourceTypes().orElseThrow(() -> notServed("ResourceTypes")));
    }

    JsonNode serviceProviderConfig() {
        return client.serviceProviderConfigDocument().orElseThrow(() -> notServed("ServiceProviderConfig"));
    }

    /** The entry whose id (a URN, or a resource type's id) or name is {@code key}, ignoring case. */
    static Optional<JsonNode> find(List<JsonNode> entries, String key) {
        for (String field : List.of("id", "name")) {
            for (JsonNode e : entries) {
                if (e.path(field).asText("").equalsIgnoreCase(key)) {
                    return Optional.of(e);
                }
            }
        }
        return Optional.empty();
    }

    static NotFoundException noSuch(String what, String key, List<JsonNode> entries) {
        List<String> names = new ArrayList<>();
        entries.forEach(e -> names.add(e.path("id").asText(e.path("name").asText("?"))));
        return new NotFoundException("no " + what + " '" + key + "' on this server; it has: " + String.join(", ", names));
    }

    private NotFoundException notServed(String endpoint) {
        return new NotFoundException(client.baseUrl() + "/" + endpoint + " is not served (404, 405 or 501): this "
                + "server does not describe itself; 'scimctl probe' finds out what it does by trying");
    }

    private static List<JsonNode> entries(JsonNode document) {
        JsonNode list = document.isArray() ? document : document.path("Resources");
        List<JsonNode> entries = new ArrayList<>();
        if (list.isArray()) {
            list.forEach(entries::add);
        } else if (document.isObject() && document.has("id")) {
            entries.add(document); // a server that answers the endpoint with one entry
        }
        return entries;
    }

    /** One attribute of a schema, with its dotted path ({@code name.givenName}). */
    record Attribute(String path, JsonNode definition) {
    }

    /** Every attribute of a schema, sub-attributes after their parent. */
    static List<Attribute> attributes(JsonNode schema) {
        return attributes(schema, "");
    }

    /** As {@link #attributes(JsonNode)}, each path after {@code prefix} (an extension's {@code urn:…:}). */
    static List<Attribute> attributes(JsonNode schema, String prefix) {
        List<Attribute> rows = new ArrayList<>();
        for (JsonNode a : schema.path("attributes")) {
            String name = prefix + a.path("name").asText();
            rows.add(new Attribute(name, a));
            for (JsonNode sub : a.path("subAttributes")) {
                rows.add(new Attribute(name + "." + sub.path("name").asText(), sub));
            }
        }
        return rows;
    }

    /** A short text of a JSON array of strings (canonical values, reference types), comma-separated. */
    static String joined(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return String.join(",", values);
    }
}
