package dev.scimctl.scim.net;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProxyEndpointTest {
    @Test
    void reads_credentials_host_and_port_and_never_shows_the_password() {
        ProxyEndpoint p = ProxyEndpoint.parse("http://alice:s3cr%40t@Proxy.Corp.example:3128/", "HTTPS_PROXY");
        assertThat(p.host()).isEqualTo("proxy.corp.example");
        assertThat(p.port()).isEqualTo(3128);
        assertThat(p.user()).isEqualTo("alice");
        assertThat(p.password().reveal()).isEqualTo("s3cr@t");
        assertThat(p.redacted()).isEqualTo("http://alice:****@proxy.corp.example:3128");
        assertThat(p.toString()).doesNotContain("s3cr");
        assertThat(p.urlWithoutPassword()).isEqualTo("http://alice@proxy.corp.example:3128");
        String basic = new String(Base64.getDecoder().decode(p.basicAuthorization().substring("Basic ".length())),
                StandardCharsets.UTF_8);
        assertThat(basic).isEqualTo("alice:s3cr@t");
    }

    @Test
    void like_curl_the_scheme_may_be_left_out_and_the_default_port_is_1080() {
        ProxyEndpoint p = ProxyEndpoint.parse("proxy.corp.example", "--proxy");
        assertThat(p.port()).isEqualTo(1080);
        assertThat(p.hasCredentials()).isFalse();
        assertThat(p.basicAuthorization()).isNull();
        assertThat(ProxyEndpoint.parse("http://[::1]:3128", "x").redacted()).isEqualTo("http://[::1]:3128");
    }

    @Test
    void refuses_socks_and_https_proxies_with_the_source_named_and_the_password_not() {
        assertThatThrownBy(() -> ProxyEndpoint.parse("socks5://bob:hunter2@proxy:1080", "ALL_PROXY"))
                .hasMessageContaining("ALL_PROXY").hasMessageContaining("SOCKS").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ProxyEndpoint.parse("https://bob:hunter2@proxy:443", "--proxy"))
                .hasMessageContaining("--proxy").hasMessageContaining("http://").hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ProxyEndpoint.parse("http://bob:hun ter2@proxy:3128", "HTTPS_PROXY"))
                .hasMessageContaining("not a valid URL").hasMessageNotContaining("hun ter2");
        assertThatThrownBy(() -> ProxyEndpoint.parse(" ", "HTTPS_PROXY")).hasMessageContaining("empty");
    }

    @Test
    void a_port_over_65535_is_refused_naming_the_source_not_left_to_the_http_client() {
        assertThatThrownBy(() -> ProxyEndpoint.parse("http://bob:hunter2@proxy:99999", "HTTPS_PROXY"))
                .hasMessageContaining("HTTPS_PROXY").hasMessageContaining("99999").hasMessageNotContaining("hunter2");
    }
}
