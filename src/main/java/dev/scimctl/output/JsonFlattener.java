package dev.scimctl.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A JSON resource as attribute/value lines, for people: {@code name.givenName}, {@code emails[0].value}, and an
 * extension's attributes under their schema URN, {@code urn:…:ninjaone:2.0:User:userType}, the way SCIM names them.
 */
public final class JsonFlattener {
    /** One line of the listing. */
    public record Entry(String path, String value) {
    }

    private JsonFlattener() {
    }

    public static List<Entry> flatten(JsonNode node) {
        List<Entry> out = new ArrayList<>();
        flatten("", node, false, out);
        return out;
    }

    /** @param extension whether {@code node} is a top-level extension object, whose attributes follow a colon */
    private static void flatten(String path, JsonNode node, boolean extension, List<Entry> out) {
        if (node.isObject() && !node.isEmpty()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                String key = e.getKey();
                String child = path.isEmpty() ? key : path + (extension ? ":" : ".") + key;
                boolean childIsExtension = path.isEmpty() && key.regionMatches(true, 0, "urn:", 0, 4);
                flatten(child, e.getValue(), childIsExtension, out);
            }
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(path + "[" + i + "]", node.get(i), false, out);
            }
        } else {
            out.add(new Entry(path, node.isNull() ? "null" : node.isValueNode() ? node.asText() : node.toString()));
        }
    }
}
