package dev.scimctl.output;

import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.scimctl.text.SafeText;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/** JSON on stdout, printed the one way every command prints it. */
public final class JsonOutput {
    /** The escapes every JSON writer of scimctl uses: see {@link TerminalSafeEscapes}. */
    static final CharacterEscapes ESCAPES = new TerminalSafeEscapes();

    static final ObjectMapper MAPPER = JsonMapper.builder(new JsonFactoryBuilder().characterEscapes(ESCAPES).build())
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build();

    /**
     * JSON escapes C0 controls already; this escapes C1 controls, DEL and the bidirectional controls too (as
     * U+009B, U+202E), so that JSON printed to a terminal cannot drive it. The value is unchanged.
     */
    private static final class TerminalSafeEscapes extends CharacterEscapes {
        private final int[] ascii = CharacterEscapes.standardAsciiEscapesForJSON();

        TerminalSafeEscapes() {
            ascii[0x7f] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            // Called for non-ASCII characters only; null leaves a character as it is.
            return SafeText.unsafe(ch) ? new SerializedString(String.format("\\u%04X", ch)) : null;
        }
    }

    private JsonOutput() {
    }

    /** Two-space indents, {@code "key": value}, one array element a line: what jq prints, and what people expect. */
    static DefaultPrettyPrinter prettyPrinter() {
        Separators separators = Separators.createDefaultInstance().withObjectFieldValueSpacing(Separators.Spacing.AFTER);
        return new DefaultPrettyPrinter(separators)
                .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                .withArrayIndenter(new DefaultIndenter("  ", "\n"));
    }

    /** One document, indented, with a final line end. */
    public static void pretty(PrintWriter out, JsonNode node) {
        try {
            out.println(MAPPER.writer(prettyPrinter()).writeValueAsString(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A value (a record, a map, a list) as a JSON tree, with the same settings as everything printed. */
    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    /** One document on one line. */
    public static void compact(PrintWriter out, JsonNode node) {
        try {
            out.println(MAPPER.writeValueAsString(node));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
