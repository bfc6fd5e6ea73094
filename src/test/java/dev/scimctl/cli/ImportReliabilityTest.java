package dev.scimctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.scimctl.ExitCode;
import dev.scimctl.importer.Journal;
import dev.scimctl.scim.ScimJson;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.FaultProxy;
import dev.scimctl.testing.FaultProxy.Fault;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Imports of a few thousand users through a proxy that answers 429 and 503, drops connections before and after the
 * server acted, and is slow; and an import killed mid-run and resumed. Every time the server must end up holding
 * exactly the file: every user once, with the right attributes and groups, and every row accounted for.
 */
@Timeout(180)
class ImportReliabilityTest {
    /** Requests between the proxy and the server's answer, for the test of a server that limits concurrency. */
    private static final AtomicInteger IN_FLIGHT = new AtomicInteger();

    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create(b -> b.maxPageSize(200)
            .requestListener(r -> IN_FLIGHT.decrementAndGet()));

    private static final int GROUPS = 5;

    @TempDir
    Path dir;

    @Test
    void an_import_through_429s_503s_dropped_connections_and_slow_answers_ends_exactly_as_the_file() throws Exception {
        int n = 2000;
        Path csv = writeUsers(n);
        Path report = dir.resolve("report.csv");
        Random random = new Random(42);
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            proxy.rule(req -> {
                double p;
                synchronized (random) {
                    p = random.nextDouble();
                }
                if (p < 0.04) {
                    return Fault.tooManyRequests("0");
                }
                if (p < 0.07) {
                    return Fault.status(503);
                }
                if (p < 0.09) {
                    return Fault.dropBeforeForwarding();
                }
                if (p < 0.11) {
                    return Fault.dropAfterForwarding();
                }
                if (p < 0.14) {
                    return Fault.delay(Duration.ofMillis(40));
                }
                return Fault.forward();
            });

            CliResult r = cli(proxy.baseUrl()).run("import", "--yes", "--parallel", "8", "--report", report.toString(),
                    csv.toString());

            r.assertExit(ExitCode.OK);
            assertThat(r.err()).contains(n + " created").contains("0 failed");
            assertThat(proxy.count("POST", "/scim/v2/Users")).as("faults were injected on creations").isGreaterThan(n);
        }
        assertServerHoldsExactly(n);
        List<String> lines = Files.readAllLines(report);
        assertThat(lines).hasSize(n + 1);
        assertThat(lines.stream().skip(1)).allMatch(l -> l.contains(",create,done,"));
        // Some creations were answered 409 after a dropped answer, and became look-ups instead of failures.
        assertThat(lines).anyMatch(l -> l.contains("existed already (409)"));

