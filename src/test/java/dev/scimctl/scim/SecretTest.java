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
}
