package dev.scimctl.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.scimctl.config.ConfigStore.ConfigDocument;
import dev.scimctl.config.ConfigStore.CredentialsDocument;

import java.io.IOException;
import java.util.TreeMap;

/**
 * Reads config.json and credentials.json by hand with Jackson's streaming parser, not through an ObjectMapper: every
 * run with a saved profile reads both, and the mapper's class initialisation (a SimpleDateFormat, so the JDK's
 * calendar and locale data) and set-up cost a sixth of a look-up (issue #18). It accepts and refuses what the strict
 * mapper ConfigStore writes with accepted and refused, in the same order and at the same place in the file
 * (SettingsReaderTest compares the two on generated documents), so a hand-edited file reads as it always did.
 */
final class SettingsReader {
    // The mapper's factory has these same defaults (features and read constraints), so the same syntax errors.
    private static final JsonFactory FACTORY = new JsonFactory();

    static final String OBJECT = "an object ({…})";
    static final String PROFILE = "a profile (an object such as {\"url\": \"https://…\"})";
    static final String TOKEN = "a token entry (an object such as {\"token\": \"…\", \"setAt\": \"…\"})";
    static final String STRING = "a string";
    static final String NUMBER = "a number";

    /** A value of the wrong type ("profiles.prod.url must be a string"), with where the parser was. */
    static final class ShapeException extends IOException {
        private static final long serialVersionUID = 1L;
        private final transient JsonLocation location;

        ShapeException(JsonLocation location, String problem) {
            super(problem);
            this.location = location;
        }

        JsonLocation location() {
            return location;
        }
    }

    @FunctionalInterface
    private interface Value<T> {
        T read(String path) throws IOException;
    }

    private final JsonParser p;

    private SettingsReader(JsonParser p) {
        this.p = p;
    }

