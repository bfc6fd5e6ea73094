package dev.scimctl.cli.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import dev.scimctl.ExitCode;
import dev.scimctl.output.Terminals;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.FaultProxy;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class GroupsCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @RegisterExtension
    static final ScimServerExtension plainServer = ScimServerExtension.create(b -> b.filter(false));

    @TempDir
    Path config;

    private CliRunner cli(String url, String token) {
        return new CliRunner(config).env("SCIMCTL_URL", url).env("SCIMCTL_TOKEN", token);
    }

    private CliRunner cli(ScimServerExtension s) {
        return cli(s.baseUrl(), s.token());
    }

    @Test
    void list_shows_name_id_and_member_count_in_every_format() throws Exception {
        List<String> users = server.seedUsers(3);
        String techs = server.seedGroup("Technicians", users.get(0), users.get(1));
        String empty = server.seedGroup("Empty");
        assertThat(cli(server).run("groups", "list").assertExit(ExitCode.OK).out().lines())
                .containsExactly("Technicians\t" + techs + "\t2", "Empty\t" + empty + "\t0");
        CliResult table = cli(server).terminals(Terminals.ALL).env("NO_COLOR", "1").run("groups", "list")
                .assertExit(ExitCode.OK);
        assertThat(table.out().lines().findFirst().orElseThrow()).matches("DISPLAYNAME +ID +MEMBERS");
        List<String[]> csv = new CSVReader(new StringReader(cli(server).run("groups", "list", "-o", "csv")
                .assertExit(ExitCode.OK).out())).readAll();
        assertThat(csv.get(1)).containsExactly("Technicians", techs, "2");
        JsonNode flat = JSON.readTree(cli(server).run("groups", "list", "-o", "json", "--fields", "displayName,members")
                .assertExit(ExitCode.OK).out());
        assertThat(flat.get(0).toString()).isEqualTo("{\"displayName\":\"Technicians\",\"members\":2}");
        JsonNode whole = JSON.readTree(cli(server).run("groups", "list", "-o", "ndjson").assertExit(ExitCode.OK)
                .out().lines().findFirst().orElseThrow());
        assertThat(whole.path("members").size()).isEqualTo(2);
        assertThat(whole.path("meta").path("resourceType").asText()).isEqualTo("Group");
    }

    @Test
    void a_name_the_filter_misses_is_looked_for_in_one_listing_of_every_group_not_in_pages_of_ten() {
        for (int i = 1; i <= 25; i++) {
            server.seedGroup("Team " + i);
        }
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            List<String> targets = new java.util.concurrent.CopyOnWriteArrayList<>();
            proxy.rule(r -> {
                if (r.method().equals("GET") && r.path().endsWith("/Groups")) {
                    targets.add(r.target());
                }
                return FaultProxy.Fault.forward();
            });

            CliResult r = cli(proxy.baseUrl(), server.token()).run("groups", "get", "No Such Team");

            r.assertExit(ExitCode.PROBLEMS);
            assertThat(targets).as("the filtered request, then every group in one page").hasSize(2);
            assertThat(targets.get(1)).doesNotContain("filter=");
        }
    }

    @Test
    void list_asks_only_for_the_attributes_its_columns_need() {
        server.seedGroup("Technicians", server.seedUsers(2).toArray(String[]::new));
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            List<String> targets = new java.util.concurrent.CopyOnWriteArrayList<>();
            proxy.rule(r -> {
                targets.add(r.target());
                return FaultProxy.Fault.forward();
            });
            cli(proxy.baseUrl(), server.token()).run("groups", "list", "--fields", "displayName,id")
                    .assertExit(ExitCode.OK);
            cli(proxy.baseUrl(), server.token()).run("groups", "list").assertExit(ExitCode.OK);
            assertThat(targets).anyMatch(t -> t.contains("attributes=displayName&"))
                    .anyMatch(t -> t.contains("attributes=displayName%2Cmembers&"));
        }
    }

    @Test
    void get_shows_the_members_with_their_user_names_by_display_name_or_id() {
        List<String> users = server.seedUsers(3);
        String techs = server.seedGroup("NinjaOne Technicians", users.get(0), users.get(2));
        List<String> byName = cli(server).run("groups", "get", "ninjaone technicians").assertExit(ExitCode.OK)
                .out().lines().toList();
        assertThat(byName).containsExactly("user0001@example.com\tUser\t" + users.get(0),
                "user0003@example.com\tUser\t" + users.get(2));
        assertThat(cli(server).run("groups", "get", techs).assertExit(ExitCode.OK).out().lines().toList())
                .isEqualTo(byName);
        CliResult table = cli(server).terminals(Terminals.ALL).env("NO_COLOR", "1")
                .run("groups", "get", "NinjaOne Technicians").assertExit(ExitCode.OK);
        assertThat(table.out().lines().toList()).startsWith("NinjaOne Technicians  (id " + techs + ", 2 members)")
                .anyMatch(l -> l.matches("NAME +TYPE +ID"));
    }

    @Test
    void get_as_a_table_keeps_a_name_with_a_tab_or_line_break_on_its_heading_line() {
        String id = server.seedGroup("Help\tDesk\nNight\u001b[2J");
        CliResult table = cli(server).terminals(Terminals.ALL).env("NO_COLOR", "1")
                .run("groups", "get", id).assertExit(ExitCode.OK);
        assertThat(table.out().lines().findFirst().orElseThrow())
                .isEqualTo("Help Desk Night\\x1b[2J  (id " + id + ", 0 members)");
    }

    @Test
    void get_as_json_is_the_group_with_each_members_display_filled_in() throws Exception {
        List<String> users = server.seedUsers(2);
        server.seedGroup("Admins", users.get(1));
        JsonNode group = JSON.readTree(cli(server).run("groups", "get", "Admins", "-o", "json")
                .assertExit(ExitCode.OK).out());
        assertThat(group.path("displayName").asText()).isEqualTo("Admins");
        assertThat(group.path("members").get(0).path("value").asText()).isEqualTo(users.get(1));
        assertThat(group.path("members").get(0).path("display").asText()).isEqualTo("user0002@example.com");
    }

    @Test
    void names_members_with_one_listing_where_the_server_filters_and_one_get_each_where_it_cannot() {
        List<String> users = server.seedUsers(4);
        server.seedGroup("All", users.toArray(String[]::new));
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            CliResult r = cli(proxy.baseUrl(), server.token()).run("groups", "get", "All").assertExit(ExitCode.OK);
            assertThat(r.out().lines()).hasSize(4).allMatch(l -> l.startsWith("user000"));
            assertThat(proxy.count("GET", "/scim/v2/Users")).isEqualTo(1);
        }
        List<String> plainUsers = plainServer.seedUsers(3);
        plainServer.seedGroup("All", plainUsers.toArray(String[]::new));
        try (FaultProxy proxy = FaultProxy.start(plainServer.baseUrl())) {
            CliResult r = cli(proxy.baseUrl(), plainServer.token()).run("groups", "get", "All").assertExit(ExitCode.OK);
            assertThat(r.out().lines()).containsExactly("user0001@example.com\tUser\t" + plainUsers.get(0),
                    "user0002@example.com\tUser\t" + plainUsers.get(1), "user0003@example.com\tUser\t" + plainUsers.get(2));
            assertThat(proxy.count("GET", "/scim/v2/Users/" + plainUsers.get(1))).isEqualTo(1);
        }
    }

    @Test
    void an_unknown_group_exits_1() {
        CliResult r = cli(server).run("groups", "get", "Nobody's group").assertExit(ExitCode.PROBLEMS);
        assertThat(r.err()).contains("no group with the id or display name 'Nobody's group'");
    }

    @Test
    void create_and_rename_refuse_a_name_no_mapping_could_name_and_send_nothing() {
        String kept = server.seedGroup("Help Desk");
        for (String bad : List.of("", "   ", " Help Desk", "Night shift ")) {
            cli(server).run("groups", "create", bad).assertExit(ExitCode.USAGE).assertNoStackTrace()
                    .assertErrContains("group name");
            cli(server).run("groups", "rename", "Help Desk", bad).assertExit(ExitCode.USAGE).assertNoStackTrace()
                    .assertErrContains("group name");
        }
        assertThat(server.store().groups()).hasSize(1);
        assertThat(server.store().group(kept).orElseThrow().path("displayName").asText()).isEqualTo("Help Desk");
    }

    @Test
    void a_name_two_groups_match_only_ignoring_case_is_refused_not_guessed() {
        // The server lets two groups differ only in case; 'team' must not pick one of them, least of all for delete.
        String upper = server.seedGroup("TEAM");
        String title = server.seedGroup("Team");
        for (String[] args : List.of(new String[]{"groups", "get", "team"},
                new String[]{"groups", "delete", "team", "--yes"},
                new String[]{"groups", "rename", "team", "Crew"})) {
            CliResult r = cli(server).run(args).assertExit(ExitCode.PROBLEMS).assertNoStackTrace();
            assertThat(r.err()).contains("TEAM").contains("Team").contains(upper).contains(title);
        }
        assertThat(server.store().groups()).hasSize(2);
        cli(server).run("groups", "get", "Team", "-o", "json").assertExit(ExitCode.OK).assertOutContains(title);
    }

    @Test
    void a_name_that_differs_only_in_how_an_accent_is_encoded_is_the_same_name() {
        // "é" as e + U+0301 on the server, as one code point on the command line: they look the same, and a second
        // group of that look could not be told apart in NinjaOne's group mapping.
        String decomposed = server.seedGroup("Cafe\u0301 Staff");
        cli(server).run("groups", "create", "Caf\u00e9 Staff").assertExit(ExitCode.PROBLEMS)
                .assertErrContains("exists already", decomposed);
        assertThat(server.store().groups()).hasSize(1);
        cli(server).run("groups", "get", "caf\u00e9 staff", "-o", "json").assertExit(ExitCode.OK)
                .assertOutContains(decomposed);
    }
}
