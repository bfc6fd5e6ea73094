package dev.scimctl.cli.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import dev.scimctl.ExitCode;
import dev.scimctl.output.Terminals;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import static dev.scimctl.testing.Users.user;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class UsersGetCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EXT = "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User";

    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @TempDir
    Path config;

    private CliRunner cli() {
        return new CliRunner(config).env("SCIMCTL_URL", server.baseUrl()).env("SCIMCTL_TOKEN", server.token());
    }

    @Test
    void gets_a_user_by_id_and_by_user_name_with_the_ninjaone_extension() throws Exception {
        server.seedUser("someone@example.com");
        String id = server.seedUser(user("Alice@Example.com").type("endUser").organization("42").json());
        JsonNode byId = JSON.readTree(cli().run("users", "get", id, "-o", "json").assertExit(ExitCode.OK).out());
        JsonNode byName = JSON.readTree(cli().run("users", "get", "alice@example.COM", "-o", "json")
                .assertExit(ExitCode.OK).out());
        assertThat(byName).isEqualTo(byId);
        assertThat(byId.path("id").asText()).isEqualTo(id);
        assertThat(byId.path("userName").asText()).isEqualTo("Alice@Example.com");
        assertThat(byId.path(EXT).path("organizationId").asText()).isEqualTo("42");
        assertThat(byId.path("meta").path("version").isTextual()).isTrue();
    }

    @Test
    void a_terminal_shows_every_attribute_one_a_line_and_a_pipe_gets_attribute_tab_value() {
        String id = server.seedUser(user("alice@example.com").type("technician").json());
        CliResult table = cli().terminals(Terminals.ALL).env("NO_COLOR", "1").run("users", "get", "alice@example.com")
                .assertExit(ExitCode.OK);
        assertThat(table.out().lines().findFirst().orElseThrow()).matches("ATTRIBUTE +VALUE");
        assertThat(table.out()).containsPattern("name\\.givenName +Given\n")
                .containsPattern("emails\\[0\\]\\.value +alice@example\\.com\n")
                .containsPattern(EXT.replace(".", "\\.") + ":userType +technician\n")
                .containsPattern("id +" + id + "\n");
        List<String> tsv = cli().run("users", "get", "alice@example.com").assertExit(ExitCode.OK).out().lines().toList();
        assertThat(tsv).contains("userName\talice@example.com", EXT + ":userType\ttechnician", "active\ttrue");
    }

    @Test
    void a_user_name_without_an_at_sign_is_tried_as_an_id_then_as_a_user_name() {
        String id = server.seedUser("jdoe");
        CliResult r = cli().run("users", "get", "JDOE", "--fields", "id,userName").assertExit(ExitCode.OK);
        assertThat(r.out().lines()).containsExactly("id\t" + id, "userName\tjdoe");
    }

    @Test
    void fields_and_csv_give_the_columns_of_users_list() throws Exception {
        String id = server.seedUser(user("bob@example.com").type("endUser").organization("7").json());
        List<String[]> rows = new CSVReader(new StringReader(cli().run("users", "get", id, "-o", "csv")
                .assertExit(ExitCode.OK).out())).readAll();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(1)).containsExactly("bob@example.com", "Given", "Family", "endUser", "7", "true", id);
        JsonNode flat = JSON.readTree(cli().run("users", "get", id, "-o", "ndjson", "--fields", "userName,active")
                .assertExit(ExitCode.OK).out());
        assertThat(flat.toString()).isEqualTo("{\"userName\":\"bob@example.com\",\"active\":true}");
    }

    @Test
    void no_headers_bom_and_the_excel_dialect_apply_to_one_user_as_to_a_listing() {
        String id = server.seedUser(user("bob@example.com").type("endUser").organization("7").json());

        assertThat(cli().run("users", "get", id, "-o", "csv", "--no-headers", "--bom").assertExit(ExitCode.OK).out())
                .isEqualTo("\uFEFFbob@example.com,Given,Family,endUser,7,true," + id + "\n");
        assertThat(cli().env("LANG", "de_DE.UTF-8").run("users", "get", id, "-o", "csv", "--csv-dialect", "excel")
                .assertExit(ExitCode.OK).out()).startsWith("\uFEFFuserName;").endsWith(";" + id + "\r\n");
        String table = cli().terminals(Terminals.ALL).env("NO_COLOR", "1")
                .run("users", "get", id, "--no-headers").assertExit(ExitCode.OK).out();
        assertThat(table).doesNotContain("ATTRIBUTE").containsPattern("userName +bob@example\\.com\n");
    }

    @Test
    void an_unknown_user_exits_1_naming_it_and_the_server() {
        CliResult r = cli().run("users", "get", "nobody@example.com").assertExit(ExitCode.PROBLEMS);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("no user with the id or userName 'nobody@example.com' on " + server.baseUrl());
        cli().run("users", "get", "2819c223-7f76-453a-919d-413861904646").assertExit(ExitCode.PROBLEMS);
    }
}
