package dev.scimctl.training;

import dev.scimctl.ExitCode;
import dev.scimctl.testing.ScimServerExtension;
import dev.scimctl.testing.TestCertificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run against an {@code http://} URL must not pay for TLS: no TLS stack, no trust store, no parsing of a CA file
 * (here {@code SSL_CERT_FILE}, set as on many machines). Checked in a JVM of its own, by the classes it loads; the
 * same command over HTTPS shows that the check sees TLS when it is there.
 */
@Timeout(180)
class PlainHttpLoadsNoTlsTest {
    private static final TestCertificates CERTS = TestCertificates.get();

    @RegisterExtension
    static final ScimServerExtension http = ScimServerExtension.create();
    @RegisterExtension
    static final ScimServerExtension https = ScimServerExtension.create(b -> b.tls(CERTS.serverContext(
            TestCertificates.Server.GOOD)));

    @TempDir
    Path dir;

    @Test
    void users_get_over_http_loads_no_tls_or_certificate_classes() throws Exception {
        ChildJvm.Run run = usersGet(http);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.output()).contains("alice@example.com");
        assertThat(run.named("sun.security.ssl.").map(ChildJvm.LoadedClass::name)).as("TLS classes").isEmpty();
        assertThat(run.named("sun.security.x509.").map(ChildJvm.LoadedClass::name)).as("certificate classes").isEmpty();
    }

    @Test
    void the_same_over_https_does_load_them() throws Exception {
        ChildJvm.Run run = usersGet(https);

        assertThat(run.exitCode()).as(run.output()).isEqualTo(ExitCode.OK);
        assertThat(run.named("sun.security.ssl.")).isNotEmpty();
        assertThat(run.named("sun.security.x509.")).isNotEmpty();
    }

    private ChildJvm.Run usersGet(ScimServerExtension server) throws Exception {
        server.seedUser("alice@example.com");
        return ChildJvm.run(dir, List.of("-cp", System.getProperty("java.class.path"), "dev.scimctl.ScimCtl"),
                List.of("users", "get", "alice@example.com", "-o", "json"),
                Map.of("SCIMCTL_URL", server.baseUrl(), "SCIMCTL_TOKEN", server.token(),
                        "SSL_CERT_FILE", CERTS.caPem().toString()));
    }
}
