package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.FaultProxy;
import dev.scimctl.testing.FaultProxy.Fault;
import dev.scimctl.testing.ScimServerExtension;
import dev.scimctl.testing.TestCertificates;
import dev.scimctl.testing.TestCertificates.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The base-URL mistakes of a first hour, each against real servers: a path one level too deep, a wrong path, and
 * http and https mixed up (a real plain-HTTP port and a real TLS port). Each must be named at once with the base URL
 * to use: the timeouts here are far longer than the test's own limit, so waiting for them would fail it.
 */
@Timeout(30)
class BaseUrlDiagnosisTest {
    @RegisterExtension
    static final ScimServerExtension plain = ScimServerExtension.create();

    @RegisterExtension
    static final ScimServerExtension tls = ScimServerExtension.create(
            b -> b.tls(TestCertificates.get().serverContext(Server.GOOD)));

    @TempDir
    Path config;

    private CliRunner cli(String token) {
        return new CliRunner(config).env("SCIMCTL_TOKEN", token);
    }

    private static String port(String url) {
        return url.replaceAll("^https?://127\\.0\\.0\\.1:(\\d+)/.*$", "$1");
    }

    @Test
    void a_base_url_ending_in_users_fails_and_names_the_base_url() {
        CliResult r = cli(plain.token()).run("test-connection", "--url", plain.baseUrl() + "/Users")
                .assertExit(ExitCode.USAGE);
        assertThat(r.out()).contains("[FAIL] base-url").contains("ends in /Users")
                .contains("fix: use " + plain.baseUrl() + " ")
                .contains("[skip] users").doesNotContain("Connection works");
        assertThat(r.all()).doesNotContain(plain.token());
    }

    @Test
    void a_base_url_ending_in_a_user_id_or_discovery_path_fails_the_same_way() {
        cli(plain.token()).run("test-connection", "--url", plain.baseUrl() + "/Users/2819c223-7f76")
                .assertExit(ExitCode.USAGE).assertOutContains("ends in /Users/2819c223-7f76", "use " + plain.baseUrl());
        cli(plain.token()).run("test-connection", "--url", plain.baseUrl() + "/ServiceProviderConfig")
                .assertExit(ExitCode.USAGE).assertOutContains("ends in /ServiceProviderConfig", "use " + plain.baseUrl());
    }

    @Test
    void a_404_on_service_provider_config_claims_nothing_about_the_token() {
        try (FaultProxy proxy = FaultProxy.start(plain.baseUrl())) {
            proxy.rule(r -> r.path().endsWith("/ServiceProviderConfig")
                    ? Fault.respond(404, Map.of("Content-Type", "application/scim+json"), "{\"status\":\"404\"}")
                    : Fault.forward());
            CliResult r = cli(plain.token()).run("test-connection", "--url", proxy.baseUrl()).assertExit(ExitCode.OK);
            assertThat(r.out()).contains("[warn] service-provider-config  not found")
                    .doesNotContain("authenticated").contains("users step tells")
                    .contains("[ ok ] users").contains("token accepted; listing works");
        }
    }

    @Test
    void a_404_on_both_service_provider_config_and_users_says_the_base_url_is_wrong() {
        String wrong = plain.baseUrl().replace("/scim/v2", "/api/v2");
        CliResult r = cli(plain.token()).run("test-connection", "--url", wrong).assertExit(ExitCode.PROBLEMS);
        assertThat(r.out()).contains("[warn] service-provider-config  not found")
                .contains("[FAIL] users").contains("the base URL is wrong")
                .doesNotContain("token accepted");
    }

    @Test
    void https_to_a_plain_http_port_is_named_at_once_with_exit_5() {
        String https = plain.baseUrl().replace("http://", "https://");
        CliResult r = cli(plain.token()).run("test-connection", "--url", https, "--timeout", "120s",
                "--connect-timeout", "120s").assertExit(ExitCode.UNREACHABLE);
        assertThat(r.out()).contains("[FAIL] tls").contains("speaks plain HTTP, not TLS")
                .contains("fix: use " + plain.baseUrl() + " if the server has no TLS");
        CliResult list = cli(plain.token()).run("users", "list", "--url", https, "--timeout", "120s")
                .assertExit(ExitCode.UNREACHABLE);
        assertThat(list.err()).contains("speaks plain HTTP, not TLS").contains("use " + plain.baseUrl());
        assertThat(r.all() + list.all()).doesNotContain(plain.token());
    }

    @Test
    void http_to_a_tls_port_is_named_at_once_with_exit_5_and_not_retried() {
        String http = tls.baseUrl().replace("https://", "http://");
        CliResult r = cli(tls.token()).run("test-connection", "--url", http, "--timeout", "120s")
                .assertExit(ExitCode.UNREACHABLE);
        assertThat(r.out()).contains("[FAIL] service-provider-config").contains("speaks TLS, not plain HTTP")
                .contains("fix: use " + tls.baseUrl() + " as the base URL");
        CliResult list = cli(tls.token()).run("users", "list", "--url", http).assertExit(ExitCode.UNREACHABLE);
        assertThat(list.err()).contains("127.0.0.1:" + port(http) + " speaks TLS, not plain HTTP: use " + tls.baseUrl())
                .doesNotContain("retrying");
    }

    @Test
    void a_redirect_from_http_to_https_on_the_same_host_says_use_https_and_is_not_followed() {
        try (FaultProxy proxy = FaultProxy.start(plain.baseUrl())) {
            proxy.rule(r -> Fault.redirect("https://127.0.0.1" + r.target()));
            CliResult r = cli(plain.token()).run("test-connection", "--url", proxy.baseUrl())
                    .assertExit(ExitCode.SERVER);
            String https = "https://127.0.0.1/" + proxy.baseUrl().replaceAll("^http://[^/]+/", "");
            assertThat(r.out()).contains("redirects http to https").doesNotContain("another host")
                    .contains("fix: use " + https + " as the base URL");
            CliResult list = cli(plain.token()).run("users", "list", "--url", proxy.baseUrl())
                    .assertExit(ExitCode.SERVER);
            assertThat(list.err()).contains("use " + https + " as the base URL");
            assertThat(r.all() + list.all()).doesNotContain(plain.token());
        }
    }
}
