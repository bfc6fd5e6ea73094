package dev.scimctl.csv;

import com.opencsv.CSVParser;
import com.opencsv.CSVParserBuilder;
import com.opencsv.ICSVParser;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The fast path must split exactly as opencsv (configured as DuoCsvReader configures it) does, or step aside. */
class SingleLineRecordsTest {

    private static String[] opencsv(String line, char delimiter) throws IOException {
        CSVParser parser = new CSVParserBuilder().withSeparator(delimiter).withQuoteChar('"')
                .withEscapeChar(ICSVParser.NULL_CHARACTER).withIgnoreLeadingWhiteSpace(false).build();
        String[] cells = parser.parseLineMulti(line);
        return parser.isPending() ? null : cells;
    }

    @Test
    void splits_plain_and_quoted_cells_like_opencsv() throws IOException {
        for (String line : new String[]{"", "a", "a,b", "a,,b,", ",", " a , b ", "a,\"b, c\",d", "\"\"", "\"\",\"\"",
                "\"a\"\"b\",c", "\"\"\"\"", "x,\"note, 1\"", "\"a\nb\",c", "a,\"\"\"q\"\"\",b"}) {
            assertThat(SingleLineRecords.split(line, ',')).as(line).containsExactly(opencsv(line, ','));
        }
    }

    @Test
    void leaves_odd_quoting_and_open_quotes_to_opencsv() {
        for (String line : new String[]{"a\"b,c", "\"a\"b,c", " \"a\",b", "a,\"b", "\"a,b", "a,b\"", "\"a\"\"",
                "a,\"b\" ,c"}) {
            assertThat(SingleLineRecords.split(line, ',')).as(line).isNull();
        }
    }

    @Test
    void agrees_with_opencsv_on_generated_lines() throws IOException {
        Random random = new Random(18);
        char[] alphabet = {'a', 'b', ' ', ',', ';', '\t', '"', '"', 'é', '\\'};
        for (int n = 0; n < 200_000; n++) {
            char delimiter = new char[]{',', ';', '\t'}[n % 3];
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(14);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String line = sb.toString();
            String[] fast = SingleLineRecords.split(line, delimiter);
            if (fast != null) {
                assertThat(fast).as("[%s] split by %s", line, Delimiters.name(delimiter))
                        .containsExactly(opencsv(line, delimiter));
            }
        }
    }

    @Test
    void takes_the_fast_path_for_a_duo_export_line() {
        assertThat(SingleLineRecords.split("user1,user1@example.com,First1,Last1,endUser,101,Group 1,active,"
                + "\"note, 1\"", ',')).hasSize(9).endsWith("note, 1");
    }
}
