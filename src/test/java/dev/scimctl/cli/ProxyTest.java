package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.FaultProxy;
import dev.scimctl.testing.FaultProxy.Fault;
import dev.scimctl.testing.ScimServerExtension;
import dev.scimctl.testing.TestCertificates;
import dev.scimctl.testing.TestCertificates.Server;
import dev.scimctl.testing.Tinyproxy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/** Through a real proxy (tinyproxy) and around it, with and without proxy authentication. */
@Timeout(60)
class ProxyTest {
    private static final TestCertificates CERTS = TestCertificates.get();

    @RegisterExtension
    static final ScimServerExtension https = ScimServerExtension.create(b -> b.tls(CERTS.serverContext(Server.GOOD)));

    @RegisterExtension
    static final ScimServerExtension http = ScimServerExtension.create();

    @TempDir
    Path dir;

    private final String password = "pw-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(8));

    @BeforeEach
    void needsTinyproxy() {
        Tinyproxy.assumeInstalled();
    }

    private CliRunner cli(String token) {
        return new CliRunner(dir).env("SCIMCTL_TOKEN", token);
    }

    private static int port(String url) {
        return URI.create(url).getPort();
    }

    private void assertNoSecrets(CliResult r, String token) {
        assertThat(r.all()).as(r.describe()).doesNotContain(password).doesNotContain(token);
    }

    @Test
    void with_https_proxy_set_every_connection_goes_through_the_proxy_which_logs_the_connect() {
        try (Tinyproxy proxy = Tinyproxy.start(dir, Tinyproxy.options())) {
            CliResult r = cli(https.token()).env("HTTPS_PROXY", proxy.url())
                    .run("test-connection", "--url", https.baseUrl(), "--cacert", CERTS.caPem().toString())
                    .assertExit(ExitCode.OK);
            assertThat(r.out()).contains("[ ok ] proxy                    " + proxy.url() + " (from HTTPS_PROXY)")
                    .contains("the proxy connects to 127.0.0.1 itself")
                    .contains("tunnel to 127.0.0.1:" + port(https.baseUrl()) + " through the proxy 127.0.0.1:" + proxy.port())
                    .contains("[ ok ] tls").contains("[ ok ] users");
            // The probe's tunnel, the TLS step's, and the client's own.
            assertThat(proxy.connectRequests()).hasSizeGreaterThanOrEqualTo(3)
                    .allMatch(target -> target.equals("127.0.0.1:" + port(https.baseUrl())));
        }
    }

    @Test
    void no_proxy_covering_the_host_keeps_every_connection_away_from_the_proxy() {
        try (Tinyproxy proxy = Tinyproxy.start(dir, Tinyproxy.options())) {
            CliResult r = cli(https.token()).env("HTTPS_PROXY", proxy.url()).env("NO_PROXY", "localhost,127.0.0.1")
                    .run("test-connection", "--url", https.baseUrl(), "--cacert", CERTS.caPem().toString())
                    .assertExit(ExitCode.OK);
            assertThat(r.out()).contains("none: NO_PROXY entry \"127.0.0.1\" matches 127.0.0.1")
                    .contains("TCP connection to 127.0.0.1:" + port(https.baseUrl()));
            assertThat(proxy.log()).contains("Connect (file descriptor"); // the log is live: it shows the start-up probe
            assertThat(proxy.connectRequests()).isEmpty();
        }
    }

    @Test
    void proxy_authentication_works_and_the_password_shows_nowhere_even_with_debug() {
        try (Tinyproxy proxy = Tinyproxy.start(dir, Tinyproxy.options().basicAuth("alice", password))) {
            CliResult r = cli(https.token()).env("HTTPS_PROXY", proxy.url("alice", password))
                    .run("--debug", "test-connection", "--url", https.baseUrl(), "--cacert", CERTS.caPem().toString())
                    .assertExit(ExitCode.OK);
            assertThat(r.out()).contains("http://alice:****@127.0.0.1:" + proxy.port() + " (from HTTPS_PROXY), Basic authentication as alice");
            assertThat(r.err()).contains("debug: > GET " + https.baseUrl())
                    .contains("via http://alice:****@127.0.0.1:" + proxy.port() + " (from HTTPS_PROXY)")
                    .contains("Proxy-Authorization: Basic [redacted]")
                    .contains("Authorization: Bearer [redacted]");
            assertNoSecrets(r, https.token());
            assertThat(proxy.connectRequests()).isNotEmpty();

            CliResult json = cli(https.token()).env("HTTPS_PROXY", proxy.url("alice", password))
                    .run("test-connection", "--url", https.baseUrl(), "--cacert", CERTS.caPem().toString(), "-o", "json")
                    .assertExit(ExitCode.OK);
            assertThat(json.out()).contains("\"proxy\" : \"http://alice:****@127.0.0.1:" + proxy.port() + "\"");
            assertNoSecrets(json, https.token());
        }
    }

