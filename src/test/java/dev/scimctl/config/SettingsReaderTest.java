package dev.scimctl.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.exc.InvalidNullException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.scimctl.InputException;
import dev.scimctl.config.ConfigStore.ConfigDocument;
import dev.scimctl.config.ConfigStore.CredentialsDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The hand reader of the settings files against the strict mapper that read them before (ConfigStore's, whose reading
 * rules are kept for this): on generated documents, good and broken, both give the same records or the same refusal
 * at the same line and column. The one difference on purpose: a field repeated after all of its object's fields were
 * given, which the mapper refused with a message about its own internals and no place in the file.
 */
class SettingsReaderTest {
    @TempDir
    Path dir;

    @Test
    void reads_config_files_as_the_mapper_did() throws Exception {
        Random random = new Random(18);
        Map<String, Integer> kinds = new TreeMap<>();
        for (int i = 0; i < 4_000; i++) {
            String json = new Generator(random).config();
            kinds.merge(assertSame(json, ConfigDocument.class, () -> SettingsReader.config(bytes(json))), 1, Integer::sum);
        }
        assertCovers(kinds);
    }

    @Test
    void reads_credentials_files_as_the_mapper_did() throws Exception {
        Random random = new Random(13);
        Map<String, Integer> kinds = new TreeMap<>();
        for (int i = 0; i < 4_000; i++) {
            String json = new Generator(random).credentials();
            kinds.merge(assertSame(json, CredentialsDocument.class, () -> SettingsReader.credentials(bytes(json))), 1,
                    Integer::sum);
        }
        assertCovers(kinds);
    }

    /** The generated documents hold enough of each outcome for the comparison to mean something. */
    private static void assertCovers(Map<String, Integer> kinds) {
        assertThat(kinds).as("outcomes").containsOnlyKeys("ok", "shape", "json", "twice")
                .allSatisfy((kind, count) -> assertThat(count).as(kind).isGreaterThanOrEqualTo(100));
    }

    @Test
    void refuses_what_the_mapper_refused_with_its_place_in_the_file() throws Exception {
        Path config = dir.resolve("config.json");
        assertThat(refusal("{\"profiles\": {}}")).isEqualTo(config + ":1:16: the settings file has the wrong shape: "
                + "version must be a number; fix it by hand, or delete it and set the profile up again");
        assertThat(refusal("  \n ")).startsWith(config + ":1:0: ").contains("the document must be an object ({…})");
        assertThat(refusal("{\"version\": \"1\"}")).startsWith(config + ":1:13: ").contains("version must be a number");
        assertThat(refusal("{\"version\": 1e20}")).startsWith(config + ":1:17: ")
                .contains("is not valid JSON (Numeric value (1e20) out of range of int");
        assertThat(refusal("{\"version\": 1, \"profiles\": {\"p\": {\"timeoutSeconds\": \"\"}}}"))
                .contains(":1:53: ").contains("profiles.p.timeoutSeconds must be a number");
        assertThat(refusal("{\"version\": 1, \"current\": true}")).contains(":1:27: ").contains("current must be a string");
        assertThat(refusal("{\"version\": 1,\n \"current\": \"a\", \"profiles\": {}, \"current\": \"b\"}"))
                .startsWith(config + ":2:45: ").contains("current is given twice");
        assertThat(refusal("{\"version\": 1, \"profiles\": {\"p\": {\"url\": \"\\q\"}}}"))
                .contains("is not valid JSON (Unrecognized character escape 'q'");
    }

    @Test
    void accepts_what_the_mapper_accepted() throws Exception {
        Files.writeString(dir.resolve("config.json"), "{\"version\": 1.9, \"current\": \"p\", \"zz\": [1, {}], "
                + "\"profiles\": {\"p\": {\"url\": \"a\", \"url\": \"b\", \"timeoutSeconds\": \"INF\", \"connectTimeoutSeconds\": \" \"}}}"
                + " trailing words are not read");
        ConfigStore store = new ConfigStore(dir);
        assertThat(store.currentProfile()).contains("p");
        assertThat(store.profiles()).isEqualTo(Map.of("p", new Profile("b", null, Double.POSITIVE_INFINITY, null, null)));
        Files.writeString(dir.resolve("config.json"), "null");
        assertThat(store.profiles()).isEmpty();
    }

