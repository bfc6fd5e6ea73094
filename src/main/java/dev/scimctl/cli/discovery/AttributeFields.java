package dev.scimctl.cli.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.output.FieldSet;

/** The columns of a schema's attribute table (RFC 7643 §7 characteristics). */
final class AttributeFields {
    static final FieldSet<Discovery.Attribute> FIELDS = new FieldSet<Discovery.Attribute>()
            .add("attribute", "its name; a sub-attribute as parent.sub", true, a -> a.path())
            .add("type", "string, boolean, decimal, integer, dateTime, reference, complex, binary", true,
                    a -> a.definition().path("type"))
            .add("multiValued", "whether it holds a list", true, a -> a.definition().path("multiValued"))
            .add("required", "whether a create must give it", true, a -> a.definition().path("required"))
            .add("mutability", "readOnly, readWrite, immutable, writeOnly", true, a -> a.definition().path("mutability"))
            .add("returned", "always, never, default, request", true, a -> a.definition().path("returned"))
            .add("caseExact", "whether filters compare it case-sensitively", true, a -> a.definition().path("caseExact"))
            .add("canonicalValues", "the values it takes, comma-separated", true,
                    a -> Discovery.joined(a.definition().path("canonicalValues")))
            .add("uniqueness", "none, server, global", false, a -> a.definition().path("uniqueness"))
            .add("referenceTypes", "what a reference points at, comma-separated", false,
                    a -> Discovery.joined(a.definition().path("referenceTypes")))
            .add("description", "the server's description", false, a -> a.definition().path("description"));

    private AttributeFields() {
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
