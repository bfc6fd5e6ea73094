package dev.scimctl.scim;

import dev.scimctl.cli.options.OptionNames;
import dev.scimctl.scim.net.Network;
import dev.scimctl.scim.net.ProxySettings;
import dev.scimctl.scim.net.TrustSettings;
import dev.scimctl.testing.ScimServerExtension;
import dev.scimctl.testing.TestCertificates;
import dev.scimctl.testing.TestCertificates.Server;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.time.Duration;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The client's own TLS failures (not only test-connection's probe) say which problem it is. */
@Timeout(60)
class ScimClientTlsTest {
    private static final TestCertificates CERTS = TestCertificates.get();

    @RegisterExtension
    static final ScimServerExtension good = ScimServerExtension.create(b -> b.tls(CERTS.serverContext(Server.GOOD)));

    private static ScimClient client(String baseUrl, TrustSettings trust) {
        ScimClientConfig config = ScimClientConfig.of(URI.create(baseUrl), new Secret(good.token()))
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(10)).withNames(OptionNames.INSTANCE);
        return new ScimClient(config, new Network(ProxySettings.NONE, trust));
    }

    private static TrustSettings withCa() {
        return TrustSettings.withExtraCas(CERTS.caPem(), "--cacert");
    }

    private static void withServer(Consumer<dev.scimctl.sandbox.SandboxServer.Builder> settings, Consumer<String> test) {
        try (ScimServerExtension server = ScimServerExtension.create(settings).start()) {
            test.accept(server.baseUrl());
        }
    }

    @Test
    void trusts_a_private_ca_given_as_an_extra_ca() {
        assertThat(good.baseUrl()).startsWith("https://");
        assertThat(client(good.baseUrl(), withCa()).serviceProviderConfig()).isPresent();
        assertThat(client(good.baseUrl().replace("127.0.0.1", "localhost"), withCa()).serviceProviderConfig()).isPresent();
    }

    @Test
    void refuses_a_private_ca_by_default_with_the_inspection_hint() {
        assertThatThrownBy(() -> client(good.baseUrl(), TrustSettings.jdkDefault()).serviceProviderConfig())
                .isInstanceOfSatisfying(ScimConnectionException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ScimConnectionException.Kind.TLS);
                    assertThat(e.getMessage()).contains("the server's certificate is signed by a CA this machine does not trust")
                            .contains("issuer: " + TestCertificates.CA_NAME)
                            .contains("is there TLS inspection? use --cacert")
                            .contains("trusted now: the JDK's CAs");
                });
    }

    @Test
    void a_self_signed_certificate_is_called_self_signed() {
        withServer(b -> b.tls(CERTS.selfSignedContext()), url ->
                assertThatThrownBy(() -> client(url, TrustSettings.jdkDefault()).serviceProviderConfig())
                        .isInstanceOf(ScimConnectionException.class)
                        .hasMessageContaining("the server's certificate \"" + TestCertificates.CA_NAME + "\" is self-signed")
                        .hasMessageContaining("use --cacert FILE with that certificate"));
    }

    @Test
    void an_expired_certificate_is_named_with_its_dates() {
        var cert = CERTS.certificate(Server.EXPIRED);
        String notAfter = cert.getNotAfter().toInstant().toString().substring(0, 10);
        String notBefore = cert.getNotBefore().toInstant().toString().substring(0, 10);
        withServer(b -> b.tls(CERTS.serverContext(Server.EXPIRED)), url ->
                assertThatThrownBy(() -> client(url, withCa()).serviceProviderConfig())
                        .isInstanceOf(ScimConnectionException.class)
                        .hasMessageContaining("the server's certificate expired on " + notAfter)
                        .hasMessageContaining("valid from " + notBefore)
                        .hasMessageContaining("renew"));
    }

    @Test
    void a_certificate_not_yet_valid_asks_about_the_clock() {
        String notBefore = CERTS.certificate(Server.NOT_YET_VALID).getNotBefore().toInstant().toString().substring(0, 10);
        withServer(b -> b.tls(CERTS.serverContext(Server.NOT_YET_VALID)), url ->
                assertThatThrownBy(() -> client(url, withCa()).serviceProviderConfig())
                        .isInstanceOf(ScimConnectionException.class)
                        .hasMessageContaining("is not valid before " + notBefore)
                        .hasMessageContaining("clock"));
    }

    @Test
    void a_certificate_for_another_host_names_both_names() {
        withServer(b -> b.tls(CERTS.serverContext(Server.WRONG_HOST)), url ->
                assertThatThrownBy(() -> client(url, withCa()).serviceProviderConfig())
                        .isInstanceOf(ScimConnectionException.class)
                        .hasMessageContaining("the server's certificate is for scim.wrong.example, not 127.0.0.1"));
    }

    @Test
    void a_server_with_only_old_protocols_gets_a_handshake_message_with_the_versions_offered() {
        withServer(b -> b.tls(CERTS.serverContext(Server.GOOD)).tlsProtocols("TLSv1.1"), url ->
                assertThatThrownBy(() -> client(url, withCa()).serviceProviderConfig())
                        .isInstanceOfSatisfying(ScimConnectionException.class, e -> {
                            assertThat(e.kind()).isEqualTo(ScimConnectionException.Kind.TLS);
                            assertThat(e.getMessage()).contains("TLS with 127.0.0.1:").contains("TLSv1.3, TLSv1.2");
                        }));
    }
}
