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
        assertThat(EmailHashTable.bytesPerSlot() * new EmailHashTable(1_000_000).capacity()).isLessThan(20L << 20);
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

    @Test
    void when_it_cannot_grow_it_fills_to_ninety_percent_then_only_answers_lookups() {
        EmailHashTable t = new EmailHashTable(0, 1024);
        for (int i = 0; i < 2000; i++) {
            t.putIfAbsent(EmailHashTable.hash("u" + i + "@x.io"), i);
        }
        assertThat(t.full()).isTrue();
        assertThat(t.capacity()).isEqualTo(1024);
        assertThat(t.size()).isBetween(921, 922);
        assertThat(t.putIfAbsent(EmailHashTable.hash("u5@x.io"), 9999)).isEqualTo(5);   // still found
        assertThat(t.putIfAbsent(EmailHashTable.hash("u1999@x.io"), 9999)).isEqualTo(-1); // never stored
    }

    @Test
    void the_rule_warns_once_when_memory_runs_out_and_keeps_finding_earlier_duplicates() {
        dev.scimctl.csv.Columns columns = dev.scimctl.csv.Columns.resolve(
                new String[]{"email", "firstname", "lastname"}, java.util.Map.of());
        DuplicateEmailRule rule = new DuplicateEmailRule(columns, new EmailHashTable(0, 1024));
        java.util.List<dev.scimctl.csv.Finding> found = new java.util.ArrayList<>();
        RowFacts facts = new RowFacts();
        for (int i = 0; i <= 1500; i++) {
            String email = i == 1500 ? "u3@x.io" : "u" + i + "@x.io";
            dev.scimctl.csv.UserRow row = new dev.scimctl.csv.UserRow(i + 2, email, "A", "B", null, null,
                    java.util.List.of(), null, new String[]{email, "A", "B"});
            facts.update(row);
            rule.check(row, facts, found::add);
        }
        assertThat(found).extracting(f -> f.rule().code())
                .containsExactly("duplicate-email-incomplete", "duplicate-email");
        assertThat(found.get(1).message()).contains("is also on line 5");
    }

    /**
     * The filter and the batch behind putIfRoom change no answer: against a plain map, over random keys with many
     * repeats, mixed with putIfAbsent, in tables that grow, and in one that cannot (and so fills up).
     */
    @Test
    void put_if_room_and_put_if_absent_answer_like_a_map() {
        java.util.Random random = new java.util.Random(18);
        for (int round = 0; round < 20; round++) {
            EmailHashTable t = round % 4 == 0 ? new EmailHashTable(0, 4096) : new EmailHashTable(random.nextInt(3000));
            java.util.Map<Long, Integer> model = new java.util.HashMap<>();
            int universe = 500 + random.nextInt(20_000);
            for (int line = 1; line <= 30_000; line++) {
                long key = random.nextInt(50) == 0 ? 0 : EmailHashTable.hash("u" + random.nextInt(universe) + "@x.io");
                long k = key == 0 ? 1 : key;
                Integer first = model.get(k);
                if (random.nextInt(5) > 0) {
                    int sizeBefore = t.size();
                    int r = t.putIfRoom(key, line);
                    if (r == -2) {
                        assertThat(t.size()).isEqualTo(sizeBefore);
                        assertThat(t.full() || t.size() >= 0.75 * t.capacity() - 1).isTrue();
                    } else {
                        assertThat(r).as("line %d", line).isEqualTo(first == null ? -1 : first);
                        if (first == null) {
                            model.put(k, line);
                        }
                        continue;
                    }
                }
                boolean fullBefore = t.full();
                int r = t.putIfAbsent(key, line);
                assertThat(r).as("line %d", line).isEqualTo(first == null ? -1 : first);
                if (first == null && !fullBefore) {
                    model.put(k, line);
                }
                assertThat(t.size()).isEqualTo(model.size());
            }
            for (java.util.Map.Entry<Long, Integer> e : model.entrySet()) {
                assertThat(t.putIfAbsent(e.getKey(), -7)).isEqualTo(e.getValue());
            }
        }
    }
}
