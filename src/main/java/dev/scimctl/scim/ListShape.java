package dev.scimctl.scim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The shape a ListResponse must have before scimctl believes it (RFC 7644 §3.4.2): an object whose
 * {@code Resources} is a list of objects that each carry an id, and whose counts are integers. A wrong shape is a
 * {@link ScimProtocolException} (exit 6) naming the field.
 */
final class ListShape {
    private ListShape() {
    }

    static Pager.Page page(ScimResponse response, String resource) {
        JsonNode body = response.body();
        String where = "the list of " + resource + " from " + response.uri();
        if (body == null) {
            throw new ScimProtocolException(response.uri(), "the server answered " + response.status()
                    + " with no body to a list request for " + resource, null);
        }
        for (String field : new String[]{"totalResults", "startIndex", "itemsPerPage"}) {
            JsonNode n = body.get(field);
            if (n != null && !n.isNull() && !n.isIntegralNumber()) {
                throw wrong(response, where, field, n, "an integer");
            }
        }
        String name = body.has("Resources") || !body.has("resources") ? "Resources" : "resources"; // some lower-case it
        JsonNode resources = body.get(name);
        if (resources == null || resources.isNull()) {
            resources = JsonNodeFactory.instance.arrayNode();
        } else if (!resources.isArray()) {
            throw wrong(response, where, name, resources, "a list");
        }
        for (int i = 0; i < resources.size(); i++) {
            JsonNode r = resources.get(i);
            if (!r.isObject()) {
                throw wrong(response, where, name + "[" + i + "]", r, "an object");
            }
            JsonNode id = r.get("id");
            if (id == null || !(id.isTextual() || id.isIntegralNumber()) || id.asText().isBlank()) {
                throw new ScimProtocolException(response.uri(), where + " is not a SCIM list: " + name + "[" + i
                        + "] has no \"id\" (every SCIM resource has one, and scimctl needs it to page safely)", null);
            }
        }
        JsonNode total = body.get("totalResults");
        return new Pager.Page(resources, total == null || total.isNull() ? -1 : total.asLong());
    }

    private static ScimProtocolException wrong(ScimResponse response, String where, String field, JsonNode value,
                                               String expected) {
        String shown = value.isTextual() ? "the string \"" + abbreviate(value.asText()) + "\""
                : "a " + ResponseChecks.kind(value);
        return new ScimProtocolException(response.uri(), where + " is not a SCIM list: \"" + field + "\" is " + shown
                + ", not " + expected, null);
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
