package dev.scimctl.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.scimctl.ExitCode;
import dev.scimctl.ScimCtl;
import dev.scimctl.output.Terminals;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.RawScimClient;
import dev.scimctl.testing.RawScimClient.Response;

/** {@code scimctl sandbox} run in-process on a thread, the way a person runs it in a terminal, then stopped. */
class SandboxCommandTest {

    private static final Pattern URL = Pattern.compile("^url: (http://\\S+)$", Pattern.MULTILINE);
    private static final Pattern TOKEN = Pattern.compile("^token: (\\S+)$", Pattern.MULTILINE);

    @TempDir
    Path temp;

    /** A sandbox command running on its own thread; {@link #stop()} interrupts it as Ctrl-C would end it. */
    private final class Running implements AutoCloseable {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final Thread thread;
        final CompletableFuture<Integer> exit = new CompletableFuture<>();

        Running(String... args) {
            CommandContext context = new CommandContext(new PrintWriter(out), new PrintWriter(err),
                    new ByteArrayInputStream(new byte[0]), Map.of("SCIMCTL_CONFIG_DIR", temp.toString()),
                    Terminals.NONE, Clock.systemUTC());
            thread = new Thread(() -> exit.complete(ScimCtl.run(context, args)), "sandbox-command-under-test");
            thread.start();
        }

        String url() throws InterruptedException {
            return await(URL);
        }

        String await(Pattern pattern) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                Matcher matcher = pattern.matcher(out.toString());
                if (matcher.find()) {
                    return matcher.group(1);
                }
                if (exit.isDone()) {
                    throw new AssertionError("the command ended early\n" + result().describe());
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no " + pattern + " in time\n" + result().describe());
        }

        CliResult stop() throws Exception {
            thread.interrupt();
            int code = exit.get(10, TimeUnit.SECONDS);
            return new CliResult(code, out.toString(), err.toString());
        }

        CliResult result() {
            return new CliResult(exit.getNow(-1), out.toString(), err.toString());
        }

        @Override
        public void close() throws Exception {
            if (!exit.isDone()) {
                stop();
            }
        }
    }

    @Test
    void prints_its_url_and_a_generated_token_once_then_serves_scim_and_logs_each_request() throws Exception {
        try (Running sandbox = new Running("sandbox", "--port", "0")) {
            String url = sandbox.url();
            String token = sandbox.await(TOKEN);
            assertThat(url).matches("http://127\\.0\\.0\\.1:\\d+/scim/v2");
            assertThat(token).matches("[A-Za-z0-9_-]{43}");

            RawScimClient client = new RawScimClient(url, token);
            Response created = client.post("/Users", """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"cli@example.com"}""");
            assertThat(created.status()).isEqualTo(201);
            assertThat(new RawScimClient(url, "wrong").get("/Users").status()).isEqualTo(401);

            CliResult result = sandbox.stop();
            result.assertExit(ExitCode.OK);
            assertThat(result.out().split(Pattern.quote(token), -1)).as("the token is printed exactly once").hasSize(2);
            assertThat(result.err()).doesNotContain(token);
            assertThat(result.err()).containsPattern("\\d\\d:\\d\\d:\\d\\d POST /scim/v2/Users 201 \\d+ ms");
            assertThat(result.err()).containsPattern("GET /scim/v2/Users 401 \\d+ ms");
            assertThat(result.err()).contains("token printed above").contains("sandbox: stopped");
        }
    }

    @Test
    void with_a_token_file_does_not_print_the_token_but_says_where_it_came_from() throws Exception {
        Path tokenFile = Files.writeString(temp.resolve("token.txt"), "file-token-abcdefghijklmnop\n");
        try (Running sandbox = new Running("sandbox", "--port", "0", "--token-file", tokenFile.toString())) {
            String url = sandbox.url();

            assertThat(new RawScimClient(url, "file-token-abcdefghijklmnop").get("/Users").status()).isEqualTo(200);

            CliResult result = sandbox.stop();
            assertThat(result.all()).doesNotContain("file-token-abcdefghijklmnop").doesNotContain("token:");
            assertThat(result.err()).contains("token from " + tokenFile);
        }
    }

    @Test
    void keeps_its_data_in_the_data_file_across_runs() throws Exception {
        Path data = temp.resolve("sandbox.json");
        Path tokenFile = Files.writeString(temp.resolve("token.txt"), "persistent-token-0123456789");
        try (Running first = new Running("sandbox", "--port", "0", "--data", data.toString(),
                "--token-file", tokenFile.toString())) {
            RawScimClient client = new RawScimClient(first.url(), "persistent-token-0123456789");
            assertThat(client.post("/Users", """
                    {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"kept@example.com"}""")
                    .status()).isEqualTo(201);
            first.stop().assertExit(ExitCode.OK);
        }
        assertThat(Files.readString(data)).contains("kept@example.com");

        try (Running second = new Running("sandbox", "--port", "0", "--data", data.toString(),
                "--token-file", tokenFile.toString(), "--disable", "patch,filter", "--soft-delete")) {
            RawScimClient client = new RawScimClient(second.url(), "persistent-token-0123456789");
            assertThat(client.get("/Users").json().get("totalResults").asInt()).isEqualTo(1);
            assertThat(client.get("/ServiceProviderConfig").json().at("/patch/supported").asBoolean()).isFalse();
        }
    }

