package dev.scimctl.compat;

import dev.scimctl.ExitCode;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.ScimServerExtension;
import dev.scimctl.testing.ScimmyServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One suite, two independent SCIM servers: our sandbox (scim-sdk-server) and SCIMMY (Node.js). Code that only ever
 * met one server fits that server's quirks; where the two differ, scimctl must work with both
 * (docs/compatibility.md).
 */
@Timeout(120)
class CompatibilityTest {
    /** A server under test: where it is and its token. */
    record Server(String baseUrl, String token) {
    }

    private static final ScimServerExtension sandbox = ScimServerExtension.create();

    @TempDir
    Path config;

    static Stream<Named<Supplier<Server>>> servers() {
        return Stream.of(
                Named.of("sandbox (scim-sdk-server)", () -> {
                    sandbox.start();
                    return new Server(sandbox.baseUrl(), sandbox.token());
                }),
                Named.of("SCIMMY (Node.js)", () -> {
                    ScimmyServer s = ScimmyServer.get();
                    return new Server(s.baseUrl(), s.token());
                }));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    private CliRunner cli(Server s) {
        return new CliRunner(config).env("SCIMCTL_URL", s.baseUrl()).env("SCIMCTL_TOKEN", s.token());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void test_connection_passes(Supplier<Server> server) {
        Server s = server.get();
        CliResult r = cli(s).run("test-connection").assertExit(ExitCode.OK);
        assertThat(r.out()).contains("listing works").doesNotContain(s.token());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("servers")
    void a_wrong_token_is_refused(Supplier<Server> server) {
        Server s = server.get();
        CliResult r = new CliRunner(config).env("SCIMCTL_URL", s.baseUrl()).env("SCIMCTL_TOKEN", "not-the-token-123")
                .run("test-connection").assertExit(ExitCode.AUTH);
        assertThat(r.out()).contains("401");
    }
}
