package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;

/** Checks on the shape of what a server sent, before scimctl believes it. Each failure names the field. */
final class ResponseChecks {
    private ResponseChecks() {
    }

    /** A single resource: a JSON object with a non-empty string {@code id}. */
    static JsonNode resource(JsonNode node, String endpoint, URI base) {
        if (node == null || !node.isObject()) {
            throw new ScimProtocolException(base, "the server sent a " + endpoint + " resource that is not a JSON "
                    + "object", null);
        }
        JsonNode id = node.get("id");
        // RFC 7643 types id as a string; a number is taken too (some servers send one), as its text.
        if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isBlank()) {
            throw new ScimProtocolException(base, "the server sent a " + endpoint + " resource without an id (field "
                    + "\"id\" is " + (id == null ? "missing" : id.isTextual() ? "empty" : "a " + kind(id)) + ")", null);
        }
        return node;
    }

    static String kind(JsonNode n) {
        return switch (n.getNodeType()) {
            case ARRAY -> "list";
            case OBJECT -> "object";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case NULL -> "null";
            case STRING -> "string";
            default -> n.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
