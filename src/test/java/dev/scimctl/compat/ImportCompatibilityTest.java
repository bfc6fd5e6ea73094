package dev.scimctl.compat;

import dev.scimctl.compat.CompatServers.Server;
import com.fasterxml.jackson.databind.JsonNode;
import dev.scimctl.ExitCode;
import dev.scimctl.scim.ScimJson;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.RawScimClient;
import dev.scimctl.testing.Users;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code scimctl import} against both independent SCIM servers: created, read back, imported again (nothing to do),
 * edited (exactly the edits), with groups. The users get a domain of their own, since SCIMMY is shared by the JVM.
 */
@Timeout(120)
class ImportCompatibilityTest {

    @TempDir
    Path dir;

    static Stream<Named<Supplier<Server>>> servers() {
        return CompatServers.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void imports_reads_back_and_imports_edits(Supplier<Server> server) throws Exception {
        Server s = server.get();
        String domain = "compat-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        String group = "Compat " + domain;
        Path csv = dir.resolve("users.csv");
        Files.writeString(csv, "email,firstname,lastname,userType,organizationId,group\n"
                + "ada@" + domain + ",Ada,Lovelace,technician,," + group + "\n"
                + "grace@" + domain + ",Grace,Hopper,endUser,All," + group + "\n"
                + "linus@" + domain + ",Linus,Torvalds,endUser,42,\n");
        CliRunner cli = new CliRunner(dir.resolve("config")).env("SCIMCTL_URL", s.baseUrl()).env("SCIMCTL_TOKEN", s.token());

        CliResult first = cli.run("import", "--yes", csv.toString()).assertExit(ExitCode.OK);
        assertThat(first.err()).contains("3 created").contains("1 created, 2 members added");
        RawScimClient raw = new RawScimClient(s.baseUrl(), s.token());
        JsonNode ada = user(raw, "ada@" + domain);
        assertThat(ada.path("name").path("familyName").asText()).isEqualTo("Lovelace");
        assertThat(ada.path(ScimJson.NINJAONE_USER).path("userType").asText()).isEqualTo("technician");
        assertThat(user(raw, "linus@" + domain).path(ScimJson.NINJAONE_USER).path("organizationId").asText()).isEqualTo("42");

        cli.run("import", "--yes", csv.toString()).assertExit(ExitCode.OK).err().contains("Nothing to change");

        Files.writeString(csv, Files.readString(csv).replace("Ada,Lovelace,technician,,", "Ada,King,endUser,7,"));
        CliResult plan = cli.run("import", "--dry-run", csv.toString()).assertExit(ExitCode.OK);
        assertThat(plan.out().lines()).containsExactly("update\t2\tada@" + domain + "\tfamilyName: \"Lovelace\" → \"King\"; "
                + "userType: \"technician\" → \"endUser\"; organizationId: (none) → \"7\"");
        cli.run("import", "--yes", csv.toString()).assertExit(ExitCode.OK);
        ada = user(raw, "ada@" + domain);
        assertThat(ada.path("name").path("familyName").asText()).isEqualTo("King");
        assertThat(ada.path(ScimJson.NINJAONE_USER).path("userType").asText()).isEqualTo("endUser");
        assertThat(ada.path(ScimJson.NINJAONE_USER).path("organizationId").asText()).isEqualTo("7");
        assertThat(cli.run("import", "--dry-run", csv.toString()).out()).isEmpty();
    }

    /**
     * SCIMMY compares {@code userName eq} case-sensitively: a row whose userName differs only in case from a user's
     * must still find that user, not plan a second one (which a server without a case-blind uniqueness check would
     * then create). Three rows, so that the importer looks each up rather than listing the shared server.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void a_row_in_another_case_finds_the_user_and_never_makes_a_second(Supplier<Server> server) throws Exception {
        Server s = server.get();
        String domain = "case-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        RawScimClient raw = new RawScimClient(s.baseUrl(), s.token());
        for (Users u : List.of(Users.user("ada@" + domain).name("Ada", "Byron").type("technician"),
                Users.user(("grace@" + domain).toUpperCase(Locale.ROOT)).name("Grace", "Hopper").type("endUser")
                        .organization("All"))) {
            RawScimClient.Response r = raw.post("/Users", u.json().toString());
            assertThat(r.status()).as(r.toString()).isEqualTo(201);
        }
        Path csv = dir.resolve("case.csv");
        Files.writeString(csv, "email,firstname,lastname,userType,organizationId\n"
                + "Ada@" + domain + ",Ada,Lovelace,technician,\n"
                + "grace@" + domain + ",Grace,Hopper,endUser,All\n"
                + "new@" + domain + ",New,User,endUser,7\n");
        CliRunner cli = new CliRunner(dir.resolve("config")).env("SCIMCTL_URL", s.baseUrl()).env("SCIMCTL_TOKEN", s.token());

        CliResult plan = cli.run("import", "--dry-run", csv.toString()).assertExit(ExitCode.OK);
        assertThat(plan.err()).contains("looked up 3 users one by one");
        assertThat(plan.out().lines()).containsExactly(
                "update\t2\tAda@" + domain + "\tfamilyName: \"Byron\" → \"Lovelace\"",
                "create\t4\tnew@" + domain + "\tNew User, end user, organization 7");
        cli.run("import", "--yes", csv.toString()).assertExit(ExitCode.OK);
        assertThat(sameNameIgnoringCase(raw, "ada@" + domain)).hasSize(1);
        assertThat(sameNameIgnoringCase(raw, "grace@" + domain)).hasSize(1);
        assertThat(cli.run("import", "--dry-run", csv.toString()).assertExit(ExitCode.OK).out()).isEmpty();
    }

    /** The users whose userName is this one in lower, upper or its own case, asked in one filter. */
    private static List<JsonNode> sameNameIgnoringCase(RawScimClient raw, String userName) {
        String filter = Stream.of(userName, userName.toUpperCase(Locale.ROOT), capitalised(userName)).distinct()
                .map(n -> "userName eq \"" + n + "\"").collect(java.util.stream.Collectors.joining(" or "));
        RawScimClient.Response r = raw.get("/Users?filter=" + RawScimClient.encode(filter));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        return r.json().path("Resources").findParents("userName");
    }

    private static String capitalised(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static JsonNode user(RawScimClient raw, String userName) {
        RawScimClient.Response r = raw.get("/Users?filter=" + RawScimClient.encode("userName eq \"" + userName + "\""));
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        List<JsonNode> found = r.json().path("Resources").findParents("userName");
        assertThat(found).as(r.text()).hasSize(1);
        return found.get(0);
    }
}
