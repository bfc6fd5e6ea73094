package dev.scimctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.ExitCode;
import dev.scimctl.config.StateFolder;
import dev.scimctl.importer.Journal;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.FaultProxy;
import dev.scimctl.testing.FaultProxy.Fault;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import undo} against the in-process server: an import that creates, updates, deactivates and changes
 * memberships, then its undo, compared attribute by attribute with the server as it was before the import.
 */
@Timeout(120)
class ImportUndoTest {
    private static final String EXT = "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User";

    /** DELETE removes, as RFC 7644 says: what --delete needs to restore a server exactly. */
    @RegisterExtension
    final ScimServerExtension server = ScimServerExtension.create();

    @TempDir
    Path dir;

    private Path csv;
    private Path journal;
    private String annaId;

    private CliRunner cli() {
        return new CliRunner(dir.resolve("config")).env("SCIMCTL_URL", server.baseUrl()).env("SCIMCTL_TOKEN", server.token());
    }

    /**
     * Before: Anna (an end user of organization 1, a private e-mail), Bob and Carl, active; group Staff holds Bob and
     * Carl. The file updates Anna (name, type, organization, e-mail), keeps Carl, creates Nina and Nils, puts Anna, Carl
     * and Nina in Staff and Nils in a new group Fresh; with --deactivate-missing and --sync-groups, Bob is deactivated
     * and removed from Staff.
     */
    @BeforeEach
    void seed() throws Exception {
        ObjectNode anna = JsonNodeFactory.instance.objectNode();
        anna.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:User").add(EXT);
        anna.put("userName", "anna@example.com");
        anna.putObject("name").put("givenName", "Anna").put("familyName", "Alt");
        anna.putArray("emails").addObject().put("value", "anna.private@example.org").put("type", "home");
        anna.put("active", true);
        anna.putObject(EXT).put("userType", "endUser").put("organizationId", "1");
        annaId = server.seedUser(anna);
        String bob = server.seedUser("bob@example.com");
        String carl = server.seedUser("carl@example.com");
        server.seedGroup("Staff", bob, carl);
        csv = dir.resolve("users.csv");
        Files.writeString(csv, """
                username,email,firstname,lastname,userType,organizationId,group1
                anna,anna@example.com,Anne,Alt,technician,,Staff
                carl,carl@example.com,Given,Family,,,Staff
                nina,nina@example.com,Nina,New,endUser,All,Staff
                nils,nils@example.com,Nils,New,technician,,Fresh
                """);
        // Where import keeps it: the state folder under the runner's HOME.
        journal = Journal.defaultFor(StateFolder.journals(Map.of("HOME", dir.resolve("config").toString())), csv);
    }

    private CliResult importFile(CliRunner cli) {
        return cli.run("import", "--yes", "--deactivate-missing", "--sync-groups", csv.toString());
    }

    /** Every user and group, by userName / displayName, without meta, members in a stable order. */
    private Map<String, JsonNode> snapshot() {
        Map<String, JsonNode> all = new TreeMap<>();
        for (ObjectNode u : server.store().users()) {
            ObjectNode copy = u.deepCopy();
            copy.remove("meta");
            copy.remove("groups");
            all.put("user " + u.path("userName").asText(), copy);
        }
        for (ObjectNode g : server.store().groups()) {
            ObjectNode copy = g.deepCopy();
            copy.remove("meta");
            if (copy.get("members") instanceof ArrayNode members) {
                List<JsonNode> sorted = new ArrayList<>();
                members.forEach(m -> sorted.add(((ObjectNode) m.deepCopy()).retain("value")));
                sorted.sort(Comparator.comparing(m -> m.path("value").asText()));
                copy.putArray("members").addAll(sorted);
            }
            all.put("group " + g.path("displayName").asText(), copy);
        }
        return all;
    }