        CliResult again = cli(server.baseUrl()).run("import", "--yes", csv.toString()).assertExit(ExitCode.OK);
        assertThat(again.err()).contains("Nothing to change");
    }

    @Test
    void an_import_killed_mid_run_resumes_without_duplicates_or_gaps() throws Exception {
        int n = 1000;
        Path csv = writeUsers(n);
        Path journal = Journal.defaultFor(dir.resolve("config/.local/state/scimctl/journals"), csv);
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "dev.scimctl.ScimCtl",
                "import", "--yes", "--parallel", "4", "--url", server.baseUrl(), csv.toString());
        pb.environment().put("SCIMCTL_TOKEN", server.token());
        pb.environment().put("SCIMCTL_CONFIG_DIR", dir.resolve("config").toString());
        pb.environment().put("HOME", dir.resolve("config").toString());
        pb.environment().remove("XDG_STATE_HOME");
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("killed.log").toFile());
        Process p = pb.start();
        long killedPid = p.pid();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (journalLines(journal) < 150 && p.isAlive() && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(p.isAlive()).as("still importing when killed: " + Files.readString(dir.resolve("killed.log")))
                    .isTrue();
        } finally {
            p.destroyForcibly(); // SIGKILL: no shutdown hook, no last journal line, requests in flight
            p.waitFor(10, TimeUnit.SECONDS);
        }
        Thread.sleep(200); // requests the killed process had sent may still be answered
        int before = server.store().userCount();
        assertThat(before).as("the killed run created some users, not all").isBetween(149, n - 1);
        assertThat(Journal.lastRun(journal).finished()).isFalse();

        Path report = dir.resolve("report.csv");
        CliResult resumed = cli(server.baseUrl()).run("import", "--yes", "--parallel", "8", "--report",
                report.toString(), csv.toString()).assertExit(ExitCode.OK);

        assertThat(resumed.err()).contains("Resuming:").contains("records an interrupted import")
                .contains("note: took over the lock on the server " + server.baseUrl() + " left by a scimctl that is "
                        + "no longer running (pid " + killedPid + " on host ");
        assertServerHoldsExactly(n);
        List<String> lines = Files.readAllLines(report);
        assertThat(lines).hasSize(n + 1);
        assertThat(lines.stream().skip(1)).allMatch(l -> l.contains(",done,"));
        long created = lines.stream().filter(l -> l.contains(",create,done,")).count();
        assertThat(created).isEqualTo(n - before);
        assertThat(lines).anyMatch(l -> l.contains("create done by the interrupted run"));
        assertThat(Journal.lastRun(journal).finished()).isTrue();
    }

    @Test
    void ctrl_c_mid_import_exits_130_says_how_to_resume_and_the_rerun_finishes() throws Exception {
        int n = 300;
        Path csv = writeUsers(n);
        Path journal = Journal.defaultFor(dir.resolve("config/.local/state/scimctl/journals"), csv);
        String output;
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            proxy.rule(req -> Fault.delay(Duration.ofMillis(20)));
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"), "dev.scimctl.ScimCtl",
                    "import", "--yes", "--parallel", "2", "--url", proxy.baseUrl(), csv.toString());
            pb.environment().put("SCIMCTL_TOKEN", server.token());
            pb.environment().put("SCIMCTL_CONFIG_DIR", dir.resolve("config").toString());
        pb.environment().put("HOME", dir.resolve("config").toString());
        pb.environment().remove("XDG_STATE_HOME");
            pb.environment().put("HOME", dir.resolve("config").toString());
            pb.environment().remove("XDG_STATE_HOME");
            pb.redirectErrorStream(true);
            pb.redirectOutput(dir.resolve("interrupted.log").toFile());
            Process p = pb.start();
            try {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (journalLines(journal) < 20 && p.isAlive() && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                // A second import against the same server refuses at once, naming the first.
                CliResult second = cli(proxy.baseUrl()).run("import", "--yes", "--journal",
                        dir.resolve("other.journal").toString(), csv.toString()).assertExit(ExitCode.PROBLEMS);
                assertThat(second.err()).contains("error: the server " + proxy.baseUrl() + " is in use by another "
                        + "scimctl (pid " + p.pid() + " on host ").contains(": import " + csv + ")")
                        .contains("wait for it to finish, or stop it");
                assertThat(dir.resolve("other.journal")).doesNotExist();
                assertThat(p.isAlive()).as("the first import was still running").isTrue();
                new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
                assertThat(p.waitFor(20, TimeUnit.SECONDS)).isTrue();
            } finally {
                p.destroyForcibly();
            }
            output = Files.readString(dir.resolve("interrupted.log"));
            assertThat(p.exitValue()).as(output).isEqualTo(ExitCode.INTERRUPTED);
        }
        assertThat(output).contains("Interrupted: every operation that completed is in " + journal)
                .contains("run the same command again to resume").doesNotContain("Exception");
        assertThat(Journal.lastRun(journal).finished()).isFalse();

        cli(server.baseUrl()).run("import", "--yes", csv.toString()).assertExit(ExitCode.OK).err().contains("Resuming:");
        assertServerHoldsExactly(n);
    }

    @Test
    void a_server_that_refuses_more_than_two_requests_at_once_makes_the_import_slow_down() throws Exception {
        int n = 400;
        Path csv = writeUsers(n);
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            IN_FLIGHT.set(0);
            proxy.rule(req -> {
                if (IN_FLIGHT.incrementAndGet() > 2) {
                    IN_FLIGHT.decrementAndGet();
                    return Fault.tooManyRequests("0");
                }
                return Fault.delay(Duration.ofMillis(5));
            });

            CliResult r = cli(proxy.baseUrl()).run("import", "--yes", "--parallel", "8", csv.toString())
                    .assertExit(ExitCode.OK);

            assertThat(r.err()).contains(n + " created").contains("The server pushed back; the import slowed to");
            int posts = proxy.count("POST", "/scim/v2/Users");
            assertThat(posts).as("refused creations stay a fraction of the work").isLessThan(2 * n);
        }
        assertServerHoldsExactly(n);
    }

    @Test
    void a_group_creation_whose_answer_is_lost_is_found_again_and_not_made_twice() throws Exception {
        Path csv = writeUsers(20);
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            // Every group's POST reaches the server, and every answer is lost.
            proxy.rule(req -> req.method().equals("POST") && req.path().endsWith("/Groups") && req.attempt() <= GROUPS
                    ? Fault.dropAfterForwarding() : Fault.forward());

            CliResult r = cli(proxy.baseUrl()).run("import", "--yes", csv.toString()).assertExit(ExitCode.OK);

            assertThat(r.err()).contains("20 created").contains("0 failed");
            assertThat(proxy.count("POST", "/scim/v2/Groups")).isEqualTo(GROUPS);
        }
        assertServerHoldsExactly(20);
    }

    /** Users user00001@example.com … with a mix of account types, organizations and groups. */
    private Path writeUsers(int n) throws Exception {
        StringBuilder b = new StringBuilder("email,firstname,lastname,userType,organizationId,group\n");
        for (int i = 1; i <= n; i++) {
            String type = i % 5 == 0 ? "technician" : "endUser";
            String org = i % 5 == 0 ? "" : i % 3 == 0 ? "All" : Integer.toString(100 + i % 7);
            b.append(String.format(Locale.ROOT, "User%05d@Example.com,Given%d,Family%d,%s,%s,Group %d%n",
                    i, i, i, type, org, i % GROUPS));
        }
        Path csv = dir.resolve("users.csv");
        Files.writeString(csv, b);
        return csv;
    }

    private void assertServerHoldsExactly(int n) {
        List<ObjectNode> users = server.store().users();
        assertThat(users).hasSize(n);
        Map<String, String> groupOf = new HashMap<>();
        for (ObjectNode g : server.store().groups()) {
            for (JsonNode m : g.path("members")) {
                assertThat(groupOf.put(m.path("value").asText(), g.path("displayName").asText()))
                        .as("a user is in one group only").isNull();
            }
        }
        assertThat(server.store().groups()).extracting(g -> g.path("displayName").asText())
                .as("each group exactly once").containsExactlyInAnyOrder(
                        java.util.stream.IntStream.range(0, GROUPS).mapToObj(i -> "Group " + i).toArray(String[]::new));
        for (ObjectNode u : users) {
            String userName = u.path("userName").asText();
            int i = Integer.parseInt(userName.substring(4, 9));
            assertThat(userName).isEqualTo(String.format(Locale.ROOT, "User%05d@Example.com", i));
            assertThat(u.path("name").path("givenName").asText()).isEqualTo("Given" + i);
            assertThat(u.path("name").path("familyName").asText()).isEqualTo("Family" + i);
            assertThat(u.path("active").asBoolean()).isTrue();
            JsonNode ext = u.path(ScimJson.NINJAONE_USER);
            assertThat(ext.path("userType").asText()).isEqualTo(i % 5 == 0 ? "technician" : "endUser");
            String org = i % 5 == 0 ? "" : i % 3 == 0 ? "All" : Integer.toString(100 + i % 7);
            assertThat(ext.path("organizationId").asText("")).isEqualTo(org);
            assertThat(groupOf.get(u.path("id").asText())).as(userName).isEqualTo("Group " + i % GROUPS);
        }
    }

    private CliRunner cli(String url) {
        return new CliRunner(dir.resolve("config")).env("SCIMCTL_TOKEN", server.token()).env("SCIMCTL_URL", url);
    }

    /** Completed operations (each step's "before" line is not one). */
    private static long journalLines(Path journal) {
        try (java.util.stream.Stream<String> lines = Files.exists(journal) ? Files.lines(journal) : java.util.stream.Stream.empty()) {
            return lines.filter(l -> !l.contains("\"type\":\"before\"")).count();
        } catch (Exception e) {
            return 0;
        }
    }
}
