package dev.scimctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.output.Terminals;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.ScimServerExtension;
import dev.scimctl.text.SafeText;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Strings from a server and from files that hold terminal controls (a screen clear, an OSC title, a C1 CSI) and a
 * right-to-left override, through every command and format: on stdout and stderr they appear only as visible
 * escapes, except in JSON, where they are JSON-escaped and keep their exact value.
 */
@Timeout(120)
class SafeTextTest {
    /** ESC[2J clears the screen; ESC]0;…BEL sets the window title; U+009B is a one-byte CSI; U+202E flips the text. */
    static final String EVIL = "ev\u001b[2Jil\u001b]0;pwned\u0007\u009b31m\u202emoc.elpmaxe@";
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @TempDir
    Path dir;

    private String userName;

    @BeforeEach
    void seed() throws Exception {
        userName = "mallory" + EVIL + "example.com";
        ObjectNode u = JsonNodeFactory.instance.objectNode();
        u.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User");
        u.put("userName", userName);
        u.put("displayName", "Mallory" + EVIL);
        u.putObject("name").put("givenName", "Mal" + EVIL).put("familyName", "Lory" + EVIL);
        u.put("active", true);
        u.putObject("urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User").put("userType", "technician");
        String id = server.seedUser(u);
        server.seedGroup("Help Desk" + EVIL, id);
        // Enough ordinary rows that the few controls do not make the file look binary (which is refused).
        StringBuilder csv = new StringBuilder("email,firstName,lastName,userType,organizationId,group\n"
                + "bob@example.com,Bob" + EVIL + ",Builder,technician,,Help Desk" + EVIL + "\n"
                + "bad" + EVIL + ",Bad,Row,endUser" + EVIL + ",,\n");
        for (int i = 0; i < 60; i++) {
            csv.append("user").append(i).append("@example.com,Given,Family,technician,,\n");
        }
        Files.writeString(dir.resolve("users.csv"), csv);
        Files.writeString(dir.resolve("group-roles.json"), "{\"version\": 1, \"groups\": [{\"group\": "
                + JSON.writeValueAsString("Help Desk" + EVIL) + ", \"type\": \"technician\", \"roles\": "
                + "[\"Help Desk Technician\"]}]}");
    }

    private CliRunner cli() {
        return new CliRunner(dir).env("SCIMCTL_URL", server.baseUrl()).env("SCIMCTL_TOKEN", server.token());
    }

    @Test
    void server_strings_reach_every_human_format_only_as_visible_escapes() {
        List<String> problems = new ArrayList<>();
        for (String format : List.of("table", "tsv", "csv")) {
            check(problems, cli().run("users", "list", "-o", format, "--fields", "userName,givenName,displayName"));
            check(problems, cli().run("users", "get", userName, "-o", format));
            check(problems, cli().run("groups", "list", "-o", format));
            check(problems, cli().run("groups", "get", "Help Desk" + EVIL, "-o", format));
        }
        check(problems, cli().terminals(Terminals.ALL).env("NO_COLOR", "1").run("users", "list"));
        check(problems, cli().terminals(Terminals.ALL).env("NO_COLOR", "1").run("users", "get", userName));
        check(problems, cli().run("users", "get", "nobody" + EVIL));
        check(problems, cli().run("map-groups", "explain", userName, "--mapping", dir.resolve("group-roles.json")
                .toString()));
        check(problems, cli().run("map-groups", "list", "--mapping", dir.resolve("group-roles.json").toString()));
        check(problems, cli().run("map-groups", "check", "--mapping", dir.resolve("group-roles.json").toString()));
        check(problems, cli().run("users", "deactivate", "--yes", "nobody" + EVIL));
        assertThat(problems).isEmpty();
    }

