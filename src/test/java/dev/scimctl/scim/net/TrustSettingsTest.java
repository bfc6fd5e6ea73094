package dev.scimctl.scim.net;

import dev.scimctl.InputException;
import dev.scimctl.testing.TestCertificates;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TrustSettingsTest {
    private static final TestCertificates CERTS = TestCertificates.get();

    @Test
    void extra_cas_are_added_to_the_jdks_own_never_instead_of_them() {
        TrustSettings jdkOnly = TrustSettings.jdkDefault();
        TrustSettings withCa = TrustSettings.withExtraCas(CERTS.caPem(), "--cacert");
        assertThat(withCa.acceptedIssuers()).containsAll(jdkOnly.acceptedIssuers()).contains(CERTS.ca())
                .hasSize(jdkOnly.acceptedIssuers().size() + 1);
        assertThat(withCa.describe()).isEqualTo("the JDK's CAs plus 1 from " + CERTS.caPem() + " (--cacert)");
    }

    @Test
    void a_pem_file_may_hold_many_certificates_and_text_between_them() {
        Path bundle = CERTS.write("bundle.pem", "# corporate bundle\nsubject=CN=one\n" + TestCertificates.pem(CERTS.ca())
                + "\nBag Attributes\n" + TestCertificates.pem(CERTS.certificate(TestCertificates.Server.GOOD)));
        assertThat(TrustSettings.withExtraCas(bundle, "SSL_CERT_FILE").extraCertificates()).hasSize(2);
    }

    @Test
    void a_missing_or_non_pem_file_is_an_input_error_that_says_what_a_ca_file_is() {
        assertThatThrownBy(() -> TrustSettings.withExtraCas(Path.of("/nonexistent/ca.pem"), "--cacert"))
                .isInstanceOf(InputException.class).hasMessageContaining("does not exist").hasMessageContaining("--cacert");
        Path key = CERTS.write("key.pem", "-----BEGIN PRIVATE KEY-----\nMIIB\n-----END PRIVATE KEY-----\n");
        assertThatThrownBy(() -> TrustSettings.withExtraCas(key, "--cacert"))
                .isInstanceOf(InputException.class).hasMessageContaining("BEGIN CERTIFICATE");
        Path empty = CERTS.write("empty.pem", "");
        assertThatThrownBy(() -> TrustSettings.withExtraCas(empty, "profile \"prod\""))
                .isInstanceOf(InputException.class).hasMessageContaining("holds no certificate");
    }
}