    @Test
    void a_wrong_proxy_password_exits_5_and_says_the_proxy_refused_it() {
        try (Tinyproxy proxy = Tinyproxy.start(dir, Tinyproxy.options().basicAuth("alice", "the-right-one"))) {
            CliResult r = cli(https.token()).env("HTTPS_PROXY", proxy.url("alice", password))
                    .run("--debug", "test-connection", "--url", https.baseUrl(), "--cacert", CERTS.caPem().toString())
                    .assertExit(ExitCode.UNREACHABLE);
            assertThat(r.out()).contains("[FAIL] connect")
                    .contains("the proxy http://alice:****@127.0.0.1:" + proxy.port() + " (from HTTPS_PROXY) refused the user name and password");
            assertNoSecrets(r, https.token());
        }
    }

    @Test
    void a_proxy_that_wants_a_password_and_gets_none_says_how_to_give_one() {
        try (Tinyproxy proxy = Tinyproxy.start(dir, Tinyproxy.options().basicAuth("alice", password))) {
            CliResult r = cli(https.token()).env("https_proxy", proxy.url())
                    .run("test-connection", "--url", https.baseUrl(), "--cacert", CERTS.caPem().toString())
                    .assertExit(ExitCode.UNREACHABLE);
            assertThat(r.out()).contains("requires a user name and password").contains("http://USER:PASSWORD@host:port");
        }
    }

    @Test
    void a_proxy_that_does_not_allow_the_port_exits_5_and_says_whom_to_ask() {
        try (Tinyproxy proxy = Tinyproxy.start(dir, Tinyproxy.options().connectPorts(443))) {
            CliResult r = cli(https.token()).env("HTTPS_PROXY", proxy.url())
                    .run("test-connection", "--url", https.baseUrl(), "--cacert", CERTS.caPem().toString())
                    .assertExit(ExitCode.UNREACHABLE);
            assertThat(r.out()).contains("does not allow connections to 127.0.0.1:" + port(https.baseUrl()) + " (403)");
        }
    }

    @Test
    void the_proxy_flag_beats_the_environment() {
        try (Tinyproxy proxy = Tinyproxy.start(dir, Tinyproxy.options())) {
            CliResult r = cli(https.token()).env("HTTPS_PROXY", "http://127.0.0.1:9")
                    .run("test-connection", "--url", https.baseUrl(), "--cacert", CERTS.caPem().toString(),
                            "--proxy", proxy.url())
                    .assertExit(ExitCode.OK);
            assertThat(r.out()).contains(proxy.url() + " (from --proxy)");
            assertThat(proxy.connectRequests()).isNotEmpty();
        }
    }