    @Test
    void a_proxy_password_that_is_not_a_string_is_refused() throws Exception {
        Files.writeString(dir.resolve("credentials.json"), "{\"version\": 1, \"proxyPasswords\": {\"p\": 5}}");
        assertThatThrownBy(() -> new ConfigStore(dir).proxyPassword("p")).isInstanceOf(InputException.class)
                .hasMessageContaining("credentials.json:1:40: ").hasMessageContaining("proxyPasswords.p must be a string");
    }

    private String refusal(String json) throws IOException {
        Files.writeString(dir.resolve("config.json"), json);
        try {
            new ConfigStore(dir).profiles();
        } catch (InputException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted: " + json);
    }

    private interface Read {
        Object read() throws IOException;
    }

    /** Compares the two on one document; returns the kind of outcome: ok, shape, json or twice. */
    private static String assertSame(String json, Class<?> type, Read hand) {
        String expected = bound(json, type);
        String actual = outcome(hand);
        if (expected.contains("No fallback setter/field defined for creator property")
                || expected.contains("Should never call `set()` on setterless property")) {
            assertThat(actual).as(json).startsWith("shape at ").contains(" is given twice");
            return "twice";
        }
        assertThat(actual).as(json).isEqualTo(expected);
        return expected.substring(0, expected.indexOf(' '));
    }

    private static String outcome(Read hand) {
        try {
            return "ok " + hand.read();
        } catch (SettingsReader.ShapeException e) {
            return "shape at " + at(e.location()) + e.getMessage();
        } catch (JsonProcessingException e) {
            return "json at " + at(e.getLocation()) + e.getOriginalMessage().lines().findFirst().orElse("");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * The mapper ConfigStore read the files with before SettingsReader, as it was configured: it defines what
     * SettingsReader accepts. Strict: a null profile, a number where a URL belongs or a list where an object belongs
     * is an error with its place in the file.
     */
    private static final ObjectMapper REFERENCE = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            .defaultSetterInfo(JsonSetter.Value.forContentNulls(Nulls.FAIL))
            .withCoercionConfig(LogicalType.Textual, c -> c
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.POJO, c -> c
                    .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail))
            .build();

    /** What ConfigStore made of a document when its mapper read it. */
    private static String bound(String json, Class<?> type) {
        try {
            return "ok " + REFERENCE.readValue(bytes(json), type);
        } catch (MismatchedInputException e) {
            return "shape at " + at(e.getLocation()) + shapeProblem(e);
        } catch (JsonProcessingException e) {
            return "json at " + at(e.getLocation()) + e.getOriginalMessage().lines().findFirst().orElse("");
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String at(JsonLocation loc) {
        return loc == null || loc.getLineNr() < 1 ? "- " : loc.getLineNr() + ":" + loc.getColumnNr() + " ";
    }

    // ConfigStore's words for the mapper's refusals, as they were.
    private static String shapeProblem(MismatchedInputException e) {
        List<JsonMappingException.Reference> path = e.getPath();
        String where = path.isEmpty() ? "the document" : path.stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
        String expected = expected(e.getTargetType());
        if (e instanceof InvalidNullException) {
            return where + " is null, where " + expected + " belongs";
        }
        return where + " must be " + expected;
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "something else";
        }
        if (type == Profile.class) {
            return SettingsReader.PROFILE;
        }
        if (type == StoredToken.class) {
            return SettingsReader.TOKEN;
        }
        if (type == String.class) {
            return SettingsReader.STRING;
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == double.class) {
            return SettingsReader.NUMBER;
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return SettingsReader.OBJECT;
        }
        return "a " + type.getSimpleName();
    }

    private static byte[] bytes(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }

    /** Documents of the right shape with, here and there, a value of the wrong type, a repeat, a cut or bad syntax. */
    private static final class Generator {
        private static final List<String> ANY = List.of("null", "true", "false", "0", "1", "-1", "1.9", "-1.5", "1e20",
                "10000000000", "12345678901234567890123", "1e999", "\"\"", "\"  \"", "\"\\t\"", "\"x\"", "\"NaN\"",
                "\"INF\"", "\"-INF\"", "\"Infinity\"", "\"-Infinity\"", "\"+INF\"", "\"+Infinity\"", "\"Inf\"", "\" NaN\"", "\"1.5\"", "\"1\"",
                "\"\\u00e9t\\u00e9\"", "[]", "[1]", "[null]", "{}", "{\"a\": [1, {\"b\": null}]}", "\"\\q\"", "01", "nul");
        private final Random random;
        private final StringBuilder out = new StringBuilder();

        Generator(Random random) {
            this.random = random;
        }

        String config() {
            object(Map.of("version", this::version, "current", () -> emit("\"prod\"", "\"p\"", "null"),
                    "profiles", () -> map(this::profile)), 0.9);
            return finish();
        }

        String credentials() {
            object(Map.of("version", this::version, "tokens", () -> map(this::token),
                    "proxyPasswords", () -> map(() -> emit("\"secret\"", "\"\""))), 0.9);
            return finish();
        }

        private String finish() {
            if (random.nextInt(20) == 0) {
                out.append(pick(" trailing", "}", " {\"x\": 1}"));
            }
            String text = out.toString();
            return random.nextInt(15) == 0 ? text.substring(0, random.nextInt(text.length() + 1)) : text;
        }

        private void version() {
            out.append(random.nextInt(4) == 0 ? pick("1", "2", "1.0") : "1");
        }

        private void profile() {
            object(Map.of("url", () -> emit("\"https://a.example/scim\"", "\"\"", "null"),
                    "connectTimeoutSeconds", () -> emit("5", "2.5", "null", "\"NaN\""),
                    "timeoutSeconds", () -> emit("30", "0.5", "null", "\" \""),
                    "proxy", () -> emit("\"http://proxy:3128\"", "null"),
                    "caCert", () -> emit("\"/etc/ca.pem\"", "null")), 0.5);
        }

        private void token() {
            object(Map.of("token", () -> emit("\"t0ken\"", "null"), "setAt", () -> emit("\"2026-01-01T00:00:00Z\"", "\"x\"")),
                    0.6);
        }

        /** An object of some of the given fields, in any order, some repeated, plus fields of other names. */
        private void object(Map<String, Runnable> fields, double each) {
            if (random.nextInt(40) == 0) {
                out.append(pick(ANY.toArray(String[]::new)));
                return;
            }
            List<String> names = new ArrayList<>();
            fields.keySet().stream().sorted().filter(n -> random.nextDouble() < each).forEach(names::add);
            for (int i = random.nextInt(3); i > 0; i--) {
                names.add(random.nextBoolean() ? "other" : pick(fields.keySet().toArray(String[]::new)));
            }
            java.util.Collections.shuffle(names, random);
            out.append('{');
            for (int i = 0; i < names.size(); i++) {
                space();
                out.append(i == 0 ? "" : ",").append('"').append(names.get(i)).append("\":");
                space();
                Runnable value = fields.get(names.get(i));
                if (value == null || random.nextInt(12) == 0) {
                    out.append(pick(ANY.toArray(String[]::new)));
                } else {
                    value.run();
                }
            }
            space();
            out.append('}');
        }

        private void map(Runnable value) {
            if (random.nextInt(12) == 0) {
                out.append(pick(ANY.toArray(String[]::new)));
                return;
            }
            out.append('{');
            for (int i = 0, n = random.nextInt(4); i < n; i++) {
                space();
                out.append(i == 0 ? "" : ",").append('"').append(pick("prod", "p", "a.b", "prod")).append("\": ");
                if (random.nextInt(15) == 0) {
                    out.append(pick(ANY.toArray(String[]::new)));
                } else {
                    value.run();
                }
            }
            space();
            out.append('}');
        }

        private void space() {
            out.append(pick("", "", " ", "\n  ", "\t"));
        }

        private void emit(String... options) {
            out.append(pick(options));
        }

        private String pick(String... options) {
            return options[random.nextInt(options.length)];
        }
    }
}