    @Test
    void file_strings_reach_every_human_format_only_as_visible_escapes() {
        List<String> problems = new ArrayList<>();
        String csv = dir.resolve("users.csv").toString();
        for (String format : List.of("text", "csv")) {
            check(problems, cli().run("validate", csv, "-o", format));
        }
        check(problems, cli().run("validate", dir.resolve("users" + EVIL + ".csv").toString()));
        check(problems, cli().run("import", "--dry-run", "--skip-invalid", csv));
        check(problems, cli().run("import", "--yes", "--skip-invalid", csv));
        check(problems, cli().run("validate", csv, "--column", "email=" + EVIL));
        assertThat(problems).isEmpty();
    }

    @Test
    void test_connection_config_api_and_sandbox_show_outside_strings_only_as_visible_escapes() throws Exception {
        List<String> problems = new ArrayList<>();
        check(problems, cli().run("test-connection"));
        check(problems, cli().run("test-connection", "--url", server.baseUrl() + "/" + EVIL));
        check(problems, cli().run("test-connection", "-o", "json"));
        check(problems, cli().run("api", "Users"));
        check(problems, cli().run("api", "-i", "Users?filter=userName%20eq%20%22nobody%22"));
        check(problems, cli().run("api", "Users/" + EVIL));
        check(problems, cli().terminals(Terminals.ALL).env("NO_COLOR", "1").run("api", "Users"));
        check(problems, cli().run("config", "set-profile", "p" + EVIL, "--url", "https://x.example/scim/v2"));
        check(problems, cli().run("config", "set-profile", "lab", "--url", "https://x.example/" + EVIL));
        check(problems, cli().run("config", "use", "nobody" + EVIL));
        check(problems, cli().run("config", "list"));
        check(problems, cli().run("config", "show"));
        Path notSandbox = dir.resolve("data" + EVIL + ".json");
        Files.writeString(notSandbox, "{\"users\": \"" + EVIL.replace("\u001b", "\\u001b").replace("\u0007", "\\u0007")
                + "\"}");
        check(problems, cli().run("sandbox", "--data", notSandbox.toString()));
        assertThat(problems).isEmpty();
    }

    @Test
    void json_keeps_the_exact_value_escaped() throws Exception {
        for (String[] args : List.of(new String[]{"users", "get", userName, "-o", "json"},
                new String[]{"users", "list", "-o", "json"}, new String[]{"users", "list", "-o", "ndjson"})) {
            CliResult r = cli().run(args).assertExit(0);
            assertThat(r.out().chars().filter(c -> SafeText.unsafe(c) && c != '\n').count()).as(r.out()).isZero();
            assertThat(r.out()).contains("\\u001B[2J").contains("\\u202E");
            boolean lines = args[args.length - 1].equals("ndjson");
            JsonNode first = JSON.readTree(lines ? r.out().lines().findFirst().orElseThrow() : r.out());
            JsonNode user = first.isArray() ? first.get(0) : first;
            assertThat(user.path("userName").asText()).isEqualTo(userName);
        }
        CliResult v = cli().run("validate", dir.resolve("users.csv").toString(), "-o", "json");
        assertThat(v.out().chars().filter(c -> SafeText.unsafe(c) && c != '\n').count()).as(v.out()).isZero();
        assertThat(JSON.readTree(v.out()).toString()).contains("\\u001B[2J");
    }

    /** Only LF and TAB may be raw; any other control or bidi character is a finding, with where it was. */
    private static void check(List<String> problems, CliResult r) {
        assertThat(r.out() + r.err()).as(r.describe()).doesNotContain("Exception");
        for (String[] stream : new String[][]{{"stdout", r.out()}, {"stderr", r.err()}}) {
            String text = stream[1];
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c != '\n' && c != '\t' && SafeText.unsafe(c)) {
                    int lineStart = text.lastIndexOf('\n', i) + 1;
                    problems.add(String.format("%s has a raw U+%04X after \"%s\" (escaped here)%n%s", stream[0],
                            (int) c, SafeText.line(text.substring(lineStart, i)), SafeText.text(r.describe())));
                    break;
                }
            }
        }
        assertThat(r.out() + r.err()).as("the escapes are visible").isNotEmpty();
    }
}
