package dev.scimctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.ExitCode;
import dev.scimctl.output.Terminals;
import dev.scimctl.scim.ScimJson;
import dev.scimctl.importer.Journal;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.FaultProxy;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code scimctl import} end to end against the real in-process SCIM server, with examples/users.csv. */
@Timeout(120)
class ImportCommandTest {
    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @TempDir
    Path dir;

    private Path users;

    /** What examples/users.csv must become on the server: userName → given, family, userType, organizationId. */
    private static final Map<String, List<String>> EXPECTED = new TreeMap<>(Map.ofEntries(
            Map.entry("alice.martin@northwind-msp.com", List.of("Alice", "Martin", "technician", "")),
            Map.entry("Bartek.Kowalski@northwind-msp.com", List.of("Bartek", "Kowalski", "technician", "")),
            Map.entry("chloe.dubois@northwind-msp.com", List.of("Chloé", "Dubois", "technician", "")),
            Map.entry("dan.nguyen@northwind-msp.com", List.of("Dan", "Nguyen", "endUser", "All")),
            Map.entry("efua.osei@northwind-msp.com", List.of("Efua", "Osei", "", "")),
            Map.entry("f.garcia@contoso-dental.example", List.of("Fernando", "García", "endUser", "101")),
            Map.entry("greta.mueller@contoso-dental.example", List.of("Greta", "Müller", "endUser", "101")),
            Map.entry("h.smith@fabrikam-law.example", List.of("Harriet", "Smith-Jones", "endUser", "102")),
            Map.entry("ike.okafor@fabrikam-law.example", List.of("Ike", "Okafor", "endUser", "102")),
            Map.entry("jin.lee@tailspin-labs.example", List.of("Jin", "Lee", "endUser", "205")),
            Map.entry("kim.o'brien@tailspin-labs.example", List.of("Kim", "O'Brien", "endUser", "205"))));

    @BeforeEach
    void copyTheExample() throws Exception {
        users = dir.resolve("users.csv");
        Files.copy(Path.of("examples/users.csv"), users);
    }

    private CliRunner cli() {
        return new CliRunner(dir.resolve("config")).env("SCIMCTL_TOKEN", server.token()).env("SCIMCTL_URL", server.baseUrl());
    }

    private CliResult importUsers(String... extra) {
        List<String> args = new ArrayList<>(List.of("import", "--yes"));
        args.addAll(List.of(extra));
        args.add(users.toString());
        return cli().run(args.toArray(String[]::new));
    }

    @Test
    void imports_every_user_of_the_example_with_the_right_attributes() {
        CliResult r = importUsers("--report", dir.resolve("report.csv").toString()).assertExit(ExitCode.OK);

        assertThat(server.store().userCount()).isEqualTo(EXPECTED.size());
        Map<String, List<String>> actual = new TreeMap<>();
        for (ObjectNode u : server.store().users()) {
            JsonNode ext = u.path(ScimJson.NINJAONE_USER);
            actual.put(u.path("userName").asText(), List.of(u.path("name").path("givenName").asText(),
                    u.path("name").path("familyName").asText(), ext.path("userType").asText(""),
                    ext.path("organizationId").asText("")));
            assertThat(u.path("active").asBoolean()).isTrue();
            assertThat(u.path("emails")).hasSize(1);
            assertThat(u.path("emails").get(0).path("value").asText()).isEqualTo(u.path("userName").asText());
            assertThat(u.path("emails").get(0).path("primary").asBoolean()).isTrue();
        }
        assertThat(actual).isEqualTo(EXPECTED);
        assertThat(groupMembers()).containsEntry("Escalations", List.of("Bartek.Kowalski@northwind-msp.com"))
                .containsEntry("Fabrikam Law", List.of("h.smith@fabrikam-law.example", "ike.okafor@fabrikam-law.example"))
                .hasSize(6);
        assertThat(r.err()).contains("Imported in").contains("11 created, 0 updated, 0 unchanged, 0 deactivated, 0 failed")
                .contains("groups: 6 created, 12 members added");
    }

    @Test
    void debug_times_each_phase_on_stderr_and_the_import_is_unchanged() {
        CliResult r = importUsers("--debug").assertExit(ExitCode.OK);

        List<String> phases = r.err().lines().filter(l -> l.startsWith("debug: import phase ")).toList();
        assertThat(phases).hasSize(4);
        assertThat(phases.get(0)).matches("debug: import phase read\\+validate: \\d+ ms");
        assertThat(phases.get(1)).matches("debug: import phase read server: \\d+ ms");
        assertThat(phases.get(2)).matches("debug: import phase plan: \\d+ ms");
        assertThat(phases.get(3)).matches("debug: import phase apply: \\d+ ms");
        assertThat(r.err()).contains("11 created, 0 updated, 0 unchanged, 0 deactivated, 0 failed")
                .contains("groups: 6 created, 12 members added");
        assertThat(server.store().userCount()).isEqualTo(EXPECTED.size());
        assertThat(groupMembers()).hasSize(6);
    }

