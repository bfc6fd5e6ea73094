package dev.scimctl.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeTextUnitTest {
    @Test
    void controls_and_bidi_overrides_become_visible_escapes_and_letters_stay() {
        assertThat(SafeText.line("a\u001b[2Jb")).isEqualTo("a\\x1b[2Jb");
        assertThat(SafeText.line("\u202eevil\u2066")).isEqualTo("\\u202eevil\\u2066");
        assertThat(SafeText.line("c1\u0085\u009b")).isEqualTo("c1\\u0085\\u009b");
        assertThat(SafeText.line("del\u007f")).isEqualTo("del\\x7f");
        assertThat(SafeText.line("Zoë 東京 ✓")).isEqualTo("Zoë 東京 ✓");
    }

    @Test
    void text_keeps_line_breaks_and_tabs_and_line_does_not() {
        assertThat(SafeText.text("a\nb\tc\rd")).isEqualTo("a\nb\tc\\x0dd");
        assertThat(SafeText.line("a\nb\tc")).isEqualTo("a\\x0ab\\x09c");
    }
}
