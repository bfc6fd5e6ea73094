package dev.scimctl.scim;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Trees read without an ObjectMapper must be the mapper's own trees, node type for node type. */
class JsonTreesTest {
    private static final ObjectMapper MAPPER = ScimJson.mapper();

    private static InputStream in(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    private static void sameAsMapper(String json) throws IOException {
        JsonNode expected = MAPPER.readTree(in(json));
        JsonNode actual = JsonTrees.read(in(json));
        // equals compares node types too: an IntNode is not a LongNode, a DoubleNode not a DecimalNode.
        assertThat(actual).as(json).isEqualTo(expected);
        assertThat(actual.getNodeType()).as(json).isEqualTo(expected.getNodeType());
    }

    @Test
    void reads_what_the_mapper_reads() throws IOException {
        for (String json : List.of(
                "{}", "[]", "null", "true", "false", "\"text\"", "0", "-0", "-0.0", "1.5", "1e3", "1E-3", "-2.5e+10",
                "2147483647", "2147483648", "-2147483649", "9223372036854775807", "9223372036854775808",
                "123456789012345678901234567890", "0.1000000000000000055511151231257827", "1e400", "-1e400", "4.9e-325",
                "{\"a\":1,\"a\":2}", "{\"a\":{\"b\":1},\"a\":[1]}", "{\"\":\"\"}",
                "{\"s\":\"\\u00e9\\n\\t\\\"\\\\\\/ \\ud83d\\ude00 é\"}",
                "  {\"schemas\":[\"urn:x\"],\"meta\":{\"created\":\"2026-11-01T00:00:00Z\"},\"emails\":[{\"primary\":true}]}  ",
                "[[[[[]]]],{},[{}],null,1,\"x\"]",
                "{\"a\":1} trailing", "[1,2] [3]")) {
            sameAsMapper(json);
        }
    }

    @Test
    void reads_generated_documents_as_the_mapper_does() throws IOException {
        Random random = new Random(18);
        for (int i = 0; i < 2_000; i++) {
            StringBuilder b = new StringBuilder();
            value(random, b, 0);
            sameAsMapper(b.toString());
        }
    }

    @Test
    void empty_input_is_a_missing_node_as_for_the_mapper() throws IOException {
        assertThat(JsonTrees.read(in(""))).isEqualTo(MAPPER.readTree(in("")));
        assertThat(JsonTrees.read(in("  \n")).isMissingNode()).isTrue();
    }

    @Test
    void refuses_what_is_not_json() {
        for (String json : List.of("{", "{\"a\":}", "[1,]", "{'a':1}", "nul", "\"open", "{\"a\" 1}", "01")) {
            assertThatThrownBy(() -> MAPPER.readTree(in(json))).as(json).isInstanceOf(JsonProcessingException.class);
            assertThatThrownBy(() -> JsonTrees.read(in(json))).as(json).isInstanceOf(JsonProcessingException.class);
        }
    }

    @Test
    void reads_one_value_from_a_parser_and_stops_after_it() throws IOException {
        try (JsonParser p = JsonTrees.parser(in("{\"a\":[1,{\"b\":null}],\"c\":\"d\"}"))) {
            assertThat(p.nextToken()).isEqualTo(JsonToken.START_OBJECT);
            assertThat(p.nextToken()).isEqualTo(JsonToken.FIELD_NAME);
            p.nextToken();
            assertThat(JsonTrees.readValue(p)).isEqualTo(MAPPER.readTree("[1,{\"b\":null}]"));
            assertThat(p.currentToken()).isEqualTo(JsonToken.END_ARRAY);
            assertThat(p.nextToken()).isEqualTo(JsonToken.FIELD_NAME);
            assertThat(p.currentName()).isEqualTo("c");
        }
    }

    private static void value(Random r, StringBuilder b, int depth) {
        int kind = r.nextInt(depth > 4 ? 6 : 8);
        switch (kind) {
            case 0 -> b.append("null");
            case 1 -> b.append(r.nextBoolean());
            case 2 -> b.append(switch (r.nextInt(4)) {
                case 0 -> Integer.toString(r.nextInt());
                case 1 -> Long.toString(r.nextLong());
                case 2 -> r.nextLong() + "" + Math.abs(r.nextLong());
                default -> Integer.toString(r.nextInt(100));
            });
            case 3 -> b.append(switch (r.nextInt(3)) {
                case 0 -> Double.toString(r.nextDouble() * Math.pow(10, r.nextInt(40) - 20));
                case 1 -> r.nextInt(1000) + "." + Math.abs(r.nextLong()) + Math.abs(r.nextLong());
                default -> (r.nextInt(2000) - 1000) + "e" + (r.nextInt(700) - 350);
            });
            case 4, 5 -> string(r, b);
            case 6 -> {
                b.append('[');
                for (int i = r.nextInt(5); i > 0; i--) {
                    value(r, b, depth + 1);
                    b.append(i > 1 ? "," : "");
                }
                b.append(']');
            }
            default -> {
                b.append('{');
                for (int i = r.nextInt(6); i > 0; i--) {
                    // Few names, so that some repeat.
                    b.append("\"k").append(r.nextInt(4)).append("\":");
                    value(r, b, depth + 1);
                    b.append(i > 1 ? "," : "");
                }
                b.append('}');
            }
        }
    }

    private static void string(Random r, StringBuilder b) {
        b.append('"');
        for (int i = r.nextInt(12); i > 0; i--) {
            switch (r.nextInt(6)) {
                case 0 -> b.append("\\u").append(String.format("%04x", r.nextInt(0xd800)));
                case 1 -> b.append("\\n\\\"\\\\");
                case 2 -> b.append('é');
                default -> b.append((char) ('a' + r.nextInt(26)));
            }
        }
        b.append('"');
    }
}
