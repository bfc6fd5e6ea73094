package dev.scimctl.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.function.Function;

/**
 * A column of output: the name {@code --fields} takes, and how to get its value from a record. A value is a
 * String, Boolean, Number, JsonNode, or null (an empty cell, a JSON null).
 */
public record Column<T>(String name, String description, Function<? super T, ?> getter) {

    public Object value(T record) {
        return getter.apply(record);
    }

    /** The value as a cell of text: empty for null, JSON scalars as their text, anything else as JSON. */
    public String text(T record) {
        Object v = value(record);
        if (v == null) {
            return "";
        }
        if (v instanceof JsonNode node) {
            return node.isNull() || node.isMissingNode() ? "" : node.isValueNode() ? node.asText() : node.toString();
        }
        return v.toString();
    }
}