    /** The settings in config.json; null when the document is JSON's null. What follows the document is not read. */
    static ConfigDocument config(byte[] bytes) throws IOException {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            return new SettingsReader(p).configDocument();
        }
    }

    /** The tokens and proxy passwords in credentials.json; null when the document is JSON's null. */
    static CredentialsDocument credentials(byte[] bytes) throws IOException {
        try (JsonParser p = FACTORY.createParser(bytes)) {
            return new SettingsReader(p).credentialsDocument();
        }
    }

    private ConfigDocument configDocument() throws IOException {
        if (!document()) {
            return null;
        }
        Fields fields = new Fields("", 3);
        int version = 0;
        String current = null;
        TreeMap<String, Profile> profiles = null;
        for (String name = fields.next(); name != null; name = fields.next()) {
            switch (name) {
                case "version" -> version = fields.given(0, name, version(fields.path(name)));
                case "current" -> current = fields.given(1, name, string(fields.path(name)));
                case "profiles" -> profiles = fields.given(2, name, map(fields.path(name), PROFILE, this::profile));
                default -> p.skipChildren();
            }
        }
        fields.requireVersion();
        return new ConfigDocument(version, current, profiles);
    }

    private CredentialsDocument credentialsDocument() throws IOException {
        if (!document()) {
            return null;
        }
        Fields fields = new Fields("", 3);
        int version = 0;
        TreeMap<String, StoredToken> tokens = null;
        TreeMap<String, String> proxyPasswords = null;
        for (String name = fields.next(); name != null; name = fields.next()) {
            switch (name) {
                case "version" -> version = fields.given(0, name, version(fields.path(name)));
                case "tokens" -> tokens = fields.given(1, name, map(fields.path(name), TOKEN, this::token));
                case "proxyPasswords" ->
                        proxyPasswords = fields.given(2, name, map(fields.path(name), STRING, this::string));
                default -> p.skipChildren();
            }
        }
        fields.requireVersion();
        return new CredentialsDocument(version, tokens, proxyPasswords);
    }

    /** False for a document that is JSON's null; an empty or blank one is the wrong shape, as any non-object is. */
    private boolean document() throws IOException {
        JsonToken t = p.nextToken();
        if (t == JsonToken.VALUE_NULL) {
            return false;
        }
        if (t != JsonToken.START_OBJECT) {
            throw wrong("", OBJECT);
        }
        return true;
    }

    private Profile profile(String path) throws IOException {
        if (!p.hasToken(JsonToken.START_OBJECT)) {
            throw wrong(path, PROFILE);
        }
        Fields fields = new Fields(path, 5);
        String url = null;
        Double connectTimeout = null;
        Double timeout = null;
        String proxy = null;
        String caCert = null;
        for (String name = fields.next(); name != null; name = fields.next()) {
            switch (name) {
                case "url" -> url = fields.given(0, name, string(fields.path(name)));
                case "connectTimeoutSeconds" -> connectTimeout = fields.given(1, name, number(fields.path(name)));
                case "timeoutSeconds" -> timeout = fields.given(2, name, number(fields.path(name)));
                case "proxy" -> proxy = fields.given(3, name, string(fields.path(name)));
                case "caCert" -> caCert = fields.given(4, name, string(fields.path(name)));
                default -> p.skipChildren();
            }
        }
        return new Profile(url, connectTimeout, timeout, proxy, caCert);
    }

    private StoredToken token(String path) throws IOException {
        if (!p.hasToken(JsonToken.START_OBJECT)) {
            throw wrong(path, TOKEN);
        }
        Fields fields = new Fields(path, 2);
        String token = null;
        String setAt = null;
        for (String name = fields.next(); name != null; name = fields.next()) {
            switch (name) {
                case "token" -> token = fields.given(0, name, string(fields.path(name)));
                case "setAt" -> setAt = fields.given(1, name, string(fields.path(name)));
                default -> p.skipChildren();
            }
        }
        return new StoredToken(token, setAt);
    }

    /** An object of names to values (a repeated name keeps its last value); a null value is refused. */
    private <T> TreeMap<String, T> map(String path, String expected, Value<T> value) throws IOException {
        if (p.hasToken(JsonToken.VALUE_NULL)) {
            return null;
        }
        if (!p.hasToken(JsonToken.START_OBJECT)) {
            throw wrong(path, OBJECT);
        }
        TreeMap<String, T> map = new TreeMap<>();
        for (JsonToken t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
            String key = p.currentName();
            String at = path + "." + key;
            if (p.nextToken() == JsonToken.VALUE_NULL) {
                throw new ShapeException(p.currentTokenLocation(), at + " is null, where " + expected + " belongs");
            }
            map.put(key, value.read(at));
        }
        return map;
    }

    private String string(String path) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_STRING -> p.getText();
            case VALUE_NULL -> null;
            default -> throw wrong(path, STRING); // no number or boolean turned into text
        };
    }

    /** A number; also the mapper's string forms of NaN and the infinities, and a blank string for none. */
    private Double number(String path) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_NULL -> null;
            case VALUE_STRING -> {
                String text = p.getText();
                switch (text) {
                    case "NaN" -> {
                        yield Double.NaN;
                    }
                    case "Infinity", "+Infinity", "INF", "+INF" -> {
                        yield Double.POSITIVE_INFINITY;
                    }
                    case "-Infinity", "-INF" -> {
                        yield Double.NEGATIVE_INFINITY;
                    }
                    default -> {
                        if (text.isEmpty() || !text.chars().allMatch(c -> c <= ' ')) {
                            throw wrong(path, NUMBER);
                        }
                        yield null;
                    }
                }
            }
            default -> throw wrong(path, NUMBER);
        };
    }

    /** The format's version, an int: a fraction is cut off, one out of int's range is a parse error, null refused. */
    private int version(String path) throws IOException {
        return switch (p.currentToken()) {
            case VALUE_NUMBER_INT -> p.getIntValue();
            case VALUE_NUMBER_FLOAT -> p.getValueAsInt();
            default -> throw wrong(path, NUMBER);
        };
    }

    /** A refusal of the current value; a string is decoded first, as the mapper did, so a bad escape is a syntax error. */
    private ShapeException wrong(String path, String expected) throws IOException {
        if (p.hasToken(JsonToken.VALUE_STRING)) {
            p.getText();
        }
        return new ShapeException(p.currentTokenLocation(), (path.isEmpty() ? "the document" : path) + " must be "
                + expected);
    }

    /**
     * The fields of one object, in the order the file gives them. Each name is given once in practice; a repeated one
     * keeps its last value, except once every field has been given: the mapper had then made its record, and refused
     * the repeat (after reading its value), so this does too.
     */
    private final class Fields {
        private final String path;
        private final int all;
        private int given;

        Fields(String path, int count) {
            this.path = path;
            this.all = (1 << count) - 1;
        }

        /** The next field's name with the parser on its value; null at the end of the object. */
        String next() throws IOException {
            if (p.nextToken() != JsonToken.FIELD_NAME) {
                return null;
            }
            String name = p.currentName();
            p.nextToken();
            return name;
        }

        String path(String name) {
            return path.isEmpty() ? name : path + "." + name;
        }

        /** Marks field {@code index} as given, its value read: the value, or a refusal of a late repeat. */
        <T> T given(int index, String name, T value) throws ShapeException {
            if (given == all) {
                throw new ShapeException(p.currentTokenLocation(), path(name) + " is given twice");
            }
            given |= 1 << index;
            return value;
        }

        /** The version is an int, so the mapper refused a document without one, at the document's end. */
        void requireVersion() throws ShapeException {
            if ((given & 1) == 0) {
                throw new ShapeException(p.currentTokenLocation(), path("version") + " must be " + NUMBER);
            }
        }
    }
}
