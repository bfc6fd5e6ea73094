package dev.scimctl.cli.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.InputException;
import dev.scimctl.UsageException;
import dev.scimctl.io.BoundedFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code -f key=value} and {@code -F key=value} fields of {@code scimctl api}, as gh api reads them: {@code -f}
 * is always a string; {@code -F} makes true, false, null and integers JSON literals and reads {@code @FILE} as the
 * file's text. A key may nest ({@code name[givenName]=Ada}) or append to an array ({@code schemas[]=urn:…}).
 */
final class ApiFields {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** One field in the order given: its key, and its value already typed. */
    record Entry(String key, JsonNode value) {
    }

    private final List<Entry> entries = new ArrayList<>();

    boolean isEmpty() {
        return entries.isEmpty();
    }

    void addRaw(String field) {
        String[] kv = split(field, "-f");
        entries.add(new Entry(kv[0], NODES.textNode(kv[1])));
    }

    void addTyped(String field) {
        String[] kv = split(field, "-F");
        entries.add(new Entry(kv[0], typed(kv[1])));
    }

    private static String[] split(String field, String option) {
        int eq = field.indexOf('=');
        if (eq <= 0) {
            throw new UsageException("the field '" + field + "' of " + option + " is not key=value; write e.g. "
                    + option + " userName=ada@example.com");
        }
        return new String[]{field.substring(0, eq), field.substring(eq + 1)};
    }

    private static JsonNode typed(String value) {
        if (value.equals("true") || value.equals("false")) {
            return NODES.booleanNode(Boolean.parseBoolean(value));
        }
        if (value.equals("null")) {
            return NODES.nullNode();
        }
        if (value.matches("-?(0|[1-9][0-9]{0,17})")) {
            return NODES.numberNode(Long.parseLong(value));
        }
        if (value.startsWith("@")) {
            Path file = Path.of(value.substring(1));
            try {
                byte[] bytes = BoundedFiles.read(file, ApiCommand.MAX_BODY_BYTES, "the file named by -F");
                return NODES.textNode(StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)).toString());
            } catch (NoSuchFileException e) {
                throw new InputException("the file " + file + " named by -F does not exist");
            } catch (IOException e) {
                throw new InputException("cannot read " + file + " named by -F: " + e.getMessage(), e);
            }
        }
        return NODES.textNode(value);
    }

    /** The fields as query parameters (for a GET): key=value, nested keys as written. */
    Map<String, String> asQuery() {
        Map<String, String> query = new LinkedHashMap<>();
        for (Entry e : entries) {
            query.put(e.key(), e.value().isTextual() ? e.value().asText() : e.value().toString());
        }
        return query;
    }

    /** The fields as one JSON object (the body of a POST, PUT or PATCH). */
    ObjectNode asBody() {
        ObjectNode body = NODES.objectNode();
        for (Entry e : entries) {
            put(body, e.key(), e.value());
        }
        return body;
    }

    /** Puts {@code value} at a gh-style key: {@code a}, {@code a[b]}, {@code a[b][c]}, or {@code a[]} (appends). */
    private static void put(ObjectNode root, String key, JsonNode value) {
        List<String> path = parseKey(key);
        ObjectNode object = root;
        for (int i = 0; i < path.size(); i++) {
            String part = path.get(i);
            boolean appends = i == path.size() - 2 && path.get(i + 1).isEmpty();
            if (part.isEmpty() || path.subList(i + 1, path.size()).contains("") && !appends) {
                throw new UsageException("the field key '" + key + "' is not name, name[sub][…] or name[]");
            }
            JsonNode existing = object.get(part);
            if (appends) {
                ArrayNode array = existing != null && existing.isArray() ? (ArrayNode) existing : object.putArray(part);
                array.add(value);
                return;
            }
            if (i == path.size() - 1) {
                object.set(part, value);
                return;
            }
            if (existing == null || !existing.isObject()) {
                if (existing != null) {
                    throw new UsageException("the field key '" + key + "' puts an object where '" + part
                            + "' already has a value");
                }
                existing = object.putObject(part);
            }
            object = (ObjectNode) existing;
        }
    }

    static List<String> parseKey(String key) {
        List<String> parts = new ArrayList<>();
        int open = key.indexOf('[');
        if (open < 0) {
            parts.add(key);
            return parts;
        }
        parts.add(key.substring(0, open));
        int i = open;
        while (i < key.length()) {
            if (key.charAt(i) != '[') {
                throw new UsageException("the field key '" + key + "' is not name[sub][…]: text after ']' at column "
                        + (i + 1));
            }
            int close = key.indexOf(']', i);
            if (close < 0) {
                throw new UsageException("the field key '" + key + "' has a '[' without its ']' at column " + (i + 1));
            }
            parts.add(key.substring(i + 1, close));
            i = close + 1;
        }
        return parts;
    }
}