    @Test
    void refuses_a_port_in_use_with_a_usage_error() throws IOException {
        try (ServerSocket taken = new ServerSocket(0)) {
            CliResult result = new CliRunner(temp).run("sandbox", "--port", String.valueOf(taken.getLocalPort()));

            result.assertExit(ExitCode.USAGE);
            assertThat(result.err()).contains("--port 0");
        }
    }

    @Test
    void refuses_a_fail_rate_outside_0_to_1() {
        CliResult result = new CliRunner(temp).run("sandbox", "--port", "0", "--fail-rate", "1.5");

        result.assertExit(ExitCode.USAGE);
        assertThat(result.err()).contains("--fail-rate");
    }

    @Test
    void refuses_a_data_file_that_is_not_sandbox_data_without_touching_it() throws IOException {
        Path data = Files.writeString(temp.resolve("other.json"), "[1,2,3]");

        CliResult result = new CliRunner(temp).run("sandbox", "--port", "0", "--data", data.toString());

        result.assertExit(ExitCode.INPUT);
        assertThat(result.err()).contains("not a scimctl sandbox data file");
        assertThat(Files.readString(data)).isEqualTo("[1,2,3]");
    }

    @Test
    void keeps_its_token_beside_the_data_file_so_a_restart_keeps_it() throws Exception {
        Path data = temp.resolve("sandbox.json");
        String token;
        try (Running first = new Running("sandbox", "--port", "0", "--data", data.toString())) {
            first.url();
            token = first.await(TOKEN);
            assertThat(first.await(Pattern.compile("^token-file: (\\S+)$", Pattern.MULTILINE)))
                    .isEqualTo(temp.resolve("sandbox.token").toString());
            first.stop().assertExit(ExitCode.OK);
        }
        Path saved = temp.resolve("sandbox.token");
        assertThat(Files.readString(saved).strip()).isEqualTo(token);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(saved))).isEqualTo("rw-------");

        try (Running second = new Running("sandbox", "--port", "0", "--data", data.toString())) {
            String url = second.url();
            assertThat(second.await(TOKEN)).isEqualTo(token);
            assertThat(new RawScimClient(url, token).get("/Users").status()).isEqualTo(200);
            assertThat(second.stop().err()).contains("kept in " + saved);
        }
    }

    @Test
    void refuses_a_data_file_that_does_not_parse_with_its_line_and_column() throws IOException {
        Path data = Files.writeString(temp.resolve("broken.json"), "{\n  \"format\": \"scimctl-sandbox/1\",\n  \"users\": [,]\n}");

        CliResult result = new CliRunner(temp).run("sandbox", "--port", "0", "--data", data.toString());

        result.assertExit(ExitCode.INPUT);
        assertThat(result.err()).contains(data + ":3:13: not a scimctl sandbox data file").contains("expected {\"format\"")
                .doesNotContain("Source").doesNotContain("at [");
        assertThat(Files.exists(temp.resolve("broken.token"))).isFalse();
    }

    @Test
    void refuses_a_data_file_of_the_wrong_shape_and_leaves_it_exactly_as_it_was() throws IOException {
        String content = "{\"format\": \"scimctl-sandbox/1\",\n \"users\": \"nope\", \"groups\": []}";
        Path data = Files.writeString(temp.resolve("shape.json"), content);

        CliResult result = new CliRunner(temp).run("sandbox", "--port", "0", "--data", data.toString(),
                "--token-file", Files.writeString(temp.resolve("t.txt"), "a-token-0123456789").toString());

        result.assertExit(ExitCode.INPUT);
        assertThat(result.err()).contains(data + ":2:11: not a scimctl sandbox data file: \"users\" is the string \"nope\", not a list");
        assertThat(Files.readString(data)).isEqualTo(content);
    }

    @Test
    void is_listed_in_the_root_help_and_has_its_own() {
        assertThat(new CliRunner(temp).run("--help").out()).contains("sandbox");

        CliResult help = new CliRunner(temp).run("sandbox", "--help").assertExit(ExitCode.OK);
        // Wrapped help text: compare with the line breaks folded.
        assertThat(help.out().replaceAll("\\s+", " ")).contains("--token-file").contains("--fail-rate")
                .contains("patch, filter, sort, etag");
    }
}
