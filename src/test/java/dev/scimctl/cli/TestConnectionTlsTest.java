package dev.scimctl.cli;

import dev.scimctl.ExitCode;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import dev.scimctl.testing.ScimServerExtension;
import dev.scimctl.testing.TestCertificates;
import dev.scimctl.testing.TestCertificates.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** test-connection against the SCIM server behind HTTPS, with a certificate signed by a private CA. */
@Timeout(60)
class TestConnectionTlsTest {
    private static final TestCertificates CERTS = TestCertificates.get();

    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create(b -> b.tls(CERTS.serverContext(Server.GOOD)));

    @TempDir
    Path config;

    private CliRunner cli() {
        return new CliRunner(config).env("SCIMCTL_TOKEN", server.token());
    }

    private static String ca() {
        return CERTS.caPem().toString();
    }

    @Test
    void without_cacert_a_private_ca_exits_5_with_the_tls_inspection_explanation() {
        CliResult r = cli().run("test-connection", "--url", server.baseUrl()).assertExit(ExitCode.UNREACHABLE);
        assertThat(r.out()).contains("[FAIL] tls")
                .contains("the server's certificate is signed by a CA this machine does not trust")
                .contains("is there TLS inspection? use --cacert")
                .contains("fix: get the certificate of the CA that signed it")
                // The chain is shown, so the inspecting CA can be named to whoever runs it.
                .contains("certificate 1: CN=" + TestCertificates.CA_NAME)
                .contains("[skip] service-provider-config");
        assertThat(r.all()).doesNotContain(server.token());
    }

    @Test
    void with_cacert_it_passes_and_shows_the_trust_and_the_chain() {
        server.seedUsers(2);
        CliResult r = cli().run("test-connection", "--url", server.baseUrl(), "--cacert", ca()).assertExit(ExitCode.OK);
        assertThat(r.out())
                .contains("trust ").contains("the JDK's CAs plus 1 from " + ca() + " (--cacert)")
                .contains("extra CA: CN=" + TestCertificates.CA_NAME)
                .contains("[ ok ] tls")
                .contains("certificate 0: CN=localhost,O=scimctl tests; issuer CN=" + TestCertificates.CA_NAME)
                .contains("names localhost, 127.0.0.1")
                .contains("listing works: 2 users")
                .contains("none: none of https_proxy, HTTPS_PROXY, all_proxy, ALL_PROXY is set");
    }

    @Test
    void ssl_cert_file_and_a_profile_setting_work_as_cacert_does() throws Exception {
        cli().env("SSL_CERT_FILE", ca()).run("test-connection", "--url", server.baseUrl()).assertExit(ExitCode.OK);

        CliRunner plain = new CliRunner(config);
        plain.run("config", "set-profile", "corp", "--url", server.baseUrl(), "--cacert", ca()).assertExit(0);
        plain.stdin(server.token()).run("config", "set-token", "corp").assertExit(0);
        assertThat(Files.readString(config.resolve("config.json"))).contains("\"caCert\" : \"" + ca() + "\"");
        CliResult r = plain.run("test-connection").assertExit(ExitCode.OK);
        assertThat(r.out()).contains("the JDK's CAs plus 1 from " + ca() + " (profile \"corp\")");
        assertThat(plain.run("config", "show").assertExit(0).out())
                .contains("trusted CAs:     the JDK's CAs plus 1 from " + ca());

        plain.run("config", "set-profile", "corp", "--cacert", "").assertExit(0);
        plain.run("test-connection").assertExit(ExitCode.UNREACHABLE);
    }

    @Test
    void a_ca_file_that_is_missing_or_not_pem_exits_3_and_says_what_it_needs() {
        CliResult missing = cli().run("test-connection", "--url", server.baseUrl(), "--cacert", config.resolve("nope.pem").toString())
                .assertExit(ExitCode.INPUT);
        assertThat(missing.err()).contains("does not exist").contains("(from --cacert)");
        Path notPem = CERTS.write("notes.txt", "ask IT for the proxy CA\n");
        CliResult bad = cli().env("SSL_CERT_FILE", notPem.toString()).run("test-connection", "--url", server.baseUrl())
                .assertExit(ExitCode.INPUT);
        assertThat(bad.err()).contains("(from SSL_CERT_FILE)").contains("-----BEGIN CERTIFICATE-----");
        new CliRunner(config).run("config", "set-profile", "x", "--url", server.baseUrl(), "--cacert", notPem.toString())
                .assertExit(ExitCode.INPUT);
    }

    @Test
    void an_expired_certificate_exits_5_with_its_dates() {
        var cert = CERTS.certificate(Server.EXPIRED);
        try (ScimServerExtension expired = ScimServerExtension.create(b -> b.tls(CERTS.serverContext(Server.EXPIRED))).start()) {
            CliResult r = new CliRunner(config).env("SCIMCTL_TOKEN", expired.token())
                    .run("test-connection", "--url", expired.baseUrl(), "--cacert", ca()).assertExit(ExitCode.UNREACHABLE);
            assertThat(r.out()).contains("[FAIL] tls")
                    .contains("expired on " + cert.getNotAfter().toInstant().toString().substring(0, 10))
                    .contains("certificate 0: CN=localhost,O=scimctl tests; issuer CN=" + TestCertificates.CA_NAME
                            + ",O=scimctl tests; EXPIRED");
        }
    }

    @Test
    void a_certificate_for_another_host_exits_5_naming_both_names() {
        try (ScimServerExtension wrong = ScimServerExtension.create(b -> b.tls(CERTS.serverContext(Server.WRONG_HOST))).start()) {
            CliResult r = new CliRunner(config).env("SCIMCTL_TOKEN", wrong.token())
                    .run("test-connection", "--url", wrong.baseUrl(), "--cacert", ca()).assertExit(ExitCode.UNREACHABLE);
            assertThat(r.out()).contains("the server's certificate is for scim.wrong.example, not 127.0.0.1");
        }
    }

    @Test
    void a_server_that_speaks_only_tls_1_1_exits_5_with_the_versions_scimctl_offers() {
        try (ScimServerExtension old = ScimServerExtension.create(b -> b.tls(CERTS.serverContext(Server.GOOD))
                .tlsProtocols("TLSv1.1")).start()) {
            CliResult r = new CliRunner(config).env("SCIMCTL_TOKEN", old.token())
                    .run("test-connection", "--url", old.baseUrl(), "--cacert", ca()).assertExit(ExitCode.UNREACHABLE);
            assertThat(r.out()).contains("[FAIL] tls").contains("TLSv1.3, TLSv1.2").contains("TLS 1.2 or newer");
        }
    }
}
