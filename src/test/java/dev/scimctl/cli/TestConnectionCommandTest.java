package dev.scimctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.scimctl.ExitCode;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.FaultProxy;
import dev.scimctl.testing.FaultProxy.Fault;
import dev.scimctl.testing.ScimServerExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

@Timeout(60)
class TestConnectionCommandTest {
    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create();

    @TempDir
    Path config;

    private CliRunner cli(String token) {
        return new CliRunner(config).env("SCIMCTL_TOKEN", token);
    }

    private static void assertNoToken(CliResult r, String token) {
        assertThat(r.all()).as(r.describe()).doesNotContain(token);
    }

    @Test
    void passes_every_step_against_a_scim_server() {
        server.seedUsers(3);
        CliResult r = cli(server.token()).run("test-connection", "--url", server.baseUrl()).assertExit(ExitCode.OK);
        assertThat(r.out()).contains("settings", "dns", "connect", "service-provider-config", "schemas", "users")
                .contains("listing works: 3 users").contains("NinjaOne user extension advertised")
                .contains("Connection works");
        assertNoToken(r, server.token());
    }

    @Test
    void a_wrong_token_exits_4_and_says_tokens_expire() {
        // Any server but the sandbox: its realm taken off, the 401 is taken for NinjaOne's.
        try (FaultProxy other = FaultProxy.start(server.baseUrl())) {
            other.rule(req -> Fault.responseHeader("WWW-Authenticate", "Bearer realm=\"ninjaone\""));
            CliResult r = cli("wrong-token-abcdef").run("test-connection", "--url", other.baseUrl())
                    .assertExit(ExitCode.AUTH);
            assertThat(r.out()).contains("401").contains("six months").doesNotContain("This is a scimctl sandbox");
            assertNoToken(r, "wrong-token-abcdef");
        }
    }

    @Test
    void a_token_the_sandbox_refuses_gets_the_sandboxs_fix() {
        CliResult r = cli("wrong-token-abcdef").run("test-connection", "--url", server.baseUrl())
                .assertExit(ExitCode.AUTH);
        assertThat(r.out()).contains("401").contains("This is a scimctl sandbox")
                .contains("'scimctl sandbox --data FILE'").doesNotContain("six months");
        assertNoToken(r, "wrong-token-abcdef");
    }

    @Test
    void a_closed_port_exits_5() {
        CliResult r = cli(server.token()).run("test-connection", "--url", "http://127.0.0.1:9/scim/v2")
                .assertExit(ExitCode.UNREACHABLE);
        assertThat(r.out()).contains("FAIL").contains("connect").contains("skipped");
        assertNoToken(r, server.token());
    }

