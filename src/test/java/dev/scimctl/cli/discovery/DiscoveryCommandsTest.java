package dev.scimctl.cli.discovery;

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
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class DiscoveryCommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CORE_USER = "urn:ietf:params:scim:schemas:core:2.0:User";
    private static final String EXT = "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User";

    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @TempDir
    Path dir;

    private CliRunner sandbox() {
        return new CliRunner(dir).env("SCIMCTL_URL", server.baseUrl()).env("SCIMCTL_TOKEN", server.token());
    }

    private CliRunner scimmy() {
        ScimmyServer s = ScimmyServer.get();
        return new CliRunner(dir).env("SCIMCTL_URL", s.baseUrl()).env("SCIMCTL_TOKEN", s.token());
    }

    @Test
    void a_schemas_attribute_table_on_a_terminal_on_both_servers() {
        for (CliRunner cli : List.of(sandbox(), scimmy())) {
            CliResult r = cli.terminals(Terminals.ALL).env("NO_COLOR", "1").run("schemas", "user").assertExit(ExitCode.OK);
            List<String> lines = r.out().lines().toList();
            assertThat(lines.get(0)).matches("ATTRIBUTE +TYPE +MULTIVALUED +REQUIRED +MUTABILITY +RETURNED +CASEEXACT +CANONICALVALUES *");
            assertThat(lines).anyMatch(l -> l.matches("userName +string +false +true +readWrite +default +false *"));
            assertThat(lines).anyMatch(l -> l.matches("name\\.givenName +string +false +false +readWrite +default +false *"));
            assertThat(lines).anyMatch(l -> l.matches("emails +complex +true .*"));
        }
    }

    @Test
    void schemas_lists_every_schema_and_json_keeps_the_documents() throws Exception {
        for (CliRunner cli : List.of(sandbox(), scimmy())) {
            List<String> tsv = cli.run("schemas", "--fields", "id").assertExit(ExitCode.OK).out().lines().toList();
            assertThat(tsv).contains(CORE_USER, "urn:ietf:params:scim:schemas:core:2.0:Group", EXT);
            JsonNode ext = JSON.readTree(cli.run("schemas", EXT, "-o", "json").assertExit(ExitCode.OK).out());
            assertThat(ext.path("id").asText()).isEqualTo(EXT);
            assertThat(ext.path("attributes").findValuesAsText("name")).contains("userType", "organizationId");
            List<String> ndjson = cli.run("schemas", "User", "-o", "ndjson").assertExit(ExitCode.OK).out().lines().toList();
            JsonNode first = JSON.readTree(ndjson.get(0));
            assertThat(first.has("path") && first.has("type") && first.has("mutability")).isTrue();
        }
    }

    @Test
    void resource_types_list_and_a_types_attributes_with_its_extension() {
        for (CliRunner cli : List.of(sandbox(), scimmy())) {
            List<String> types = cli.run("resource-types").assertExit(ExitCode.OK).out().lines().toList();
            assertThat(types).anyMatch(l -> l.startsWith("User\t/Users\t" + CORE_USER + "\t" + EXT));
            assertThat(types).anyMatch(l -> l.startsWith("Group\t/Groups\t"));
            List<String> attrs = cli.run("resource-types", "User", "--fields", "attribute,type").assertExit(ExitCode.OK)
                    .out().lines().toList();
            assertThat(attrs).contains("userName\tstring", EXT + ":userType\tstring", EXT + ":organizationId\tstring");
        }
    }

    @Test
    void service_provider_config_one_feature_a_row_and_json_as_served() throws Exception {
        List<String> rows = sandbox().run("service-provider-config").assertExit(ExitCode.OK).out().lines().toList();
        assertThat(rows).contains("patch\ttrue\t", "sort\ttrue\t", "etag\ttrue\t");
        assertThat(rows).anyMatch(r -> r.startsWith("filter\ttrue\tmaxResults="));
        assertThat(rows).anyMatch(r -> r.startsWith("authenticationSchemes\ttrue\toauthbearertoken"));
        JsonNode scimmy = JSON.readTree(scimmy().run("service-provider-config", "-o", "json").assertExit(ExitCode.OK).out());
        assertThat(scimmy.path("etag").path("supported").asBoolean(true)).isFalse();
        List<String> scimmyRows = scimmy().run("service-provider-config").out().lines().toList();
        assertThat(scimmyRows).contains("etag\tfalse\t");
    }

    @Test
    void an_unknown_id_names_the_known_ones_and_an_unserved_endpoint_says_so() {
        sandbox().run("schemas", "Nope").assertExit(ExitCode.PROBLEMS).assertErrContains("no schema 'Nope'", CORE_USER);
        sandbox().run("resource-types", "Nope").assertExit(ExitCode.PROBLEMS).assertErrContains("no resource type 'Nope'");
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            proxy.rule(r -> r.path().endsWith("/Schemas") || r.path().endsWith("/ServiceProviderConfig")
                    ? Fault.statusWithScimError(404, "not here") : Fault.forward());
            CliRunner cli = new CliRunner(dir).env("SCIMCTL_URL", proxy.baseUrl()).env("SCIMCTL_TOKEN", server.token());
            cli.run("schemas").assertExit(ExitCode.PROBLEMS).assertErrContains("/Schemas is not served", "scimctl probe");
            cli.run("service-provider-config").assertExit(ExitCode.PROBLEMS).assertErrContains("is not served");
        }
    }
}
