package dev.scimctl.scim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.scimctl.scim.model.PatchOp;
import dev.scimctl.text.EditDistance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The operations of a user PATCH as a person writes them ({@code name.givenName=Alice}, a PATH to remove), each value
 * typed by what the server's /Schemas says of its attribute: a boolean, an integer or decimal, a string, a complex
 * value (a JSON object, or its {@code value} sub-attribute given alone), and for a multi-valued attribute a list (one
 * value given alone becomes a list of one, the primary one where the attribute has {@code primary} and the operation
 * replaces the list). An extension attribute is named by its schema URN: {@code urn:…:User:organizationId}. A value
 * written as JSON ({@code {…}} or {@code […]}) is sent as written. Where the server serves no /Schemas, values are
 * strings, {@code true} and {@code false} booleans.
 */
public final class AttributeEdits {
    /** One operation: its op, path as given, the attribute it names (schema URN or "" for core, and name), value. */
    public record Edit(String op, String path, String schema, String attribute, JsonNode value) {
    }

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final List<JsonNode> schemas;
    private final List<Edit> edits = new ArrayList<>();

    /** @param schemas the User resource's schemas (core first), as /Schemas sent them; empty when not served */
    AttributeEdits(List<JsonNode> schemas) {
        this.schemas = schemas;
    }

    /** Whether the server described its attributes: without, values are typed by their look alone. */
    public boolean typedBySchema() {
        return !schemas.isEmpty();
    }

    /**
     * Adds one {@code path=value} operation ({@code op} add or replace).
     *
     * @throws IllegalArgumentException when the path names no attribute of the server's, a read-only one, or the
     *                                  value does not fit its type; the message says which and what fits
     */
    public AttributeEdits set(String op, String path, String raw) {
        Target t = target(path);
        JsonNode value = raw.startsWith("{") || raw.startsWith("[") ? parse(path, raw) : typed(t, op, raw);
        edits.add(new Edit(op, path, t.schema, t.name(), value));
        return this;
    }

    /** Adds a remove of {@code path}. */
    public AttributeEdits remove(String path) {
        Target t = target(path);
        edits.add(new Edit("remove", path, t.schema, t.name(), null));
        return this;
    }

    public List<Edit> edits() {
        return List.copyOf(edits);
    }

    /** The PATCH request body. */
    public PatchOp patch() {
        return PatchOp.of(edits.stream().map(e -> new PatchOp.Operation(e.op(), e.path(), e.value()))
                .toArray(PatchOp.Operation[]::new));
    }

    // ---- the attribute a path names --------------------------------------------------------------------------

    /** What a path names: its schema, the attribute, a sub-attribute, whether a value filter picks elements. */
    private record Target(String schema, String attribute, String sub, boolean filtered, JsonNode definition,
                          JsonNode subDefinition) {
        String name() {
            return sub == null ? attribute : attribute + "." + sub;
        }
    }

    private Target target(String path) {
        String schema = "";
        String rest = path;
        if (path.regionMatches(true, 0, "urn:", 0, 4)) {
            schema = schemaOf(path);
            rest = path.length() > schema.length() ? path.substring(schema.length() + 1) : "";
        }
        boolean filtered = false;
        int open = rest.indexOf('[');
        if (open >= 0) {
            int close = rest.indexOf(']', open);
            if (close < 0) {
                throw new IllegalArgumentException(path + ": a value filter opened with [ is not closed with ]");
            }
            filtered = true;
            rest = rest.substring(0, open) + rest.substring(close + 1);
        }
        int dot = rest.indexOf('.');
        String attribute = dot < 0 ? rest : rest.substring(0, dot);
        String sub = dot < 0 ? null : rest.substring(dot + 1);
        if (attribute.isEmpty()) {
            throw new IllegalArgumentException("'" + path + "' names no attribute: write ATTRIBUTE, ATTRIBUTE.SUB or "
                    + "urn:…:ATTRIBUTE");
        }
        if (schemas.isEmpty()) {
            return new Target(schema, attribute, sub, filtered, null, null);
        }
        JsonNode owner = schemaDocument(schema.isEmpty() ? ScimJson.CORE_USER : schema).orElseThrow(() ->
                new IllegalArgumentException("'" + path + "': the server describes no schema " + schemaOf(path)
                        + " for users; its user schemas are " + ids()));
        JsonNode definition = find(owner.path("attributes"), attribute).orElseThrow(() ->
                new IllegalArgumentException("'" + path + "': the server's schema " + owner.path("id").asText()
                        + " has no attribute " + attribute + suggestion(owner.path("attributes"), attribute)));
        JsonNode subDefinition = null;
        if (sub != null) {
            subDefinition = find(definition.path("subAttributes"), sub).orElseThrow(() ->
                    new IllegalArgumentException("'" + path + "': attribute " + attribute + " has no sub-attribute "
                            + sub + suggestion(definition.path("subAttributes"), sub)));
        }
        JsonNode leaf = subDefinition != null ? subDefinition : definition;
        if ("readOnly".equals(leaf.path("mutability").asText()) || "readOnly".equals(definition.path("mutability")
                .asText())) {
            throw new IllegalArgumentException("'" + path + "' is read-only on this server: it sets it itself");
        }
        return new Target(schema, definition.path("name").asText(attribute), sub == null ? null
                : subDefinition.path("name").asText(sub), filtered, definition, subDefinition);
    }