    @Test
    void a_server_that_answers_html_exits_6() {
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            proxy.rule(req -> Fault.htmlPage());
            CliResult r = cli(server.token()).run("test-connection", "--url", proxy.baseUrl())
                    .assertExit(ExitCode.SERVER);
            assertThat(r.out()).contains("HTML page");
            assertNoToken(r, server.token());
        }
    }

    @Test
    void json_output_is_one_valid_object_with_every_step() throws Exception {
        CliResult r = cli(server.token()).run("test-connection", "--url", server.baseUrl(), "--output", "json")
                .assertExit(ExitCode.OK);
        JsonNode report = new ObjectMapper().readTree(r.out());
        assertThat(report.get("ok").asBoolean()).isTrue();
        assertThat(report.get("exitCode").asInt()).isZero();
        assertThat(report.get("steps")).extracting(s -> s.get("name").asText())
                .containsExactly("settings", "base-url", "proxy", "trust", "dns", "connect", "tls", "service-provider-config", "schemas",
                        "users");
        assertThat(report.at("/steps/7/facts/patch").asBoolean()).isTrue();
        assertNoToken(r, server.token());

        CliResult refused = cli("nope-nope-nope").run("test-connection", "--url", server.baseUrl(), "-o", "json")
                .assertExit(ExitCode.AUTH);
        assertThat(new ObjectMapper().readTree(refused.out()).get("ok").asBoolean()).isFalse();
    }

    @Test
    void warns_about_a_token_set_more_than_five_months_ago() {
        CliRunner cli = new CliRunner(config).clock(Clock.fixed(Instant.parse("2026-11-29T00:00:00Z"), ZoneOffset.UTC));
        cli.run("config", "set-profile", "prod", "--url", server.baseUrl()).assertExit(0);
        cli.stdin(server.token() + "\n").run("config", "set-token", "prod").assertExit(0);
        CliRunner later = new CliRunner(config)
                .clock(Clock.fixed(Instant.parse("2026-11-29T00:00:00Z").plus(Duration.ofDays(160)), ZoneOffset.UTC));
        CliResult r = later.run("test-connection").assertExit(ExitCode.OK);
        assertThat(r.out()).contains("warn").contains("160 days ago").contains("expire");
        assertNoToken(r, server.token());
    }

    @Test
    void a_url_that_is_not_a_scim_endpoint_exits_1_with_the_fix() {
        CliResult r = cli(server.token()).run("test-connection", "--url", server.baseUrl() + "/nope")
                .assertExit(ExitCode.PROBLEMS);
        assertThat(r.out()).contains("404").contains("copy the API endpoint URL");
    }

    @Test
    void an_unreadable_token_file_exits_3() {
        CliResult r = new CliRunner(config).run("test-connection", "--url", server.baseUrl(), "--token-file",
                config.resolve("missing.txt").toString()).assertExit(ExitCode.INPUT);
        assertThat(r.err()).contains("missing.txt").contains("does not exist");
    }

    @Test
    void a_token_file_that_is_a_folder_or_far_too_large_exits_3_naming_it() throws Exception {
        // A large file given by mistake (or /dev/zero) was read whole: gigabytes of heap, then an OutOfMemoryError.
        java.nio.file.Path big = config.resolve("export.csv");
        java.nio.file.Files.write(big, "a".repeat(4 * 1024 * 1024).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        CliResult large = new CliRunner(config).run("test-connection", "--url", server.baseUrl(), "--token-file",
                big.toString()).assertExit(ExitCode.INPUT).assertNoStackTrace();
        assertThat(large.err()).contains(big.toString()).contains("larger than");
        CliResult folder = new CliRunner(config).run("test-connection", "--url", server.baseUrl(), "--token-file",
                config.toString()).assertExit(ExitCode.INPUT).assertNoStackTrace();
        assertThat(folder.err()).contains(config.toString());
    }

    @Test
    void a_port_out_of_range_is_a_usage_error_not_an_unexpected_exception() {
        // 70000 parses as a URL; Java's HTTP client threw IllegalArgumentException at the first request.
        CliResult r = new CliRunner(config).env("SCIMCTL_TOKEN", server.token())
                .run("test-connection", "--url", "http://127.0.0.1:70000/scim/v2").assertExit(ExitCode.USAGE)
                .assertNoStackTrace();
        assertThat(r.err()).contains("70000").doesNotContain("unexpected");
        new CliRunner(config).run("config", "set-profile", "far", "--url", "https://127.0.0.1:99999/scim/v2")
                .assertExit(ExitCode.USAGE).assertErrContains("99999");
        new CliRunner(config).env("SCIMCTL_TOKEN", server.token()).run("test-connection", "--url", server.baseUrl(),
                "--proxy", "http://127.0.0.1:99999").assertExit(ExitCode.USAGE).assertErrContains("--proxy", "99999");
    }

    @Test
    void ctrl_c_exits_130_without_a_stack_trace() throws Exception {
        try (FaultProxy proxy = FaultProxy.start(server.baseUrl())) {
            proxy.rule(req -> Fault.delay(Duration.ofSeconds(30)));
            ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), "dev.scimctl.ScimCtl",
                    "test-connection", "--url", proxy.baseUrl());
            pb.environment().put("SCIMCTL_TOKEN", server.token());
            pb.environment().put("SCIMCTL_CONFIG_DIR", config.toString());
            pb.redirectErrorStream(true);
            Process p = pb.start();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (proxy.totalCount() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(proxy.totalCount()).as("the request reached the server").isPositive();
            new ProcessBuilder("kill", "-INT", Long.toString(p.pid())).start().waitFor();
            assertThat(p.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            String output = new String(p.getInputStream().readAllBytes());
            assertThat(p.exitValue()).as(output).isEqualTo(ExitCode.INTERRUPTED);
            assertThat(output).doesNotContain("Exception").doesNotContain(server.token());
        }
    }

    @Test
    void a_missing_url_is_a_usage_error_that_says_how_to_give_one() {
        CliResult r = cli(server.token()).run("test-connection").assertExit(ExitCode.USAGE);
        assertThat(r.err()).contains("--url").contains("SCIMCTL_URL").doesNotContain("Exception");
    }
}
