package dev.scimctl.scim;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SecretTest {
    @Test
    void never_shows_its_value_by_accident() {
        Secret s = new Secret("abcdefghijklmnop1234");
        assertThat(s.toString()).isEqualTo("[redacted]");
        assertThat("token: " + s).doesNotContain("abcdefgh");
        assertThat(s.lastFour()).isEqualTo("…1234");
        assertThat(s.scrub("Bearer abcdefghijklmnop1234 sent")).isEqualTo("Bearer [redacted] sent");
    }

    @Test
    void a_short_token_shows_nothing_of_itself() {
        assertThat(new Secret("abc123").lastFour()).isEqualTo("…");
    }

    @Test
    void a_short_token_is_redacted_where_a_token_stands_not_inside_ordinary_words() {
        Secret s = new Secret("be");
        assertThat(s.scrub("the token has been accepted")).isEqualTo("the token has been accepted");
        assertThat(s.scrub("Authorization: Bearer be")).isEqualTo("Authorization: Bearer [redacted]");
        assertThat(s.scrub("GET /Users?access_token=be&x=1")).isEqualTo("GET /Users?access_token=[redacted]&x=1");
        assertThat(s.scrub("{\"detail\":\"bad token be.\"}")).isEqualTo("{\"detail\":\"bad token [redacted].\"}");
    }

    @Test
    void the_forms_a_url_or_json_body_give_a_token_are_redacted_too() {
        Secret s = new Secret("ab+cd/ef=");
        assertThat(s.scrub("?token=ab%2Bcd%2Fef%3D")).isEqualTo("?token=[redacted]");
        assertThat(s.scrub("{\"token\":\"ab+cd\\/ef=\"}")).isEqualTo("{\"token\":\"[redacted]\"}");
        assertThat(s.scrub("Bearer ab+cd/ef=")).isEqualTo("Bearer [redacted]");
    }
}