    @Test
    void without_debug_no_phase_is_timed() {
        CliResult r = importUsers("--dry-run").assertExit(ExitCode.OK);

        assertThat(r.err()).doesNotContain("import phase").doesNotContain("debug:");
        assertThat(r.err()).contains("users: 11 to create");
    }

    @Test
    void split_realname_imports_a_duo_export_with_only_a_real_name_column() throws Exception {
        Path duo = dir.resolve("duo-export.csv");
        Files.writeString(duo, "Username,Email,Real Name,userType,organizationId\n"
                + "alice,alice@example.com,Alice Martin,endUser,1\n"
                + "jp,jp@example.com,Jean Paul Sartre,endUser,1\n");
        CliResult without = cli().run("import", "--yes", duo.toString()).assertExit(ExitCode.PROBLEMS);
        assertThat(without.err()).contains("--split-realname splits it");
        assertThat(server.store().userCount()).isZero();

        CliResult r = cli().run("import", "--yes", "--split-realname", duo.toString()).assertExit(ExitCode.OK);
        assertThat(r.err()).contains(duo + ":3").contains("realname-split-unsure");
        Map<String, String> names = new TreeMap<>();
        for (ObjectNode u : server.store().users()) {
            names.put(u.path("userName").asText(), u.path("name").path("givenName").asText() + "|"
                    + u.path("name").path("familyName").asText());
        }
        assertThat(names).containsExactly(Map.entry("alice@example.com", "Alice|Martin"),
                Map.entry("jp@example.com", "Jean Paul|Sartre"));
    }

    @Test
    void a_second_run_plans_nothing_and_changes_nothing() {
        importUsers().assertExit(ExitCode.OK);
        String before = server.store().users().toString() + server.store().groups();

        CliResult again = importUsers().assertExit(ExitCode.OK);

        assertThat(again.out()).isEmpty();
        assertThat(again.err()).contains("users: 0 to create, 0 to update, 11 unchanged").contains("Nothing to change");
        assertThat(server.store().users().toString() + server.store().groups()).isEqualTo(before);
    }

    @Test
    void an_edited_file_plans_exactly_the_edits() throws Exception {
        importUsers().assertExit(ExitCode.OK);
        String csv = Files.readString(users)
                .replace("hsmith,h.smith@fabrikam-law.example,Harriet,Smith-Jones", "hsmith,h.smith@fabrikam-law.example,Harriet,Smith")
                .replace("Jin Lee,active,endUser,205,Tailspin Labs", "Jin Lee,active,technician,,Tailspin Labs");
        Files.writeString(users, csv);

        CliResult plan = cli().run("import", "--dry-run", users.toString()).assertExit(ExitCode.OK);

        assertThat(plan.out().lines()).containsExactly(
                "update\t10\th.smith@fabrikam-law.example\tfamilyName: \"Smith-Jones\" → \"Smith\"",
                "update\t12\tjin.lee@tailspin-labs.example\tuserType: \"endUser\" → \"technician\"; organizationId: \"205\" → \"All\"");
    }

    @Test
    void dry_run_changes_nothing_and_writes_no_journal() {
        CliResult r = cli().run("import", "--dry-run", "--plan-out", dir.resolve("plan.json").toString(), users.toString())
                .assertExit(ExitCode.OK);

        assertThat(server.store().userCount()).isZero();
        assertThat(server.store().groups()).isEmpty();
        assertThat(dir.resolve("config/.local/state/scimctl/journals")).doesNotExist();
        assertThat(r.err()).doesNotContain("journal:");
        assertThat(r.out().lines()).hasSize(11 + 6 + 12).first().asString().startsWith("create\t2\talice.martin@northwind-msp.com\t");
        assertThat(r.err()).contains("users: 11 to create, 0 to update, 0 unchanged; groups: 6 to create, 12 members to add")
                .contains("Dry run: nothing was changed.");
        assertThat(dir.resolve("plan.json")).content(StandardCharsets.UTF_8).contains("\"changes\" : 29");
    }

