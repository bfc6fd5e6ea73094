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

/** SSL_CERT_DIR and --proxy '' read as OpenSSL and curl read them, against a real server behind TLS. */
@Timeout(60)
class CurlConventionsTest {
    private static final TestCertificates CERTS = TestCertificates.get();

    @RegisterExtension
    static final ScimServerExtension server = ScimServerExtension.create(b -> b.tls(CERTS.serverContext(Server.GOOD)));

    @TempDir
    Path config;

    @TempDir
    Path certs;

    private CliRunner cli() {
        return new CliRunner(config).env("SCIMCTL_TOKEN", server.token());
    }

    @Test
    void ssl_cert_dir_is_a_folder_of_pem_files_and_other_files_are_passed_over() throws Exception {
        Files.copy(CERTS.caPem(), certs.resolve("corp-ca.pem"));
        // A hash-named copy, as c_rehash makes, and a file that is no certificate.
        Files.copy(CERTS.caPem(), certs.resolve("5ed36f99.0"));
        Files.writeString(certs.resolve("README"), "certificates for the office\n");
        CliResult r = cli().env("SSL_CERT_DIR", certs.toString()).run("test-connection", "--url", server.baseUrl())
                .assertExit(ExitCode.OK);
        assertThat(r.out()).contains("the JDK's CAs plus 1 from " + certs + " (SSL_CERT_DIR)").contains("[ ok ] tls");
    }

    @Test
    void ssl_cert_dir_counts_beside_ssl_cert_file() throws Exception {
        Path other = certs.resolve("other");
        Files.createDirectory(other);
        Files.writeString(other.resolve("notes.txt"), "nothing here\n");
        Files.copy(CERTS.caPem(), certs.resolve("ca.pem"));
        Path sameCa = CERTS.write("same-ca.pem", Files.readString(CERTS.caPem()));
        CliResult r = cli().env("SSL_CERT_FILE", sameCa.toString())
                .env("SSL_CERT_DIR", other + ":" + certs).run("test-connection", "--url", server.baseUrl())
                .assertExit(ExitCode.OK);
        assertThat(r.out()).contains("(SSL_CERT_FILE) and " + other + ":" + certs + " (SSL_CERT_DIR)");
    }

    @Test
    void an_ssl_cert_dir_without_certificates_is_exit_3() throws Exception {
        Files.writeString(certs.resolve("README"), "no certificates\n");
        CliResult r = cli().env("SSL_CERT_DIR", certs.toString()).run("users", "list", "--url", server.baseUrl())
                .assertExit(ExitCode.INPUT);
        assertThat(r.err()).contains("the CA folder " + certs + " (from SSL_CERT_DIR) holds no PEM certificate");
    }

    @Test
    void an_empty_proxy_option_turns_the_environments_proxy_off() {
        CliRunner behindDeadProxy = cli().env("HTTPS_PROXY", "http://127.0.0.1:9").env("SSL_CERT_FILE", CERTS.caPem().toString());
        behindDeadProxy.run("users", "list", "--url", server.baseUrl()).assertExit(ExitCode.UNREACHABLE);
        CliResult r = behindDeadProxy.run("test-connection", "--url", server.baseUrl(), "--proxy", "")
                .assertExit(ExitCode.OK);
        assertThat(r.out()).contains("[ ok ] proxy").contains("--proxy '' turns every proxy off");
        behindDeadProxy.run("users", "list", "--url", server.baseUrl(), "--proxy", "").assertExit(ExitCode.OK);
    }
}
