package dev.scimctl.scim;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;

/**
 * The shape a ListResponse must have before scimctl believes it (RFC 7644 §3.4.2): an object whose
 * {@code Resources} is a list of objects that each carry an id, and whose counts are integers. A wrong shape is a
 * {@link ScimProtocolException} (exit 6) naming the field.
 * <p>
 * The page is read as a stream of tokens: each resource becomes a tree on its own as it is checked, everything else
 * but the counts and what names an Error document is skipped, and the first wrong element ends the reading. The body
 * itself was read under the response-size cap ({@link Body}).
 */
final class ListShape {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ListShape() {
    }

    /**
     * Reads one page of a listing of {@code resource} from a parser at the start of the body.
     *
     * @throws IOException when the body is not JSON (the caller names it)
     */
    static Pager.Page read(JsonParser parser, URI uri, int status, String resource) throws IOException {
        String where = "the list of " + resource + " from " + uri;
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            throw new ScimProtocolException(uri, "GET " + uri + " answered " + status
                    + " with JSON that is not a SCIM object", null);
        }
        ArrayNode resources = null;
        boolean upperCase = false; // "Resources" wins over "resources", which some servers send instead
        long total = -1;
        ObjectNode said = NODES.objectNode(); // schemas, status and detail: enough to know an Error document
        for (JsonToken t = parser.nextToken(); t == JsonToken.FIELD_NAME; t = parser.nextToken()) {
            String field = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (field) {
                case "totalResults", "startIndex", "itemsPerPage" -> {
                    if (value != JsonToken.VALUE_NULL && value != JsonToken.VALUE_NUMBER_INT) {
                        throw wrong(uri, where, field, JsonTrees.readValue(parser), "an integer");
                    }
                    if (field.equals("totalResults") && value == JsonToken.VALUE_NUMBER_INT) {
                        total = parser.getLongValue();
                    }
                }
                case "Resources", "resources" -> {
                    if (field.equals("resources") && upperCase) {
                        parser.skipChildren();
                    } else {
                        upperCase = field.equals("Resources");
                        resources = resources(parser, value, uri, where, field);
                    }
                }
                case "schemas", "status", "detail" -> said.set(field, JsonTrees.readValue(parser));
                default -> parser.skipChildren();
            }
        }
        if (ResponseReader.isErrorDocument(said)) {
            throw ResponseReader.errorAsSuccess("GET", uri, status, said);
        }
        return new Pager.Page(resources == null ? NODES.arrayNode() : resources, total);
    }

    /** The resources, one tree each, every one checked for an id as it is read; null for a JSON null. */
    private static ArrayNode resources(JsonParser parser, JsonToken value, URI uri, String where, String name)
            throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.START_ARRAY) {
            throw wrong(uri, where, name, JsonTrees.readValue(parser), "a list");
        }
        ArrayNode out = NODES.arrayNode();
        for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
            int i = out.size();
            if (t != JsonToken.START_OBJECT) {
                throw wrong(uri, where, name + "[" + i + "]", JsonTrees.readValue(parser), "an object");
            }
            JsonNode r = JsonTrees.readValue(parser);
            JsonNode id = r.get("id");
            if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isBlank()) {
                throw new ScimProtocolException(uri, where + " is not a SCIM list: " + name + "[" + i
                        + "] has no \"id\" (every SCIM resource has one, and scimctl needs it to page safely)", null);
            }
            out.add(r);
        }
        return out;
    }

    private static ScimProtocolException wrong(URI uri, String where, String field, JsonNode value, String expected) {
        String shown = value == null ? "missing" : value.isTextual() ? "the string \"" + abbreviate(value.asText())
                + "\"" : "a " + ResponseChecks.kind(value);
        return new ScimProtocolException(uri, where + " is not a SCIM list: \"" + field + "\" is " + shown
                + ", not " + expected, null);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