    @Test
    void deactivate_missing_deactivates_what_the_plan_said_and_deletes_nobody() throws Exception {
        importUsers().assertExit(ExitCode.OK);
        Files.write(users, Files.readAllLines(users).stream().filter(l -> !l.startsWith("jlee,")).toList());

        CliResult plan = cli().run("import", "--dry-run", "--deactivate-missing", users.toString()).assertExit(ExitCode.OK);
        assertThat(plan.out().lines()).containsExactly("deactivate\t\tjin.lee@tailspin-labs.example\tactive: \"true\" → \"false\"");

        importUsers("--deactivate-missing").assertExit(ExitCode.OK);
        assertThat(server.store().userCount()).isEqualTo(11);
        assertThat(server.store().userByUserName("jin.lee@tailspin-labs.example").orElseThrow().path("active").asBoolean())
                .isFalse();
    }

    @Test
    void sync_groups_moves_a_member_as_the_plan_said() throws Exception {
        importUsers().assertExit(ExitCode.OK);
        Files.writeString(users, Files.readString(users).replace(
                "kbrown,kim.o'brien@tailspin-labs.example,Kim,O'Brien,Kim O'Brien,active,endUser,205,Tailspin Labs",
                "kbrown,kim.o'brien@tailspin-labs.example,Kim,O'Brien,Kim O'Brien,active,endUser,205,Fabrikam Law"));
        String kim = server.store().userByUserName("kim.o'brien@tailspin-labs.example").orElseThrow().path("id").asText();

        CliResult plan = cli().run("import", "--dry-run", "--sync-groups", users.toString()).assertExit(ExitCode.OK);
        assertThat(plan.out().lines()).containsExactly(
                "add-member\t\tkim.o'brien@tailspin-labs.example\tto group Fabrikam Law",
                "remove-member\t\tkim.o'brien@tailspin-labs.example\tfrom group Tailspin Labs (id " + kim + ")");

        importUsers("--sync-groups").assertExit(ExitCode.OK);
        assertThat(groupMembers()).containsEntry("Tailspin Labs", List.of("jin.lee@tailspin-labs.example"))
                .containsEntry("Fabrikam Law", List.of("h.smith@fabrikam-law.example", "ike.okafor@fabrikam-law.example",
                        "kim.o'brien@tailspin-labs.example"));
        // Without --sync-groups nothing is ever removed.
        assertThat(cli().run("import", "--dry-run", users.toString()).out()).isEmpty();
    }

