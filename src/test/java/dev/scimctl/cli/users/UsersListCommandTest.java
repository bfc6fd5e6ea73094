package dev.scimctl.cli.users;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import dev.scimctl.ExitCode;
import dev.scimctl.output.Terminals;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.FaultProxy;
import dev.scimctl.testing.FaultProxy.Fault;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static dev.scimctl.testing.Users.user;
import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class UsersListCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create(b -> b.maxPageSize(100));

    /** A server that cannot filter or sort: it says so in /ServiceProviderConfig and ignores both parameters. */
    @RegisterExtension
    static final ScimServerExtension plainServer = ScimServerExtension.create(b -> b.filter(false).sort(false));

    @TempDir
    Path config;

    private CliRunner cli(ScimServerExtension s) {
        return new CliRunner(config).connectedTo(s);
    }

    /** {@code users list} on the server, which must succeed: the shorthand of most tests here. */
    private CliResult list(String... args) {
        return cli(server).prefix("users", "list").run(args).assertExit(ExitCode.OK);
    }

    /** The userNames in TSV output (the first column). */
    private static Set<String> userNames(CliResult r) {
        Set<String> names = new TreeSet<>();
        r.out().lines().forEach(l -> names.add(l.split("\t", -1)[0]));
        return names;
    }

    /** A small population: every kind of user the shortcuts choose between. */
    private void seedKinds() {
        server.seedUser(user("tech@example.com").type("Technician").json());
        server.seedUser(user("tech-gone@example.com").type("technician").inactive().json());
        server.seedUser(user("end1@example.com").type("endUser").organization("1").json());
        server.seedUser(user("end2@example.com").type("endUser").organization("2").json());
        server.seedUser(user("global@example.com").type("endUser").organization("All").json());
        server.seedUser(user("untyped@example.com").json());
    }

    @Test
    void lists_more_users_than_one_page_when_the_server_cuts_the_page_size() {
        List<String> ids = server.seedUsers(250);
        CliResult r = list("--page-size", "500");
        List<String> lines = r.out().lines().toList();
        assertThat(lines).hasSize(250);
        assertThat(lines.stream().map(l -> l.split("\t")[6]).toList()).isEqualTo(ids);
        assertThat(r.err()).isEmpty();
    }

    @Test
    void a_pipe_gets_tsv_without_a_header_and_a_terminal_gets_a_table() {
        server.seedUsers(3);
        CliResult piped = list();
        assertThat(piped.out().lines().toList()).hasSize(3)
                .first().asString().startsWith("user0001@example.com\tGiven1\tFamily1\tendUser\t1\ttrue\t");
        CliResult table = cli(server).terminals(Terminals.ALL).env("NO_COLOR", "1").run("users", "list")
                .assertExit(ExitCode.OK);
        List<String> lines = table.out().lines().toList();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).matches("USERNAME +GIVENNAME +FAMILYNAME +USERTYPE +ORGANIZATIONID +ACTIVE +ID");
        assertThat(lines.get(3)).startsWith("user0003@example.com  Given3").contains("technician");
    }

    @Test
    void every_output_format_parses_back_to_the_same_users() throws Exception {
        List<String> ids = server.seedUsers(5);

        JsonNode array = JSON.readTree(list("-o", "json").out());
        assertThat(array.isArray()).isTrue();
        assertThat(array.findValuesAsText("id")).isEqualTo(ids);
        assertThat(array.get(2).path("urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User").path("userType")
                .asText()).isEqualTo("technician"); // the resource as the server sent it

        List<String> lines = list("-o", "ndjson").out().lines().toList();
        assertThat(lines).hasSize(5);
        List<String> ndIds = new ArrayList<>();
        for (String line : lines) {
            ndIds.add(JSON.readTree(line).path("id").asText());
        }
        assertThat(ndIds).isEqualTo(ids);

        List<String[]> rows = new CSVReader(new StringReader(list("-o", "csv").out())).readAll();
        assertThat(rows.get(0)).containsExactly("userName", "givenName", "familyName", "userType", "organizationId",
                "active", "id");
        assertThat(rows.subList(1, rows.size()).stream().map(r -> r[6]).toList()).isEqualTo(ids);
        assertThat(rows.get(3)).containsExactly("user0003@example.com", "Given3", "Family3", "technician", "", "true",
                ids.get(2));

        List<String> tsv = list("-o", "tsv").out().lines().toList();
        assertThat(tsv.stream().map(l -> l.split("\t", -1)).allMatch(c -> c.length == 7)).isTrue();
    }

    @Test
    void fields_choose_and_order_the_columns_in_every_format() throws Exception {
        server.seedUsers(2);
        assertThat(list("--fields", "active,userName").out().lines()).containsExactly("true\tuser0001@example.com",
                "true\tuser0002@example.com");
        JsonNode first = JSON.readTree(list("-o", "ndjson", "--fields", "userName,active,groups").out().lines()
                .findFirst().orElseThrow());
        assertThat(first.fieldNames()).toIterable().containsExactly("userName", "active", "groups");
        assertThat(first.get("active").isBoolean()).isTrue();
        assertThat(first.get("groups").isNull()).isTrue();
    }

    @Test
    void a_wrong_field_gets_the_list_of_valid_ones() {
        CliResult r = cli(server).run("users", "list", "--fields", "userName,mail").assertExit(ExitCode.USAGE);
        assertThat(r.err()).contains("unknown field 'mail'").contains("valid fields: userName, givenName, familyName, "
                + "userType, organizationId, active, id, externalId, displayName, email, groups");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void user_name_finds_names_with_quotes_and_backslashes_and_cannot_be_used_to_widen_the_filter() {
        server.seedUser("other@example.com");
        server.seedUser("o\"brien\\x@example.com");
        CliResult r = list("--user-name", "O\"BRIEN\\x@example.com");
        assertThat(userNames(r)).containsExactly("o\"brien\\x@example.com");
        // The sandbox does not unescape \" in filters: scimctl notices the empty answer and checks every user.
        assertThat(r.err()).contains("note: the server found none").contains("escaped quotes and backslashes");

        assertThat(list("--user-name", "x\" or userName pr or userName eq \"y").out()).isEmpty();
        assertThat(userNames(list("--user-name", "OTHER@example.com"))).containsExactly("other@example.com");
    }

    @Test
    void active_and_inactive_choose_by_the_active_flag() {
        seedKinds();
        assertThat(userNames(list("--inactive"))).containsExactly("tech-gone@example.com");
        assertThat(userNames(list("--active"))).hasSize(5).doesNotContain("tech-gone@example.com");
        CliResult both = cli(server).run("users", "list", "--active", "--inactive").assertExit(ExitCode.USAGE);
        assertThat(both.err()).contains("exclude each other");
    }

    @Test
    void user_type_end_user_includes_users_without_a_type() {
        seedKinds();
        assertThat(userNames(list("--user-type", "technician")))
                .containsExactly("tech-gone@example.com", "tech@example.com");
        assertThat(userNames(list("--user-type", "endUser"))).containsExactly("end1@example.com", "end2@example.com",
                "global@example.com", "untyped@example.com");
        assertThat(userNames(list("--user-type", "technician", "--active"))).containsExactly("tech@example.com");
    }

    @Test
    void organization_chooses_one_organization_or_the_global_end_users() {
        seedKinds();
        assertThat(userNames(list("--organization", "2"))).containsExactly("end2@example.com");
        assertThat(userNames(list("--organization", "all"))).containsExactly("global@example.com", "untyped@example.com");
        CliResult bad = cli(server).run("users", "list", "--organization", "1\" or userName pr or \"").assertExit(ExitCode.USAGE);
        assertThat(bad.err()).contains("is not a NinjaOne organization id");
    }

    @Test
    void a_raw_filter_is_combined_with_the_shortcuts() {
        seedKinds();
        assertThat(userNames(list("--filter", "userName sw \"end\" or userName sw \"tech\"", "--active")))
                .containsExactly("end1@example.com", "end2@example.com", "tech@example.com");
        CliResult bad = cli(server).run("users", "list", "--filter", "userName xx 1").assertExit(ExitCode.PROBLEMS);
        assertThat(bad.err()).contains("400").contains("invalidFilter");
    }

    @Test
    void a_server_without_filtering_is_filtered_here_and_says_so() {
        plainServer.seedUser(user("tech@example.com").type("technician").json());
        plainServer.seedUser(user("end@example.com").type("endUser").organization("3").json());
        plainServer.seedUser(user("o\"dd\\@example.com").type("endUser").json());
        CliResult r = cli(plainServer).run("users", "list", "--user-type", "endUser", "--organization", "3")
                .assertExit(ExitCode.OK);
        assertThat(userNames(r)).containsExactly("end@example.com");
        assertThat(r.err()).contains("note: the server does not support filtering");
        assertThat(userNames(cli(plainServer).run("users", "list", "--user-name", "O\"DD\\@example.com")
                .assertExit(ExitCode.OK))).containsExactly("o\"dd\\@example.com");
        assertThat(userNames(cli(plainServer).run("users", "list", "--filter", "name.givenName eq \"given\" and "
                + "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User:userType eq \"TECHNICIAN\"")
                .assertExit(ExitCode.OK))).containsExactly("tech@example.com");
        CliResult unreadable = cli(plainServer).run("users", "list", "--filter", "userName eq alice")
                .assertExit(ExitCode.USAGE);
        assertThat(unreadable.err()).contains("does not support filtering").contains("needs double quotes");
    }

    @Test
    void an_empty_answer_to_a_shortcut_is_checked_against_every_user() {
        seedKinds();
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            // A server that cannot evaluate the filter and finds nothing: the real server, asked for nobody.
            proxy.rule(r -> r.target().contains("filter=") && !r.target().contains("nobody")
                    ? Fault.redirect(proxy.origin() + r.target().replaceAll("filter=[^&]*",
                    "filter=userName%20eq%20%22nobody%22"))
                    : Fault.forward());
            CliResult r = new CliRunner(config).env("SCIMCTL_URL", proxy.baseUrl()).env("SCIMCTL_TOKEN", server.token())
                    .run("users", "list", "--user-type", "technician").assertExit(ExitCode.OK);
            assertThat(userNames(r)).containsExactly("tech-gone@example.com", "tech@example.com");
            assertThat(r.err()).contains("the server found none").contains("checks every resource of /Users itself");
        }
    }

    @Test
    void results_the_server_returns_for_a_shortcut_are_checked_here() {
        seedKinds();
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            // Strip the filter before it reaches the server: it answers with everyone, as SCIMMY does for a
            // filter on an attribute it cannot resolve.
            proxy.rule(r -> r.target().contains("filter=") ? Fault.redirect(
                    proxy.origin() + r.target().replaceAll("filter=[^&]*&", "")) : Fault.forward());
            CliResult r = new CliRunner(config).env("SCIMCTL_URL", proxy.baseUrl()).env("SCIMCTL_TOKEN", server.token())
                    .run("users", "list", "--organization", "2").assertExit(ExitCode.OK);
            assertThat(userNames(r)).containsExactly("end2@example.com");
            assertThat(r.err()).contains("returned resources that do not match the filter");
        }
    }

    @Test
    void a_server_that_refuses_the_filter_is_filtered_here() {
        seedKinds();
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            proxy.rule(r -> r.target().contains("filter=")
                    ? Fault.respond(400, java.util.Map.of("Content-Type", "application/scim+json"),
                    "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"400\","
                            + "\"scimType\":\"invalidFilter\",\"detail\":\"filters on extensions are not supported\"}")
                    : Fault.forward());
            CliResult r = new CliRunner(config).env("SCIMCTL_URL", proxy.baseUrl()).env("SCIMCTL_TOKEN", server.token())
                    .run("users", "list", "--user-type", "technician").assertExit(ExitCode.OK);
            assertThat(userNames(r)).containsExactly("tech-gone@example.com", "tech@example.com");
            assertThat(r.err()).contains("the server refused the filter").contains("not supported");
        }
    }

    @Test
    void sorts_where_the_server_can_and_says_so_where_it_cannot() {
        server.seedUsers(12);
        List<String> sorted = list("--sort-by", "userName", "--descending", "--fields", "userName", "--page-size", "5")
                .out().lines().toList();
        assertThat(sorted).hasSize(12).first().isEqualTo("user0012@example.com");
        assertThat(sorted).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        plainServer.seedUsers(3);
        CliResult r = cli(plainServer).run("users", "list", "--sort-by", "userName").assertExit(ExitCode.OK);
        assertThat(r.out().lines()).hasSize(3);
        assertThat(r.err()).contains("does not support sorting").contains("--sort-by is ignored");
    }

    @Test
    void limit_stops_early_and_concurrency_does_not_change_the_output() {
        server.seedUsers(60);
        assertThat(list("--limit", "42", "--page-size", "10").out().lines()).hasSize(42);
        assertThat(list("--page-size", "7", "--concurrency", "1").out())
                .isEqualTo(list("--page-size", "7", "--concurrency", "8").out()).hasLineCount(60);
        assertThat(cli(server).run("users", "list", "--concurrency", "99").assertExit(ExitCode.USAGE).err())
                .contains("--concurrency must be 1 to 16");
    }

    @Test
    void an_export_as_csv_is_a_file_validate_accepts() throws Exception {
        seedKinds();
        server.seedUser(user("comma@example.com").name("Jo, Jr.", "O'Neil \"JJ\"").type("endUser").organization("5")
                .json());
        Path export = config.resolve("current.csv");
        java.nio.file.Files.writeString(export, list("-o", "csv").out());
        CliResult r = cli(server).run("validate", export.toString()).assertExit(ExitCode.OK);
        assertThat(r.out()).contains("7 rows").contains("No problems found");
    }

    @Test
    void csv_output_neutralises_formulas() throws Exception {
        server.seedUser(user("eve@example.com").name("=HYPERLINK(\"http://evil\")", "@SUM(1)").json());
        List<String[]> rows = new CSVReader(new StringReader(list("-o", "csv").out())).readAll();
        assertThat(rows.get(1)[1]).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(rows.get(1)[2]).isEqualTo("'@SUM(1)");
    }

    @Test
    void an_empty_result_is_not_an_error() throws Exception {
        assertThat(list().out()).isEmpty();
        assertThat(JSON.readTree(list("-o", "json").out()).size()).isZero();
        CliResult table = cli(server).terminals(Terminals.ALL).env("NO_COLOR", "1").run("users", "list")
                .assertExit(ExitCode.OK);
        assertThat(table.out()).isEmpty();
        assertThat(table.err()).contains("no users");
    }

    @Test
    void a_wrong_token_exits_4_with_nothing_on_stdout_and_blames_ninjaones_expiry() {
        // Behind a proxy that hides the sandbox's realm, the 401 reads as any other server's (NinjaOne's).
        try (FaultProxy other = FaultProxy.start(server.baseUrl())) {
            other.rule(r -> Fault.responseHeader("WWW-Authenticate", "Bearer"));
            CliResult r = new CliRunner(config).env("SCIMCTL_URL", other.baseUrl()).env("SCIMCTL_TOKEN", "wrong")
                    .run("users", "list", "-o", "json").assertExit(ExitCode.AUTH);
            assertThat(r.err()).contains("401").contains("six months").doesNotContain("This is a scimctl sandbox");
            assertThat(r.out()).isEmpty();
        }
    }

    @Test
    void a_token_the_sandbox_refuses_is_to_be_copied_from_the_sandbox_not_regenerated() {
        CliResult r = new CliRunner(config).env("SCIMCTL_URL", server.baseUrl()).env("SCIMCTL_TOKEN", "wrong")
                .run("users", "list").assertExit(ExitCode.AUTH);
        assertThat(r.err()).contains("401").contains("This is a scimctl sandbox").contains("copy the token it printed")
                .contains("--data FILE").doesNotContain("six months");
    }

    @Test
    void a_listing_that_fails_half_way_keeps_what_it_wrote_and_leaves_json_unclosed() {
        server.seedUsers(30);
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            proxy.rule(r -> r.target().contains("startIndex=21&") ? Fault.statusWithScimError(500, "disk on fire")
                    : Fault.forward());
            CliRunner viaProxy = new CliRunner(config).env("SCIMCTL_URL", proxy.baseUrl())
                    .env("SCIMCTL_TOKEN", server.token());
            CliResult nd = viaProxy.run("users", "list", "-o", "ndjson", "--page-size", "10").assertExit(ExitCode.SERVER);
            assertThat(nd.out().lines()).hasSize(20);
            assertThat(nd.err()).contains("500").contains("disk on fire");
            CliResult json = viaProxy.run("users", "list", "-o", "json", "--page-size", "10").assertExit(ExitCode.SERVER);
            assertThat(json.out()).startsWith("[").contains("user0020@example.com");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> JSON.readTree(json.out()))
                    .isInstanceOf(com.fasterxml.jackson.core.JsonProcessingException.class);
        }
    }

    @Test
    void help_names_every_field() {
        CliResult r = cli(server).run("users", "list", "--help").assertExit(ExitCode.OK);
        String help = r.out().replaceAll("\\s+", " ");
        for (var f : UserFields.FIELDS.all()) {
            assertThat(help).contains(f.name());
        }
        assertThat(help).contains("Exit codes:").contains("Examples:");
    }
}
