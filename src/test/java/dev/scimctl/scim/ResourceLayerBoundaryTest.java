package dev.scimctl.scim;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client core is the one place that speaks SCIM: no class outside {@code scim/} builds a SCIM request, calls a
 * resource endpoint by name, or compares an HTTP status. Commands, the importer, undo, map-groups and the support
 * bundle reach users and groups through {@link Users} and {@link Groups}, and ask a failure what it means through the
 * {@link ScimException} predicates.
 * <p>
 * Two places are outside the rule, each for a reason: {@code sandbox/} is a SCIM server (its statuses are its answers,
 * not a client's reading of them), and {@code cli/api/} is the escape hatch that sends the request a person wrote
 * ({@code scimctl api}, like {@code gh api}) as a {@link RawRequest}, without reading its status.
 */
class ResourceLayerBoundaryTest {
    private static final Path MAIN = Path.of("src/main/java/dev/scimctl");

    /** What only the core may do, by the code that does it. */
    private static final Map<String, Pattern> FORBIDDEN = Map.of(
            "builds a SCIM request", Pattern.compile("\\bScimRequest\\b"),
            "sends a raw request", Pattern.compile("\\bRawRequest\\b"),
            "reads an HTTP status from a response", Pattern.compile("\\.statusCode\\(\\)|\\bHttpStatus\\b"),
            "compares an HTTP status", Pattern.compile(
                    "[sS]tatus\\w*(\\(\\))?\\s*(==|!=|<=|>=|<|>)\\s*[1-5]\\d\\d\\b"
                            + "|\\b[1-5]\\d\\d\\s*(==|!=|<=|>=|<|>)\\s*[\\w.]*[sS]tatus"
                            + "|\\bcase\\s+[1-5]\\d\\d\\s*(->|:)"),
            "calls a resource endpoint by name", Pattern.compile(
                    "\\.(get|create|replace|patch|delete|list|listFiltered|count)\\(\\s*\"(Users|Groups)\""));

    @Test
    void no_class_outside_scim_speaks_scim_itself() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith(".java"))::iterator) {
                String where = MAIN.relativize(file).toString().replace('\\', '/');
                if (where.startsWith("scim/") || where.startsWith("sandbox/")) {
                    continue;
                }
                for (String problem : problems(Files.readString(file), where.startsWith("cli/api/"))) {
                    found.add(where + ": " + problem);
                }
            }
        }
        assertThat(found).as("move these into scim/ (Users, Groups, or a ScimException predicate)").isEmpty();
    }

    @Test
    void the_rule_catches_each_way_of_speaking_scim() {
        assertThat(problems("if (e.status() == 404) { }", false)).containsExactly("compares an HTTP status: status() == 404");
        assertThat(problems("boolean gone = 412 != ex.status();", false)).hasSize(1);
        assertThat(problems("switch (status) { case 429 -> slow(); }", false)).hasSize(1);
        assertThat(problems("client.send(ScimRequest.get(\"Schemas\"))", false)).hasSize(1);
        assertThat(problems("client.delete(\"Users\", id);", false)).hasSize(1);
        assertThat(problems("int s = response.statusCode();", false)).hasSize(1);
        assertThat(problems("new RawRequest(m, t, h, b, true)", false)).hasSize(1);
        assertThat(problems("new RawRequest(m, t, h, b, true)", true)).isEmpty();
        // words in comments and messages are not code
        assertThat(problems("// a status == 404 here\nString m = \"not found (404)\"; /* case 404: */", false)).isEmpty();
        assertThat(problems("if (step.status() == CheckStep.Status.FAIL) { }", false)).isEmpty();
    }

    private static List<String> problems(String source, boolean escapeHatch) {
        String code = withoutComments(source);
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Pattern> rule : FORBIDDEN.entrySet()) {
            if (escapeHatch && rule.getKey().equals("sends a raw request")) {
                continue;
            }
            Matcher m = rule.getValue().matcher(code);
            while (m.find()) {
                out.add(rule.getKey() + ": " + m.group().strip());
            }
        }
        return out;
    }

    /** The source without comments, so that a comment explaining a status is not taken for code. */
    private static String withoutComments(String source) {
        return source.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", "");
    }
}