    @Test
    void without_a_terminal_yes_is_required_and_the_server_is_not_contacted() {
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            CliResult r = cli().env("SCIMCTL_URL", proxy.baseUrl()).run("import", users.toString())
                    .assertExit(ExitCode.USAGE);
            assertThat(r.err()).contains("--yes").contains("--dry-run");
            assertThat(proxy.totalCount()).isZero();
        }
    }

    @Test
    void on_a_terminal_the_counts_are_confirmed_and_no_means_nothing_changes() {
        CliResult no = cli().terminals(Terminals.ALL).stdin("n\n").run("import", users.toString())
                .assertExit(ExitCode.PROBLEMS);
        assertThat(no.err()).contains("Apply 29 changes (the plan's count: users, groups and memberships) to " + server.baseUrl() + "? [y/N]").contains("Nothing was changed.");
        assertThat(server.store().userCount()).isZero();

        cli().terminals(Terminals.ALL).stdin("y\n").run("import", users.toString()).assertExit(ExitCode.OK);
        assertThat(server.store().userCount()).isEqualTo(11);
    }

    @Test
    void max_changes_refuses_a_bigger_plan_and_changes_nothing() {
        CliResult r = importUsers("--max-changes", "28").assertExit(ExitCode.PROBLEMS);
        assertThat(r.err()).contains("the plan has 29 changes, more than --max-changes 28");
        assertThat(server.store().userCount()).isZero();
        importUsers("--max-changes", "29").assertExit(ExitCode.OK);
    }

    @Test
    void validation_errors_stop_the_import_before_anything_changes() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.copy(Path.of("examples/users-with-mistakes.csv"), bad);

        CliResult r = cli().run("import", "--yes", bad.toString()).assertExit(ExitCode.PROBLEMS);

        assertThat(r.err()).contains("validation error").contains("--skip-invalid").contains("[");
        assertThat(server.store().userCount()).isZero();
    }

    @Test
    void skip_invalid_imports_the_valid_rows_and_reports_every_row() throws Exception {
        Path bad = dir.resolve("bad.csv");
        Files.copy(Path.of("examples/users-with-mistakes.csv"), bad);
        Path report = dir.resolve("report.csv");

        CliResult r = cli().run("import", "--yes", "--skip-invalid", "--report", report.toString(), bad.toString())
                .assertExit(ExitCode.PROBLEMS);

        List<String> lines = Files.readAllLines(report);
        assertThat(lines).hasSize(1 + 16);
        assertThat(lines.stream().skip(1).map(l -> l.split(",", 2)[0]))
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(2, 17).mapToObj(Integer::toString).toList());
        assertThat(lines.stream().filter(l -> l.contains(",skip,skipped,"))).hasSize(11);
        assertThat(lines).anyMatch(l -> l.startsWith("3,bartek.kowalski@northwind-msp.com,skip,skipped,,,")
                && l.contains("[user-type-spelling]"));
        assertThat(lines).anyMatch(l -> l.startsWith("2,alice.martin@northwind-msp.com,create,done,"));
        // A list of organizations is only a warning (NinjaOne may accept some syntax): it is sent, and the server decides.
        assertThat(lines).anyMatch(l -> l.startsWith("14,marco.rossi@contoso-dental.example,create,failed,")
                && l.contains("400 Bad Request"));
        assertThat(server.store().userCount()).isEqualTo(4);
        assertThat(r.err()).contains("4 created").contains("1 failed").contains("11 skipped");
    }

    @Test
    void the_report_has_one_line_per_row_with_the_users_id() throws Exception {
        Path report = dir.resolve("report.csv");
        importUsers("--report", report.toString()).assertExit(ExitCode.OK);

        List<String> lines = Files.readAllLines(report);
        assertThat(lines.get(0)).isEqualTo("line,userName,action,outcome,id,detail,error");
        assertThat(lines).hasSize(12);
        String id = server.store().userByUserName("greta.mueller@contoso-dental.example").orElseThrow().path("id").asText();
        assertThat(lines).contains("8,greta.mueller@contoso-dental.example,create,done," + id
                + ",created; added to group Contoso Dental,");
    }

    @Test
    void an_output_that_cannot_be_written_stops_the_import_before_anything_changes() {
        CliResult r = importUsers("--report", dir.resolve("no/such/dir/report.csv").toString())
                .assertExit(ExitCode.INPUT);
        assertThat(r.err()).contains("report.csv: cannot be written (no such directory)");
        assertThat(server.store().userCount()).isZero();
    }

    @Test
    void an_output_file_that_is_the_input_file_is_refused_before_anything_changes() throws Exception {
        byte[] original = Files.readAllBytes(users);
        Path sameByAnotherName = Files.createDirectories(dir.resolve("sub")).resolve("../users.csv");
        for (String option : List.of("--report", "--plan-out", "--journal")) {
            for (Path output : List.of(users, sameByAnotherName)) {
                CliResult r = importUsers(option, output.toString()).assertExit(ExitCode.USAGE);
                assertThat(r.err()).contains(option).contains("the input file");
            }
        }
        CliResult r = importUsers("--report", dir.resolve("out").toString(), "--journal", dir.resolve("out").toString())
                .assertExit(ExitCode.USAGE);
        assertThat(r.err()).contains("--report").contains("--journal");

        assertThat(Files.readAllBytes(users)).isEqualTo(original);
        assertThat(server.store().userCount()).isZero();
    }

    @Test
    void the_token_is_in_no_file_the_import_writes() throws Exception {
        importUsers("--report", dir.resolve("report.csv").toString(), "--plan-out", dir.resolve("plan.json").toString())
                .assertExit(ExitCode.OK);
        for (String f : List.of("report.csv", "plan.json")) {
            assertThat(dir.resolve(f)).exists().content(StandardCharsets.UTF_8).doesNotContain(server.token());
        }
        assertThat(Journal.defaultFor(dir.resolve("config/.local/state/scimctl/journals"), users)).exists()
                .content(StandardCharsets.UTF_8).doesNotContain(server.token());
    }

    @Test
    void nothing_but_the_plan_goes_to_stdout_and_no_progress_or_colour_when_piped() {
        CliResult r = importUsers().assertExit(ExitCode.OK);
        assertThat(r.out().lines()).allMatch(l -> l.split("\t", -1).length == 4);
        assertThat(r.err()).doesNotContain("\r").doesNotContain("\u001b[");
    }

    private Map<String, List<String>> groupMembers() {
        Map<String, List<String>> groups = new TreeMap<>();
        for (ObjectNode g : server.store().groups()) {
            List<String> names = StreamSupport.stream(g.path("members").spliterator(), false)
                    .map(m -> server.store().user(m.path("value").asText()).orElseThrow().path("userName").asText())
                    .sorted().toList();
            groups.put(g.path("displayName").asText(), names);
        }
        return groups;
    }
}