    /** The schema URN a {@code urn:…:attribute} path starts with: a schema the server describes, else up to the last ':'. */
    private String schemaOf(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        for (JsonNode s : schemas) {
            String id = s.path("id").asText();
            if (lower.startsWith(id.toLowerCase(Locale.ROOT) + ":")) {
                return path.substring(0, id.length());
            }
        }
        int bracket = path.indexOf('[');
        int colon = path.lastIndexOf(':', bracket < 0 ? path.length() : bracket);
        return path.substring(0, colon);
    }

    private Optional<JsonNode> schemaDocument(String id) {
        return schemas.stream().filter(s -> s.path("id").asText().equalsIgnoreCase(id)).findFirst();
    }

    private String ids() {
        return String.join(", ", schemas.stream().map(s -> s.path("id").asText()).toList());
    }

    private static Optional<JsonNode> find(JsonNode attributes, String name) {
        for (JsonNode a : attributes) {
            if (a.path("name").asText().equalsIgnoreCase(name)) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    private static String suggestion(JsonNode attributes, String name) {
        for (JsonNode a : attributes) {
            if (find(a.path("subAttributes"), name).isPresent()) {
                return " (did you mean " + a.path("name").asText() + "." + name + "?)";
            }
        }
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (JsonNode a : attributes) {
            String candidate = a.path("name").asText();
            int d = EditDistance.between(candidate.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = candidate;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= 2 ? " (did you mean " + best + "?)" : "";
    }

    // ---- typing the value ------------------------------------------------------------------------------------

    private JsonNode typed(Target t, String op, String raw) {
        if (t.definition() == null) {
            return raw.equals("true") || raw.equals("false") ? BooleanNode.valueOf(raw.equals("true"))
                    : TextNode.valueOf(raw);
        }
        JsonNode leaf = t.subDefinition() != null ? t.subDefinition() : t.definition();
        boolean list = t.definition().path("multiValued").asBoolean(false) && t.sub() == null && !t.filtered();
        JsonNode one = "complex".equals(leaf.path("type").asText()) ? complex(t, leaf, raw)
                : simple(t.name(), leaf, raw);
        if (!list) {
            return one;
        }
        if (one instanceof ObjectNode element && "replace".equals(op)
                && find(t.definition().path("subAttributes"), "primary").isPresent() && !element.has("primary")) {
            element.put("primary", true); // the only value of the list is its primary one
        }
        ArrayNode values = JSON.arrayNode();
        values.add(one);
        return values;
    }

    /** A complex attribute given by its {@code value} sub-attribute alone ({@code emails=alice@example.com}). */
    private static JsonNode complex(Target t, JsonNode definition, String raw) {
        Optional<JsonNode> value = find(definition.path("subAttributes"), "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException(t.name() + " is complex and has no 'value' sub-attribute: give it as a "
                    + "JSON object, e.g. " + t.name() + "='{\"…\": \"…\"}'");
        }
        ObjectNode element = JSON.objectNode();
        element.set("value", simple(t.name() + ".value", value.get(), raw));
        return element;
    }

    private static JsonNode simple(String name, JsonNode definition, String raw) {
        String type = definition.path("type").asText("string");
        switch (type) {
            case "boolean" -> {
                if (raw.equalsIgnoreCase("true") || raw.equalsIgnoreCase("false")) {
                    return BooleanNode.valueOf(raw.equalsIgnoreCase("true"));
                }
                throw new IllegalArgumentException(name + " is a boolean on this server: give true or false, not '"
                        + raw + "'");
            }
            case "integer" -> {
                try {
                    return LongNode.valueOf(Long.parseLong(raw.strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " is an integer on this server: '" + raw
                            + "' is not one");
                }
            }
            case "decimal" -> {
                try {
                    return DecimalNode.valueOf(new BigDecimal(raw.strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(name + " is a decimal number on this server: '" + raw
                            + "' is not one");
                }
            }
            default -> {
                return TextNode.valueOf(raw);
            }
        }
    }

    private static JsonNode parse(String path, String raw) {
        try {
            return ScimJson.mapper().readTree(raw);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(path + ": the value starts like JSON but is not valid JSON ("
                    + e.getOriginalMessage() + " at column " + e.getLocation().getColumnNr() + ")");
        }
    }
}
