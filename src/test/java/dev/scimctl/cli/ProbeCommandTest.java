package dev.scimctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimctl.ExitCode;
import dev.scimctl.output.Terminals;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.FaultProxy;
import dev.scimctl.testing.FaultProxy.Fault;
import dev.scimctl.testing.ScimServerExtension;
import dev.scimctl.testing.ScimmyServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static dev.scimctl.testing.Users.user;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code scimctl probe} finds, by itself, the differences docs/compatibility.md lists between the two servers. */
@Timeout(120)
class ProbeCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @TempDir
    Path dir;

    private CliRunner cli(String url, String token) {
        return new CliRunner(dir).env("SCIMCTL_URL", url).env("SCIMCTL_TOKEN", token);
    }

    /** The findings of a JSON report, by check: "verdict: observed". */
    private static Map<String, JsonNode> findings(CliResult r) throws Exception {
        Map<String, JsonNode> byCheck = new LinkedHashMap<>();
        for (JsonNode f : JSON.readTree(r.out())) {
            byCheck.put(f.path("check").asText(), f);
        }
        return byCheck;
    }

    private static String verdict(Map<String, JsonNode> f, String check) {
        assertThat(f).as("findings").containsKey(check);
        return f.get(check).path("verdict").asText() + (f.get(check).path("verdict").asText().equals("ok") ? "" : "")
                .substring(0, 0) + f.get(check).path("verdict").asText().substring(0, 0);
    }

    /** Every user and group as stored, meta included: equal only if nothing was changed. */
    private static String state() throws Exception {
        return JSON.writeValueAsString(server.store().users()) + JSON.writeValueAsString(server.store().groups());
    }

    @Test
    void an_error_document_sent_with_200_is_not_a_listing_that_works() throws Exception {
        // 'users list' refuses such an answer (exit 6); the probe called it "a ListResponse … ok".
        server.seedUsers(2);
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            proxy.rule(r -> r.method().equals("GET") && r.path().endsWith("/Users")
                    ? Fault.respond(200, Map.of("Content-Type", "application/scim+json"), "{\"schemas\":[\""
                    + "urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"403\",\"detail\":\"no\"}")
                    : Fault.forward());
            Map<String, JsonNode> f = findings(cli(proxy.baseUrl(), server.token()).run("probe", "-o", "json")
                    .assertExit(ExitCode.OK));
            assertThat(verdict(f, "list /Users")).isEqualTo("differs");
            assertThat(f.get("list /Users").path("observed").asText()).contains("200").contains("Error").contains("403");
        }
    }

    @Test
    void the_sandbox_read_only_does_what_it_declares() throws Exception {
        server.seedUsers(4);
        String before = state();
        Map<String, JsonNode> f = findings(cli(server.baseUrl(), server.token()).run("probe", "-o", "json")
                .assertExit(ExitCode.OK));
        for (String check : new String[]{"filter userName eq", "filter userName co", "filter userName sw", "filter and",
                "filter or", "userName eq ignores case", "filter on an extension attribute", "sortBy userName",
                "startIndex advances", "totalResults is the total", "itemsPerPage is the page's size",
                "attributes=userName", "ETags (meta.version)"}) {
            assertThat(verdict(f, check)).as(check).isEqualTo("ok");
        }
        assertThat(verdict(f, "POST /Bulk (no operations)")).isEqualTo("unsupported");
        assertThat(f.get("largest page").path("declared").asText()).isEqualTo("filter.maxResults 100");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void the_sandbox_with_write_leaves_the_server_as_it_found_it() throws Exception {
        server.seedUsers(2);
        server.seedGroup("Existing");
        String before = state();
        Map<String, JsonNode> f = findings(cli(server.baseUrl(), server.token()).run("probe", "--write", "-o", "json")
                .assertExit(ExitCode.OK));
        for (String check : new String[]{"POST /Users", "POST a duplicate userName", "PATCH replace with a path",
                "PATCH replace without a path", "PATCH add with a path", "PATCH remove with a path", "PUT", "If-Match",
                "PATCH members add, remove members[value eq …]", "DELETE /Groups then GET", "DELETE /Users then GET"}) {
            assertThat(verdict(f, check)).as(check).isEqualTo("ok");
        }
        assertThat(verdict(f, "filter with \\\" in a value")).isEqualTo("differs");
        assertThat(verdict(f, "filter with \\\\ in a value")).isEqualTo("differs");
        assertThat(f).doesNotContainKey("remove the throwaway resources");
        assertThat(state()).isEqualTo(before);
    }

    @Test
    void scimmy_shows_the_differences_compatibility_md_lists() throws Exception {
        ScimmyServer scimmy = ScimmyServer.get();
        CliRunner cli = cli(scimmy.baseUrl(), scimmy.token());
        // Users of its own with the extension, so that the read checks have something to read on a shared server.
        String prefix = "Probe-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 2; i++) {
            cli.stdin(JSON.writeValueAsString(user(prefix + "-" + i + "@example.com").type("technician").json()))
                    .run("api", "POST", "Users", "--input", "-").assertExit(ExitCode.OK);
        }
        Map<String, JsonNode> f = findings(cli.run("probe", "--write", "-o", "json").assertExit(ExitCode.OK));
        assertThat(verdict(f, "userName eq ignores case")).isEqualTo("differs");
        assertThat(f.get("filter on an extension attribute").path("observed").asText()).contains("not resolved");
        assertThat(verdict(f, "itemsPerPage is the page's size")).isEqualTo("differs");
        assertThat(verdict(f, "ETags (meta.version)")).isEqualTo("unsupported");
        assertThat(f.get("ETags (meta.version)").path("observed").asText()).contains("HTTP ETag header");
        assertThat(f.get("POST /Users").path("observed").asText()).contains("no Location header", "meta.location relative");
        assertThat(verdict(f, "POST /Bulk (no operations)")).isEqualTo("differs");
        // docs/compatibility.md said SCIMMY unescapes; the probe found that it refuses such a filter instead.
        assertThat(f.get("filter with \\\" in a value").path("observed").asText()).contains("refused", "invalidFilter");
        assertThat(verdict(f, "Content-Type application/json on POST")).isEqualTo("ok");
        assertThat(verdict(f, "filter userName eq")).isEqualTo("ok");
        assertThat(verdict(f, "PATCH members add, remove members[value eq …]")).isEqualTo("ok");
        assertThat(f).doesNotContainKey("remove the throwaway resources");
        String left = cli.run("api", "GET", "Users", "-f", "filter=userName sw \"scimctl-probe-\"").assertExit(ExitCode.OK).out();
        assertThat(JSON.readTree(left).path("totalResults").asInt()).isZero();
    }

    @Test
    void a_terminal_gets_a_table_and_progress_on_stderr() {
        server.seedUsers(2);
        CliResult r = cli(server.baseUrl(), server.token()).terminals(Terminals.ALL).env("NO_COLOR", "1").run("probe")
                .assertExit(ExitCode.OK);
        assertThat(r.out().lines().findFirst().orElseThrow()).matches("CHECK +DECLARED +OBSERVED +VERDICT +SCIMCTL *");
        assertThat(r.out()).containsPattern("filter userName eq +supported +works +ok +");
        assertThat(r.err()).contains("probe: trying filters on userName");
    }
}
