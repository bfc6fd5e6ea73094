package dev.scimctl.csv;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

class ReadAheadTest {

    /** Several batches and a part batch, with blank and multi-line records that move the line numbers. */
    private static String users(int n) {
        StringBuilder sb = new StringBuilder("email,first name,last name,notes\n");
        for (int i = 1; i <= n; i++) {
            sb.append("u").append(i).append("@example.com,F").append(i).append(",L").append(i);
            sb.append(i % 97 == 0 ? ",\"two\nlines\"\n" : i % 89 == 0 ? ",x\n\n" : ",x\n");
        }
        return sb.toString();
    }

    private static List<String> lineAndEmail(List<UserRow> rows) {
        List<String> out = new ArrayList<>();
        rows.forEach(r -> out.add(r.line() + " " + r.email()));
        return out;
    }

    private static List<UserRow> readAhead(DuoCsvReader reader, List<UserRow> into) {
        try (ReadAhead rows = new ReadAhead(reader)) {
            for (UserRow row; (row = rows.next()) != null; ) {
                into.add(row);
            }
        }
        return into;
    }

    @Test
    void gives_the_rows_of_the_reader_in_order_with_their_lines() {
        String text = users(2_345);
        List<UserRow> direct = DuoCsvReaderTest.rows(DuoCsvReaderTest.open(text));
        List<UserRow> ahead = readAhead(DuoCsvReaderTest.open(text), new ArrayList<>());
        assertThat(ahead).hasSize(2_345);
        assertThat(lineAndEmail(ahead)).isEqualTo(lineAndEmail(direct));
    }

    @Test
    void an_empty_body_gives_no_rows_and_stays_at_the_end() {
        try (ReadAhead rows = new ReadAhead(DuoCsvReaderTest.open("email,first name,last name\n"))) {
            assertThat(rows.next()).isNull();
            assertThat(rows.next()).isNull();
        }
    }

    @Test
    void a_read_error_comes_after_the_rows_before_it_with_the_readers_message() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(users(1_500).getBytes(StandardCharsets.UTF_8));
        b.writeBytes(new byte[]{'b', 'a', 'd', (byte) 0xE9, '@', 'x', '.', 'o', 'r', 'g', ',', 'a', ',', 'b', '\n'});
        b.writeBytes("after@example.com,a,b,x\n".getBytes(StandardCharsets.UTF_8));
        byte[] bytes = b.toByteArray();

        Throwable expected = catchThrowable(() -> DuoCsvReaderTest.rows(DuoCsvReaderTest.open(bytes,
                DuoCsvReader.Options.DEFAULTS)));
        assertThat(expected).isInstanceOf(CsvInputException.class);

        List<UserRow> before = new ArrayList<>();
        assertThatThrownBy(() -> readAhead(DuoCsvReaderTest.open(bytes, DuoCsvReader.Options.DEFAULTS), before))
                .isInstanceOf(CsvInputException.class)
                .hasMessage(expected.getMessage());
        assertThat(before).hasSize(1_500);
        assertThat(before.get(1_499).email()).isEqualTo("u1500@example.com");
    }
}
