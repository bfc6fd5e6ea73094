package dev.scimctl.csv.rules;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class EmailHashTableTest {
    @Test
    void remembers_the_first_line_and_grows_past_its_initial_size() {
        EmailHashTable t = new EmailHashTable();
        for (int i = 0; i < 100_000; i++) {
            assertThat(t.putIfAbsent(EmailHashTable.hash("user" + i + "@example.com"), i + 2)).isEqualTo(-1);
        }
        assertThat(t.size()).isEqualTo(100_000);
        assertThat(t.putIfAbsent(EmailHashTable.hash("USER77@example.com"), 999_999)).isEqualTo(79);
        assertThat(t.putIfAbsent(EmailHashTable.hash("user99999@example.com"), 5)).isEqualTo(100_001);
    }

    @Test
    void a_table_sized_for_a_million_rows_stays_under_twenty_megabytes() {
        assertThat(12L * new EmailHashTable(1_000_000).capacity()).isLessThan(20L << 20);
    }

    @Test
    void a_table_sized_for_its_rows_never_grows() {
        EmailHashTable t = new EmailHashTable(50_000);
        int before = t.capacity();
        for (int i = 0; i < 50_000; i++) {
            t.putIfAbsent(EmailHashTable.hash("u" + i + "@x.io"), i);
        }
        assertThat(t.capacity()).isEqualTo(before);
    }

    @Test
    void the_zero_hash_is_stored_like_any_other() {
        EmailHashTable t = new EmailHashTable();
        assertThat(t.putIfAbsent(0, 3)).isEqualTo(-1);
        assertThat(t.putIfAbsent(0, 4)).isEqualTo(3);
    }
}
