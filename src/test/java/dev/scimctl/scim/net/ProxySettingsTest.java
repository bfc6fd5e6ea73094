package dev.scimctl.scim.net;

import org.junit.jupiter.api.Test;

import java.net.Proxy;
import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProxySettingsTest {
    private static final URI NINJA = URI.create("https://eu.ninjarmm.com/scim/v2");

    @Test
    void https_urls_use_https_proxy_lower_case_first() {
        ProxySettings s = ProxySettings.of(null, Map.of("HTTPS_PROXY", "http://upper:3128", "https_proxy", "http://lower:3128",
                "HTTP_PROXY", "http://plain:3128"));
        ProxyRoute route = s.route(NINJA);
        assertThat(route.proxy().host()).isEqualTo("lower");
        assertThat(route.why()).isEqualTo("https_proxy");
        assertThat(s.route(URI.create("http://intranet.example/scim")).proxy().host()).isEqualTo("plain");
    }

    @Test
    void all_proxy_is_the_fallback_and_an_unused_bad_variable_is_ignored() {
        ProxySettings s = ProxySettings.of(null, Map.of("ALL_PROXY", "http://all:8080", "HTTP_PROXY", "socks5://x:1"));
        assertThat(s.route(NINJA).proxy().host()).isEqualTo("all");
        assertThatThrownBy(() -> s.route(URI.create("http://plain.example/")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HTTP_PROXY");
    }

    @Test
    void without_variables_it_says_which_were_looked_at() {
        ProxyRoute route = ProxySettings.of(null, Map.of()).route(NINJA);
        assertThat(route.isDirect()).isTrue();
        assertThat(route.describe()).isEqualTo("direct (none of https_proxy, HTTPS_PROXY, all_proxy, ALL_PROXY is set)");
    }

    @Test
    void an_explicit_proxy_beats_the_environment_and_no_proxy_still_applies_to_it() {
        ProxyEndpoint flag = ProxyEndpoint.parse("http://flag:3128", "--proxy");
        ProxySettings s = ProxySettings.of(flag, Map.of("HTTPS_PROXY", "http://env:3128"));
        assertThat(s.route(NINJA).proxy().host()).isEqualTo("flag");
        assertThat(s.route(NINJA).why()).isEqualTo("--proxy");
        ProxySettings bypass = ProxySettings.of(flag, Map.of("NO_PROXY", "ninjarmm.com"));
        assertThat(bypass.route(NINJA).describe()).isEqualTo("direct (NO_PROXY entry \"ninjarmm.com\" matches eu.ninjarmm.com)");
    }

    @Test
    void the_selector_routes_as_the_settings_say() {
        ProxySettings s = ProxySettings.of(null, Map.of("https_proxy", "http://proxy.corp:3128", "no_proxy", "localhost"));
        Proxy viaProxy = s.selector().select(NINJA).get(0);
        assertThat(viaProxy.type()).isEqualTo(Proxy.Type.HTTP);
        assertThat(viaProxy.address().toString()).contains("proxy.corp").contains("3128");
        assertThat(s.selector().select(URI.create("https://localhost:8443/scim")).get(0)).isEqualTo(Proxy.NO_PROXY);
    }

    @Test
    void every_proxy_password_is_known_as_a_secret() {
        ProxySettings s = ProxySettings.of(ProxyEndpoint.parse("http://a:flagpass@p:1", "--proxy"),
                Map.of("HTTPS_PROXY", "http://b:envpass@q:2", "http_proxy", "http://c:otherpass@r:3"));
        assertThat(s.secrets()).extracting(secret -> secret.reveal())
                .containsExactlyInAnyOrder("flagpass", "envpass", "otherpass");
    }
}
