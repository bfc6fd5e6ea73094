package dev.scimctl.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountedTest {
    @Test
    void one_is_singular_and_every_other_number_plural() {
        assertThat(Counted.of(1, "row")).isEqualTo("1 row");
        assertThat(Counted.of(0, "row")).isEqualTo("0 rows");
        assertThat(Counted.of(2, "mapped group")).isEqualTo("2 mapped groups");
        assertThat(Counted.of(1, "entry", "entries")).isEqualTo("1 entry");
        assertThat(Counted.of(3, "entry", "entries")).isEqualTo("3 entries");
    }
}
