package dev.scimctl.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.ExitCode;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.FaultProxy;
import dev.scimctl.testing.FaultProxy.Fault;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code import} against a server whose {@code userName eq} compares case-sensitively (as SCIMMY's does): the sandbox
 * behind a proxy that keeps, of what a userName filter finds, only the exact matches. A row whose userName differs
 * from a user's only in case must find that user, never plan a second one; the look-ups it missed cost one more
 * request per six names, not one per name and never a full listing.
 */
@Timeout(120)
class ImportCaseSensitiveServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern USER_NAME_EQ = Pattern.compile("userName eq \"((?:[^\"\\\\]|\\\\.)*)\"");

    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create(b -> b.maxPageSize(10));

    @TempDir
    Path dir;
    private FaultProxy proxy;
    private final AtomicInteger filtered = new AtomicInteger();

    @BeforeEach
    void setUp() {
        server.seedUsers(100); // ten pages of ten: looking the file's twelve users up is cheaper than listing
        server.seedUser("ada@case.example");
        server.seedUser("GRACE@CASE.EXAMPLE");
        server.seedUser("Margaret.Hamilton@case.example");
        proxy = FaultProxy.start(server.baseUrl());
        proxy.rule(r -> {
            if (!r.method().equals("GET") || !r.path().endsWith("/Users") || !r.target().contains("filter=")) {
                return Fault.forward();
            }
            filtered.incrementAndGet();
            Set<String> asked = userNamesAsked(r.target());
            return Fault.transformJson(body -> exactMatchesOnly(body, asked));
        });
    }

    @AfterEach
    void tearDown() {
        proxy.close();
    }

    @Test
    void a_row_in_another_case_updates_the_user_and_a_rerun_changes_nothing() throws Exception {
        Path csv = dir.resolve("users.csv");
        StringBuilder rows = new StringBuilder("email,firstname,lastname,userType,organizationId\n"
                + "Ada@case.example,Ada,Lovelace,technician,\n"
                + "grace@case.example,Given,Family,,\n");
        IntStream.rangeClosed(1, 10).forEach(i -> rows.append(String.format(Locale.ROOT,
                "new%02d@case.example,New,User,endUser,7%n", i)));
        Files.writeString(csv, rows);
        CliRunner cli = new CliRunner(dir).env("SCIMCTL_URL", proxy.baseUrl()).env("SCIMCTL_TOKEN", server.token())
                .env("SCIMCTL_CACHE_DIR", dir.resolve("cache").toString());

        CliResult plan = cli.run("import", "--dry-run", csv.toString()).assertExit(ExitCode.OK);
        assertThat(plan.err()).contains("looked up 12 users one by one").contains("2 found only in another case");
        assertThat(plan.out().lines().filter(l -> l.startsWith("create"))).hasSize(10)
                .allMatch(l -> l.contains("\tnew"));
        assertThat(plan.out().lines().filter(l -> l.startsWith("update")))
                .containsExactly("update\t2\tAda@case.example\tgivenName: \"Given\" → \"Ada\"; familyName: \"Family\""
                        + " → \"Lovelace\"; userType: (none) → \"technician\"");
        // twelve look-ups, then the twelve misses in other cases: six names to a request
        assertThat(filtered.get()).isEqualTo(12 + 2);

        int before = server.store().userCount();
        CliResult applied = cli.run("import", "--yes", csv.toString()).assertExit(ExitCode.OK);
        // no create was answered 409 and taken as "existed already": the plan had the case variant right
        assertThat(applied.err() + applied.out()).contains("10 created").doesNotContain("existed already (409)");
        assertThat(server.store().userCount()).isEqualTo(before + 10);
        assertThat(server.store().users().stream().filter(u -> u.path("userName").asText()
                .equalsIgnoreCase("ada@case.example"))).hasSize(1);

        assertThat(cli.run("import", "--dry-run", csv.toString()).assertExit(ExitCode.OK).out()).isEmpty();
    }

    @Test
    void users_get_finds_a_capitalised_address_asked_in_lower_case_with_one_more_request() {
        CliRunner cli = new CliRunner(dir).env("SCIMCTL_URL", proxy.baseUrl()).env("SCIMCTL_TOKEN", server.token())
                .env("SCIMCTL_CACHE_DIR", dir.resolve("cache").toString());

        CliResult got = cli.run("users", "get", "margaret.hamilton@Case.Example", "-o", "tsv", "--fields", "userName")
                .assertExit(ExitCode.OK);

        assertThat(got.out()).isEqualTo("userName\tMargaret.Hamilton@case.example\n");
        assertThat(filtered.get()).as("the exact name, then its other cases in one request").isEqualTo(2);
    }

    /** The userNames a filter asks for with {@code userName eq}, unescaped. */
    private static Set<String> userNamesAsked(String target) {
        String query = URLDecoder.decode(target.substring(target.indexOf('?') + 1), StandardCharsets.UTF_8);
        Set<String> names = new HashSet<>();
        Matcher m = USER_NAME_EQ.matcher(query);
        while (m.find()) {
            names.add(m.group(1).replaceAll("\\\\(.)", "$1"));
        }
        return names;
    }

    /** The page with only the users whose userName is one asked for, in the same case. */
    private static String exactMatchesOnly(String body, Set<String> asked) {
        try {
            ObjectNode page = (ObjectNode) JSON.readTree(body);
            ArrayNode kept = JSON.createArrayNode();
            page.path("Resources").forEach(u -> {
                if (asked.contains(u.path("userName").asText())) {
                    kept.add(u);
                }
            });
            page.set("Resources", kept);
            page.put("totalResults", kept.size());
            page.put("itemsPerPage", kept.size());
            return JSON.writeValueAsString(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