    @Test
    void import_then_undo_with_delete_restores_the_server_exactly() {
        Map<String, JsonNode> before = snapshot();
        importFile(cli()).assertExit(ExitCode.OK);
        assertThat(snapshot()).isNotEqualTo(before);

        CliResult undo = cli().run("import", "undo", "--yes", "--delete", csv.toString()).assertExit(ExitCode.OK);

        assertThat(undo.out().lines()).contains(
                "revert\t2\tanna@example.com\tgivenName: \"Anne\" → \"Anna\"; email: \"anna@example.com\" → "
                        + "\"anna.private@example.org\"; userType: \"technician\" → \"endUser\"; organizationId: \"All\" → \"1\"",
                "reactivate\t\tbob@example.com\tactive: \"false\" → \"true\"",
                "delete\t4\tnina@example.com\tcreated by the import: deleted",
                "add-member\t\tbob@example.com\tback to group Staff",
                "remove-member\t\tanna@example.com\tfrom group Staff",
                "delete-group\t\tFresh\tcreated by the import; empty once its members are removed");
        assertThat(undo.err()).contains("Undone in").contains("0 failed, 0 conflicts kept");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void without_delete_created_users_are_deactivated_and_all_else_is_as_before() {
        Map<String, JsonNode> before = snapshot();
        importFile(cli()).assertExit(ExitCode.OK);

        cli().run("import", "undo", "--yes", csv.toString()).assertExit(ExitCode.OK);

        Map<String, JsonNode> after = snapshot();
        assertThat(after.get("user nina@example.com").path("active").asBoolean()).isFalse();
        assertThat(after.get("user nils@example.com").path("active").asBoolean()).isFalse();
        after.remove("user nina@example.com");
        after.remove("user nils@example.com");
        assertThat(after).isEqualTo(before);
    }

    @Test
    void a_value_changed_since_the_import_is_a_conflict_and_kept_unless_forced() {
        Map<String, JsonNode> before = snapshot();
        importFile(cli()).assertExit(ExitCode.OK);
        ObjectNode anna = server.store().user(annaId).orElseThrow().deepCopy();
        ((ObjectNode) anna.get("name")).put("givenName", "Annie");
        server.store().replaceUser(annaId, anna);

        CliResult undo = cli().run("import", "undo", "--yes", "--delete", csv.toString()).assertExit(ExitCode.PROBLEMS);

        assertThat(undo.out()).contains("conflict\t2\tanna@example.com\tchanged since the import: givenName is \"Annie\", "
                + "the import wrote \"Anne\"; kept (--force sets it back)");
        assertThat(undo.err()).contains("1 conflict kept");
        JsonNode now = server.store().user(annaId).orElseThrow();
        assertThat(now.path("name").path("givenName").asText()).isEqualTo("Annie");
        // The attributes nobody touched since are set back.
        assertThat(now.path(EXT).path("userType").asText()).isEqualTo("endUser");
        assertThat(now.path("emails")).isEqualTo(before.get("user anna@example.com").path("emails"));

        cli().run("import", "undo", "--yes", "--force", csv.toString()).assertExit(ExitCode.OK);
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void undo_twice_changes_nothing_the_second_time() {
        importFile(cli()).assertExit(ExitCode.OK);
        cli().run("import", "undo", "--yes", "--delete", csv.toString()).assertExit(ExitCode.OK);
        Map<String, JsonNode> undone = snapshot();
        String versions = server.store().users().toString() + server.store().groups();

        CliResult again = cli().run("import", "undo", "--yes", "--delete", csv.toString()).assertExit(ExitCode.OK);

        assertThat(again.out()).isEmpty();
        assertThat(again.err()).contains("Nothing to undo");
        assertThat(snapshot()).isEqualTo(undone);
        assertThat(server.store().users().toString() + server.store().groups()).isEqualTo(versions);
    }

    @Test
    void undo_twice_with_delete_on_a_server_that_deletes_by_deactivating_changes_nothing_the_second_time() {
        try (ScimServerExtension soft = ScimServerExtension.create(b -> b.softDelete(true)).start()) {
            CliRunner cli = new CliRunner(dir.resolve("config")).env("SCIMCTL_URL", soft.baseUrl())
                    .env("SCIMCTL_TOKEN", soft.token());
            cli.run("import", "--yes", csv.toString()).assertExit(ExitCode.OK);
            cli.run("import", "undo", "--yes", "--delete", csv.toString()).assertExit(ExitCode.OK);
            // NinjaOne's way: still listed, inactive.
            assertThat(soft.store().userByUserName("nina@example.com").orElseThrow().path("active").asBoolean()).isFalse();
            String state = soft.store().users().toString() + soft.store().groups();

            CliResult again = cli.run("import", "undo", "--yes", "--delete", csv.toString()).assertExit(ExitCode.OK);

            assertThat(again.err()).contains("Nothing to undo");
            assertThat(soft.store().users().toString() + soft.store().groups()).isEqualTo(state);
        }
    }

    @Test
    void undo_of_an_interrupted_import_undoes_what_was_done_and_only_that() throws Exception {
        Map<String, JsonNode> before = snapshot();
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            // The second creation is refused as if the token had been revoked: the import stops there.
            proxy.rule(r -> r.method().equals("POST") && r.path().endsWith("/Users") && r.attempt() >= 2
                    ? Fault.statusWithScimError(401, "token revoked") : Fault.forward());
            importFile(cli().env("SCIMCTL_URL", proxy.baseUrl())).assertExit(ExitCode.AUTH);
            proxy.rule(r -> Fault.forward());

        assertThat(server.store().userByUserName("nils@example.com").isPresent()
                ^ server.store().userByUserName("nina@example.com").isPresent()).as("one of the two was created").isTrue();
        // A crash would also lose the last lines: the run's end, and the answer to the last step.
        List<String> lines = new ArrayList<>(Files.readAllLines(journal));
        lines.removeIf(l -> l.contains("\"type\":\"end\""));
        lines.remove(lines.size() - 1);
        Files.write(journal, lines);

            CliResult undo = cli().env("SCIMCTL_URL", proxy.baseUrl())
                    .run("import", "undo", "--yes", "--delete", journal.toString()).assertExit(ExitCode.OK);

            assertThat(undo.err()).contains("it was interrupted: only what it did is undone");
            assertThat(undo.out().lines().filter(l -> l.startsWith("delete\t"))).hasSize(1);
        }
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void an_interrupted_import_to_another_server_is_not_part_of_the_next_import_nor_of_its_undo() throws Exception {
        ScimServerExtension sandbox = ScimServerExtension.create().start();
        try {
            // The file goes to this server, and stops as a crash stops it: no end line.
            importFile(cli()).assertExit(ExitCode.OK);
            List<String> lines = new ArrayList<>(Files.readAllLines(journal));
            lines.removeIf(l -> l.contains("\"type\":\"end\""));
            Files.write(journal, lines);
            Map<String, JsonNode> here = snapshot();

            // The same file is then tried on a sandbox: the same journal, another server.
            CliRunner onSandbox = cli().env("SCIMCTL_URL", sandbox.baseUrl()).env("SCIMCTL_TOKEN", sandbox.token());
            CliResult second = importFile(onSandbox).assertExit(ExitCode.OK);
            assertThat(second.err()).doesNotContain("Resuming").contains("records an interrupted import to "
                    + server.baseUrl() + "; this one goes to " + sandbox.baseUrl() + " and does not resume it");
            assertThat(sandbox.store().userByUserName("nina@example.com")).isPresent();

            // Its undo is the sandbox's import alone, and is done there; this server is left as it is.
            CliResult undo = onSandbox.run("import", "undo", "--yes", "--delete", journal.toString())
                    .assertExit(ExitCode.OK);
            assertThat(undo.err()).doesNotContain("2 runs");
            assertThat(sandbox.store().userByUserName("nina@example.com")).isEmpty();
            assertThat(sandbox.store().userByUserName("nils@example.com")).isEmpty();
            assertThat(snapshot()).isEqualTo(here);
        } finally {
            sandbox.close();
        }
    }

    @Test
    void refuses_to_undo_on_another_server_than_the_journal_names() {
        importFile(cli()).assertExit(ExitCode.OK);
        cli().env("SCIMCTL_URL", "http://127.0.0.1:9/scim/v2").run("import", "undo", "--yes", journal.toString())
                .assertExit(ExitCode.USAGE).assertErrContains("records an import to " + server.baseUrl())
                .assertErrContains("give --url " + server.baseUrl()).assertNoStackTrace();
    }

    @Test
    void a_journal_that_is_not_there_is_an_input_error() {
        cli().run("import", "undo", "--yes", dir.resolve("nope.journal").toString())
                .assertExit(ExitCode.INPUT).assertErrContains("no such journal").assertNoStackTrace();
    }

    @Test
    void a_file_that_is_not_a_journal_is_refused_with_its_line_as_import_refuses_it() throws Exception {
        // One enormous line (a wrong file given by mistake) is refused at the import's bound, before it fills the
        // memory: a file of some GB without a line break ended in an OutOfMemoryError and its stack trace.
        Path huge = dir.resolve("huge.journal");
        Files.write(huge, new byte[Journal.MAX_LINE_BYTES + 1]);
        cli().run("import", "undo", "--dry-run", huge.toString())
                .assertExit(ExitCode.INPUT).assertErrContains("huge.journal:1: the journal has a line longer than 1 MiB")
                .assertNoStackTrace();
        Path binary = dir.resolve("binary.journal");
        Files.write(binary, new byte[]{'{', '}', '\n', (byte) 0xff, (byte) 0xfe, '\n'});
        cli().run("import", "undo", "--dry-run", binary.toString())
                .assertExit(ExitCode.INPUT).assertErrContains("binary.journal:2: the journal holds bytes that are not UTF-8")
                .assertNoStackTrace();
    }
}
