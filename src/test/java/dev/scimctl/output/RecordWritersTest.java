package dev.scimctl.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import dev.scimctl.UsageException;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Help.Ansi;

import java.io.PrintWriter;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordWritersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    record Row(String name, Boolean active, Integer count) {
    }

    private static final FieldSet<Row> FIELDS = new FieldSet<Row>()
            .add("name", "", true, Row::name)
            .add("active", "", true, Row::active)
            .add("count", "", false, Row::count);

    private static String write(OutputFormat format, List<Column<Row>> fields, Row... rows) {
        StringWriter text = new StringWriter();
        try (RecordWriter<Row> w = RecordWriters.open(format, new PrintWriter(text), Ansi.OFF, fields, null)) {
            for (Row r : rows) {
                w.write(r);
                w.flush();
            }
        }
        return text.toString();
    }

    private static String write(OutputFormat format, RecordLayout layout, Row... rows) {
        StringWriter text = new StringWriter();
        try (RecordWriter<Row> w = RecordWriters.open(format, layout, new PrintWriter(text), Ansi.OFF, FIELDS.defaults(),
                null)) {
            for (Row r : rows) {
                w.write(r);
            }
        }
        return text.toString();
    }

    @Test
    void no_headers_drops_the_header_row_of_table_and_csv() {
        RecordLayout none = new RecordLayout(false, dev.scimctl.csv.CsvDialect.RFC_4180);
        assertThat(write(OutputFormat.table, none, new Row("alice", true, 1))).isEqualTo("alice  true\n");
        assertThat(write(OutputFormat.csv, none, new Row("alice", true, 1))).isEqualTo("alice,true\n");
        assertThat(write(OutputFormat.tsv, none, new Row("alice", true, 1))).isEqualTo("alice\ttrue\n");
    }

    @Test
    void csv_for_excel_has_a_bom_crlf_and_the_locale_separator() {
        RecordLayout german = new RecordLayout(true, dev.scimctl.csv.CsvDialect.excel(java.util.Locale.GERMANY));
        assertThat(write(OutputFormat.csv, german, new Row("Müller; Anna", true, 1)))
                .isEqualTo("\uFEFFname;active\r\n\"Müller; Anna\";true\r\n");
        RecordLayout us = new RecordLayout(true, dev.scimctl.csv.CsvDialect.excel(java.util.Locale.US));
        assertThat(write(OutputFormat.csv, us, new Row("a,b", true, 1)))
                .isEqualTo("\uFEFFname,active\r\n\"a,b\",true\r\n");
        RecordLayout bomOnly = new RecordLayout(true, dev.scimctl.csv.CsvDialect.RFC_4180.withBom());
        assertThat(write(OutputFormat.csv, bomOnly, new Row("a", true, 1))).isEqualTo("\uFEFFname,active\na,true\n");
    }

    @Test
    void the_number_locale_is_found_as_posix_tools_find_it() {
        assertThat(dev.scimctl.csv.CsvDialect.numberLocale(java.util.Map.of("LANG", "de_DE.UTF-8")).getLanguage())
                .isEqualTo("de");
        assertThat(dev.scimctl.csv.CsvDialect.numberLocale(java.util.Map.of("LANG", "de_DE.UTF-8", "LC_ALL", "C")))
                .isEqualTo(java.util.Locale.ROOT);
        assertThat(dev.scimctl.csv.CsvDialect.excel(dev.scimctl.csv.CsvDialect.numberLocale(
                java.util.Map.of("LC_NUMERIC", "fr_FR.UTF-8"))).separator()).isEqualTo(';');
    }

    @Test
    void csv_neutralises_cells_a_spreadsheet_would_run_as_formulas() throws Exception {
        String csv = write(OutputFormat.csv, FIELDS.defaults(), new Row("=HYPERLINK(\"http://x\")", true, 1),
                new Row("+1", false, 2), new Row("-2", null, 3), new Row("@SUM(A1)", true, 4), new Row("\tx", true, 5),
                new Row("\rx", true, 6), new Row("plain, with \"quotes\"", true, 7), new Row("a-b=c", true, 8));
        List<String[]> rows = new CSVReader(new StringReader(csv)).readAll();
        assertThat(rows.get(0)).containsExactly("name", "active");
        assertThat(rows.stream().skip(1).map(r -> r[0]).toList()).containsExactly("'=HYPERLINK(\"http://x\")", "'+1",
                "'-2", "'@SUM(A1)", "'\tx", "x0dx", "plain, with \"quotes\"", "a-b=c"); // opencsv drops the backslash
        assertThat(csv).as("a CR is a control character: shown, not written").contains("\n\\x0dx,true\n");
        assertThat(rows.get(3)[1]).isEmpty();
    }

    @Test
    void tsv_has_no_header_and_one_line_per_record_even_with_tabs_and_newlines_in_cells() {
        String tsv = write(OutputFormat.tsv, FIELDS.defaults(), new Row("a\tb\nc", true, 1), new Row("d", false, 2));
        assertThat(tsv.lines()).containsExactly("a b c\ttrue", "d\tfalse");
    }

    @Test
    void json_is_one_array_also_when_empty_and_keeps_value_types() throws Exception {
        assertThat(JSON.readTree(write(OutputFormat.json, FIELDS.defaults())).isArray()).isTrue();
        assertThat(JSON.readTree(write(OutputFormat.json, FIELDS.defaults())).size()).isZero();
        JsonNode doc = JSON.readTree(write(OutputFormat.json, FIELDS.select(List.of("count", "name", "active")),
                new Row("a", true, 3), new Row(null, null, null)));
        assertThat(doc.get(0).fieldNames()).toIterable().containsExactly("count", "name", "active");
        assertThat(doc.get(0).get("count").isIntegralNumber()).isTrue();
        assertThat(doc.get(0).get("active").isBoolean()).isTrue();
        assertThat(doc.get(1).get("name").isNull()).isTrue();
    }

    @Test
    void ndjson_is_one_object_per_line() throws Exception {
        String nd = write(OutputFormat.ndjson, FIELDS.defaults(), new Row("a\nb", true, 1), new Row("c", false, 2));
        List<String> lines = nd.lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(JSON.readTree(lines.get(0)).get("name").asText()).isEqualTo("a\nb");
        assertThat(JSON.readTree(lines.get(1)).get("active").asBoolean()).isFalse();
    }

    @Test
    void a_table_has_a_header_and_aligned_columns() {
        String table = write(OutputFormat.table, FIELDS.defaults(), new Row("alice", true, 1), new Row("bo", false, 2));
        assertThat(table.lines()).containsExactly("NAME   ACTIVE", "alice  true", "bo     false");
    }

    @Test
    void a_wrong_field_name_lists_the_valid_ones() {
        assertThatThrownBy(() -> FIELDS.select(List.of("name", "nmae")))
                .isInstanceOf(UsageException.class)
                .hasMessage("--fields: unknown field 'nmae'; valid fields: name, active, count");
        assertThat(FIELDS.select(List.of("ACTIVE")).get(0).name()).isEqualTo("active");
    }

    @Test
    void a_closed_pipe_stops_the_writer() {
        PrintWriter broken = new PrintWriter(new Writer() {
            @Override
            public void write(char[] buf, int off, int len) throws java.io.IOException {
                throw new java.io.IOException("Broken pipe");
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
        RecordWriter<Row> w = RecordWriters.open(OutputFormat.ndjson, broken, Ansi.OFF, FIELDS.defaults(), null);
        w.write(new Row("a", true, 1));
        assertThatThrownBy(w::flush).isInstanceOf(OutputClosedException.class);
    }

    @Test
    void the_default_format_is_a_table_on_a_terminal_and_tsv_in_a_pipe() {
        assertThat(OutputFormat.resolve(null, true)).isEqualTo(OutputFormat.table);
        assertThat(OutputFormat.resolve(null, false)).isEqualTo(OutputFormat.tsv);
        assertThat(OutputFormat.resolve(OutputFormat.json, true)).isEqualTo(OutputFormat.json);
    }

    @Test
    void flattening_names_extension_attributes_after_their_urn() throws Exception {
        JsonNode user = JSON.readTree("{\"name\":{\"givenName\":\"A\"},\"emails\":[{\"value\":\"a@x\"}],"
                + "\"urn:x:ext:User\":{\"userType\":\"technician\",\"manager\":{\"value\":\"9\"}},\"groups\":[]}");
        assertThat(JsonFlattener.flatten(user)).extracting(e -> Map.entry(e.path(), e.value())).containsExactly(
                Map.entry("name.givenName", "A"), Map.entry("emails[0].value", "a@x"),
                Map.entry("urn:x:ext:User:userType", "technician"), Map.entry("urn:x:ext:User:manager.value", "9"),
                Map.entry("groups", "[]"));
    }
}
