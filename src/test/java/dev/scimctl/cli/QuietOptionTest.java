package dev.scimctl.cli;

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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** -q/--quiet: no progress and no notes on stderr, but every error, warning, result and byte of data. */
@Timeout(60)
class QuietOptionTest {
    private static final Terminals STDERR_ONLY = new Terminals(false, false, true);

    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @TempDir
    Path dir;

    private CliRunner cli(String url) {
        return new CliRunner(dir.resolve("config")).env("SCIMCTL_URL", url).env("SCIMCTL_TOKEN", server.token())
                .env("XDG_STATE_HOME", dir.resolve("state").toString()).env("NO_COLOR", "1").terminals(STDERR_ONLY);
    }

    /** A server that answers the first user creation 503 with Retry-After: scimctl notes that it slows down. */
    private FaultProxy pushingBack() {
        FaultProxy proxy = FaultProxy.start(server.baseUrl());
        AtomicInteger posts = new AtomicInteger();
        proxy.rule(r -> r.method().equals("POST") && posts.getAndIncrement() == 0 ? Fault.respond(503,
                java.util.Map.of("Retry-After", "0", "Content-Type", "application/scim+json"),
                "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:Error\"],\"status\":\"503\"}") : Fault.forward());
        return proxy;
    }

    @Test
    void import_quiet_draws_no_progress_and_no_notes_but_keeps_the_plan_and_the_summary() throws Exception {
        Path csv = dir.resolve("users.csv");
        Files.copy(Path.of("examples/users.csv"), csv);
        try (FaultProxy proxy = pushingBack()) {
            CliResult loud = cli(proxy.baseUrl()).run("import", "--yes", "--dry-run", csv.toString())
                    .assertExit(ExitCode.OK);
            assertThat(loud.err()).contains("Plan: users: 11 to create");
            server.reset();
            CliResult normal = cli(proxy.baseUrl()).run("import", "--yes", csv.toString()).assertExit(ExitCode.OK);
            assertThat(normal.err()).contains("applying").contains("note: ");
        }
        server.reset();
        try (FaultProxy proxy = pushingBack()) {
            CliResult quiet = cli(proxy.baseUrl()).run("import", "--yes", "-q", csv.toString()).assertExit(ExitCode.OK);
            assertThat(quiet.err()).doesNotContain("applying").doesNotContain("note: ")
                    .contains("Plan: users: 11 to create").contains("Imported in").contains("11 created");
            assertThat(quiet.out()).contains("create");
        }
    }

    @Test
    void quiet_never_hides_an_error() {
        CliResult r = cli(server.baseUrl()).env("SCIMCTL_TOKEN", "wrong").run("users", "list", "--quiet")
                .assertExit(ExitCode.AUTH);
        assertThat(r.err()).contains("error: ").contains("401");
    }

    @Test
    void users_list_quiet_says_nothing_about_an_empty_result() {
        Terminals all = Terminals.ALL;
        assertThat(cli(server.baseUrl()).terminals(all).run("users", "list").assertExit(ExitCode.OK).err())
                .contains("no users");
        assertThat(cli(server.baseUrl()).terminals(all).run("users", "list", "-q").assertExit(ExitCode.OK).err())
                .isEmpty();
    }
}
