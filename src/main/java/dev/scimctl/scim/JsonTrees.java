package dev.scimctl.scim;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads JSON trees with Jackson's streaming parser alone: the same trees as {@code ScimJson.mapper().readTree}, without
 * an {@code ObjectMapper}. That class's initialisation builds a {@code SimpleDateFormat}, so the JDK's calendar and
 * locale data, and with the mapper's own set-up it was a sixth of a one-user look-up (issue #18); a look-up reads only
 * trees. Commands that bind records or write JSON still use the mapper.
 */
public final class JsonTrees {
    // The mapper's factory has these same defaults (features and read constraints).
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /** A parser without a codec: read its values with {@link #readValue}, not {@code readValueAsTree}. */
    public static JsonParser parser(InputStream in) throws IOException {
        return FACTORY.createParser(in);
    }

    /** A whole document, as {@code readTree} reads one: a {@link MissingNode} for none; what follows it is not read. */
    public static JsonNode read(InputStream in) throws IOException {
        try (JsonParser p = parser(in)) {
            return p.nextToken() == null ? MissingNode.getInstance() : readValue(p);
        }
    }

    /**
     * The value that starts at the parser's current token, which it leaves on the value's last token; null at the end
     * of the input.
     */
    public static JsonNode readValue(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == null) {
            t = p.nextToken();
            if (t == null) {
                return null;
            }
        }
        return value(p, t);
    }

    private static JsonNode value(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case START_OBJECT -> object(p);
            case START_ARRAY -> array(p);
            default -> scalar(p, t);
        };
    }

    /** A repeated name keeps its last value, as databind's trees do. */
    private static ObjectNode object(JsonParser p) throws IOException {
        ObjectNode node = NODES.objectNode();
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String name = p.currentName();
            node.replace(name, value(p, p.nextToken()));
        }
        return node;
    }

    private static ArrayNode array(JsonParser p) throws IOException {
        ArrayNode node = NODES.arrayNode();
        for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
            node.add(value(p, t));
        }
        return node;
    }

    private static JsonNode scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> NODES.textNode(p.getText());
            case VALUE_NUMBER_INT -> switch (p.getNumberType()) {
                case INT -> NODES.numberNode(p.getIntValue());
                case LONG -> NODES.numberNode(p.getLongValue());
                default -> NODES.numberNode(p.getBigIntegerValue());
            };
            // databind's default (no USE_BIG_DECIMAL_FOR_FLOATS): a double, whatever the number of digits.
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(p.getDoubleValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            case VALUE_EMBEDDED_OBJECT -> NODES.pojoNode(p.getEmbeddedObject());
            default -> throw new IOException("unexpected JSON token " + t + " at " + p.currentLocation());
        };
    }
}