    @Test
    void a_profile_keeps_the_proxy_url_in_config_and_its_password_in_the_0600_credentials_file() throws Exception {
        try (Tinyproxy proxy = Tinyproxy.start(dir, Tinyproxy.options().basicAuth("alice", password))) {
            CliRunner cli = new CliRunner(dir);
            cli.run("config", "set-profile", "corp", "--url", https.baseUrl(), "--proxy", proxy.url("alice", password),
                    "--cacert", CERTS.caPem().toString()).assertExit(0);
            cli.stdin(https.token()).run("config", "set-token", "corp").assertExit(0);
            String configJson = Files.readString(dir.resolve("config.json"));
            assertThat(configJson).contains("\"proxy\" : \"http://alice@127.0.0.1:" + proxy.port() + "\"").doesNotContain(password);
            Path credentials = dir.resolve("credentials.json");
            assertThat(Files.readString(credentials)).contains(password);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials))).isEqualTo("rw-------");

            CliResult r = cli.run("--debug", "test-connection").assertExit(ExitCode.OK);
            assertThat(r.out()).contains("http://alice:****@127.0.0.1:" + proxy.port() + " (from profile \"corp\")");
            assertNoSecrets(r, https.token());
            CliResult show = cli.run("config", "show").assertExit(0);
            assertThat(show.out()).contains("proxy:           via http://alice:****@127.0.0.1:" + proxy.port());
            assertNoSecrets(show, https.token());

            cli.run("config", "set-profile", "corp", "--proxy", "").assertExit(0);
            assertThat(Files.readString(credentials)).doesNotContain(password);
            assertThat(Files.readString(dir.resolve("config.json"))).doesNotContain("proxy");
        }
    }

    @Test
    void http_urls_go_through_http_proxy_and_the_server_never_sees_the_proxy_credentials() {
        List<String> proxyAuthSeen = new CopyOnWriteArrayList<>();
        try (Tinyproxy proxy = Tinyproxy.start(dir, Tinyproxy.options().basicAuth("alice", password));
             FaultProxy recorder = FaultProxy.start(http.baseUrl())) {
            recorder.rule(req -> {
                if (req.header("Proxy-Authorization") != null) {
                    proxyAuthSeen.add(req.path());
                }
                return Fault.forward();
            });
            CliResult r = cli(http.token()).env("HTTP_PROXY", proxy.url("alice", password))
                    .run("test-connection", "--url", recorder.baseUrl()).assertExit(ExitCode.OK);
            assertThat(r.out()).contains("TCP connection to the proxy 127.0.0.1:" + proxy.port())
                    .contains("[skip] tls").contains("[ ok ] users");
            assertThat(proxy.requests("GET")).isNotEmpty().allMatch(u -> u.startsWith(recorder.baseUrl()));
            assertThat(recorder.totalCount()).isPositive();
            assertThat(proxyAuthSeen).isEmpty();
            assertNoSecrets(r, http.token());
        }
    }

    /**
     * Why scimctl sends proxy credentials itself instead of through an {@code Authenticator}: with one, the JDK turns a
     * 401 that lacks WWW-Authenticate into an IOException, and an expired token would look like a network failure.
     */
    @Test
    void through_an_authenticating_proxy_a_bare_401_from_the_server_still_exits_4() {
        try (Tinyproxy proxy = Tinyproxy.start(dir, Tinyproxy.options().basicAuth("alice", password));
             FaultProxy bare401 = FaultProxy.start(http.baseUrl())) {
            bare401.rule(req -> Fault.status(401));
            CliResult r = cli(http.token()).env("HTTP_PROXY", proxy.url("alice", password))
                    .run("test-connection", "--url", bare401.baseUrl()).assertExit(ExitCode.AUTH);
            assertThat(r.out()).contains("401").contains("six months");
            assertNoSecrets(r, http.token());
        }
    }

    @Test
    void an_unreachable_proxy_exits_5_naming_the_proxy_without_its_password() {
        CliResult r = cli(https.token()).env("HTTPS_PROXY", "http://bob:" + password + "@127.0.0.1:9")
                .run("test-connection", "--url", https.baseUrl(), "--cacert", CERTS.caPem().toString())
                .assertExit(ExitCode.UNREACHABLE);
        assertThat(r.out()).contains("cannot connect to the proxy http://bob:****@127.0.0.1:9 (from HTTPS_PROXY)");
        assertNoSecrets(r, https.token());
    }

    @Test
    void a_proxy_variable_scimctl_cannot_use_is_a_usage_error_that_names_it() {
        CliResult r = cli(https.token()).env("HTTPS_PROXY", "socks5://bob:" + password + "@127.0.0.1:1080")
                .run("test-connection", "--url", https.baseUrl()).assertExit(ExitCode.USAGE);
        assertThat(r.err()).contains("HTTPS_PROXY").contains("SOCKS");
        assertNoSecrets(r, https.token());
    }
}
