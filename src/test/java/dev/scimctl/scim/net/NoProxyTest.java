package dev.scimctl.scim.net;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NoProxyTest {
    @Test
    void a_name_matches_itself_and_every_name_below_it_as_in_curl() {
        NoProxy list = NoProxy.parse("example.com");
        assertThat(list.match("example.com", 443)).contains("example.com");
        assertThat(list.match("scim.EXAMPLE.com", 443)).contains("example.com");
        assertThat(list.match("notexample.com", 443)).isEmpty();
        assertThat(list.match("example.com.evil.net", 443)).isEmpty();
    }

    @Test
    void a_leading_dot_or_star_dot_means_the_same_suffix() {
        assertThat(NoProxy.parse(".example.com").match("example.com", 443)).isPresent();
        assertThat(NoProxy.parse(".example.com").match("a.b.example.com", 443)).contains(".example.com");
        assertThat(NoProxy.parse("*.example.com").match("a.example.com", 443)).contains("*.example.com");
    }

    @Test
    void a_lone_star_matches_everything() {
        assertThat(NoProxy.parse("*").match("eu.ninjarmm.com", 443)).contains("*");
    }

    @Test
    void entries_are_separated_by_commas_or_spaces() {
        NoProxy list = NoProxy.parse(" localhost, .corp.example  10.0.0.0/8 ,,");
        assertThat(list.match("localhost", 80)).contains("localhost");
        assertThat(list.match("git.corp.example", 443)).contains(".corp.example");
        assertThat(list.match("10.1.2.3", 443)).contains("10.0.0.0/8");
        assertThat(list.match("11.1.2.3", 443)).isEmpty();
    }

    @Test
    void addresses_match_exactly_or_by_cidr_range_without_dns() {
        assertThat(NoProxy.parse("127.0.0.1").match("127.0.0.1", 8443)).contains("127.0.0.1");
        assertThat(NoProxy.parse("127.0.0.1").match("127.0.0.2", 8443)).isEmpty();
        assertThat(NoProxy.parse("192.168.0.0/16").match("192.168.44.1", 443)).isPresent();
        assertThat(NoProxy.parse("::1").match("[::1]", 443)).contains("::1");
        assertThat(NoProxy.parse("fd00::/8").match("fd12:3456::1", 443)).isPresent();
        // A name is never resolved to test it against an address entry.
        assertThat(NoProxy.parse("127.0.0.1").match("localhost", 443)).isEmpty();
    }

    @Test
    void a_port_limits_an_entry_to_that_port() {
        NoProxy list = NoProxy.parse("scim.example.com:8443,[::1]:9000,10.0.0.1:443");
        assertThat(list.match("scim.example.com", 8443)).contains("scim.example.com:8443");
        assertThat(list.match("scim.example.com", 443)).isEmpty();
        assertThat(list.match("::1", 9000)).isPresent();
        assertThat(list.match("::1", 9001)).isEmpty();
        assertThat(list.match("10.0.0.1", 443)).isPresent();
    }

    @Test
    void a_trailing_dot_on_the_host_is_ignored_and_an_empty_list_matches_nothing() {
        assertThat(NoProxy.parse("example.com").match("scim.example.com.", 443)).isPresent();
        assertThat(NoProxy.parse("").match("example.com", 443)).isEmpty();
        assertThat(NoProxy.parse(null).isEmpty()).isTrue();
    }
}
