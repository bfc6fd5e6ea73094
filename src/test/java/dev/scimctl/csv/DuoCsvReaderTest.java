package dev.scimctl.csv;

import dev.scimctl.cli.options.OptionNames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DuoCsvReaderTest {

    static DuoCsvReader open(byte[] bytes, DuoCsvReader.Options options) {
        return DuoCsvReader.open(new ByteArrayInputStream(bytes), "users.csv", options, true);
    }

    static DuoCsvReader open(String text) {
        return open(text.getBytes(StandardCharsets.UTF_8), DuoCsvReader.Options.DEFAULTS);
    }

    static List<UserRow> rows(DuoCsvReader r) {
        List<UserRow> all = new ArrayList<>();
        for (UserRow row; (row = r.next()) != null; ) {
            all.add(row);
        }
        return all;
    }

    static byte[] withBom(byte[] bom, String text, Charset cs) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(bom);
        b.writeBytes(text.getBytes(cs));
        return b.toByteArray();
    }

    @Test
    void reads_utf8_with_a_bom_and_maps_the_first_header() {
        byte[] bytes = withBom(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
                "Email,First Name,Last Name\nzoë@example.com,Zoë,Ångström\n", StandardCharsets.UTF_8);
        DuoCsvReader r = open(bytes, DuoCsvReader.Options.DEFAULTS);
        assertThat(r.encodingDescription()).isEqualTo("UTF-8 with BOM");
        assertThat(r.columns().index(Field.EMAIL)).isZero();
        UserRow row = rows(r).get(0);
        assertThat(row.email()).isEqualTo("zoë@example.com");
        assertThat(row.familyName()).isEqualTo("Ångström");
    }

    @Test
    void reads_utf8_without_a_bom() {
        DuoCsvReader r = open("email,firstname,lastname\nA@x.io,Å,B\n");
        assertThat(r.encodingDescription()).isEqualTo("UTF-8");
        assertThat(rows(r)).extracting(UserRow::givenName).containsExactly("Å");
    }

    @Test
    void reads_utf16_little_endian_with_a_bom_tab_separated_as_excel_unicode_text_writes_it() {
        byte[] bytes = withBom(new byte[]{(byte) 0xFF, (byte) 0xFE},
                "email\tfirstname\tlastname\r\njosé@example.com\tJosé\tNúñez\r\n", StandardCharsets.UTF_16LE);
        DuoCsvReader r = open(bytes, DuoCsvReader.Options.DEFAULTS);
        assertThat(r.encodingDescription()).isEqualTo("UTF-16LE with BOM");
        assertThat(r.delimiter()).isEqualTo('\t');
        UserRow row = rows(r).get(0);
        assertThat(row.email()).isEqualTo("josé@example.com");
        assertThat(row.familyName()).isEqualTo("Núñez");
        assertThat(row.line()).isEqualTo(2);
    }

    @Test
    void reads_utf16_big_endian_with_a_bom() {
        byte[] bytes = withBom(new byte[]{(byte) 0xFE, (byte) 0xFF}, "email,firstname,lastname\na@b.cd,A,B\n",
                StandardCharsets.UTF_16BE);
        assertThat(rows(open(bytes, DuoCsvReader.Options.DEFAULTS))).extracting(UserRow::email).containsExactly("a@b.cd");
    }

    @ParameterizedTest(name = "separator {1} from header {0}")
    @CsvSource(delimiter = '|', value = {
            "email,first name,last name|,",
            "email;first name;last name|;",
            "email\tfirst name\tlast name|'\t'",
            "\"Name; with semicolon\",email,first,last|,",
            "email|,"})
    void detects_the_separator_from_the_header_line(String header, char expected) {
        String text = header.replace("\\t", "\t") + "\n";
        assertThat(open(text).delimiter()).isEqualTo(expected);
    }

    @Test
    void reads_semicolon_separated_files_with_decimal_commas_in_quotes() {
        DuoCsvReader r = open("email;firstname;lastname;notes\r\na@b.cd;Ann;Bee;\"1,5; two\"\r\n");
        assertThat(r.delimiter()).isEqualTo(';');
        assertThat(rows(r).get(0).cells()).containsExactly("a@b.cd", "Ann", "Bee", "1,5; two");
    }

    @Test
    void delimiter_option_overrides_detection() {
        DuoCsvReader r = open("email|first,name|last name\na@b.cd|Ann|Bee\n".getBytes(StandardCharsets.UTF_8),
                DuoCsvReader.Options.DEFAULTS.withDelimiter('|'));
        assertThat(r.delimiter()).isEqualTo('|');
        assertThat(r.delimiterDetected()).isFalse();
        assertThat(r.columns().headers()).containsExactly("email", "first,name", "last name");
    }

    @Test
    void line_numbers_are_physical_lines_after_multiline_quoted_fields() {
        String text = "email,firstname,lastname,notes\r\n"          // 1
                + "a@b.cd,Ann,Bee,\"one\r\ntwo\r\nthree\"\r\n"      // 2-4
                + "c@d.ef,Cee,Dee,plain\r\n"                          // 5
                + "\r\n"                                              // 6: blank, skipped
                + "e@f.gh,Eve,\"Eff\nEffson\",\"x\"\"y\"\n"           // 7-8
                + "i@j.kl,Ian,Jay,\n";                                // 9
        List<UserRow> rows = rows(open(text));
        assertThat(rows).extracting(UserRow::line).containsExactly(2L, 5L, 7L, 9L);
        assertThat(rows.get(0).cell(3)).isEqualTo("one\ntwo\nthree");
        assertThat(rows.get(2).familyName()).isEqualTo("Eff\nEffson");
        assertThat(rows.get(2).cell(3)).isEqualTo("x\"y");
    }

    @Test
    void quoted_fields_keep_commas_quotes_and_backslashes() {
        UserRow row = rows(open("email,firstname,lastname,notes\na@b.cd,\"Smith, Jr.\",\"O\"\"Neil\",C:\\temp\\x\n")).get(0);
        assertThat(row.givenName()).isEqualTo("Smith, Jr.");
        assertThat(row.familyName()).isEqualTo("O\"Neil");
        assertThat(row.cell(3)).isEqualTo("C:\\temp\\x");
    }

    @Test
    void leading_spaces_are_kept_so_they_can_be_reported() {
        assertThat(rows(open("email,firstname,lastname\na@b.cd,  Ann,Bee \n")).get(0).givenName()).isEqualTo("  Ann");
    }

    @Test
    void rows_of_empty_cells_are_skipped() {
        List<UserRow> rows = rows(open("email,firstname,lastname\n,,\n , \na@b.cd,A,B\n,,\n\n"));
        assertThat(rows).extracting(UserRow::line).containsExactly(4L);
    }

    @ParameterizedTest(name = "\"{0}\" is {1}")
    @CsvSource(delimiter = '|', value = {
            "email|EMAIL", "E-Mail|EMAIL", "Email Address|EMAIL", "email_address|EMAIL", "userName|EMAIL",
            "username|EMAIL", "first name|FIRST_NAME", "FirstName|FIRST_NAME", "givenName|FIRST_NAME",
            "name.givenName|FIRST_NAME", "last name|LAST_NAME", "lastname|LAST_NAME", "familyName|LAST_NAME",
            "name.familyName|LAST_NAME", "userType|USER_TYPE", "User Type|USER_TYPE", "user_type|USER_TYPE",
            "organizationId|ORGANIZATION_ID", "organizationID|ORGANIZATION_ID", "org id|ORGANIZATION_ID",
            "urn:ietf:params:scim:schemas:extension:ninjaone:2.0:User:userType|USER_TYPE",
            "realname|REALNAME", "group|GROUP", "Groups|GROUP", "group12|GROUP"})
    void finds_columns_by_normalised_name(String header, Field field) {
        Columns c = Columns.resolve(new String[]{"status", header}, Map.of());
        assertThat(field == Field.GROUP ? c.groupIndexes()[0] : c.index(field)).isEqualTo(1);
    }

    @Test
    void unknown_columns_are_fine_and_email_wins_over_username() {
        Columns c = Columns.resolve(new String[]{"username", "phone1", "email", "status", "notes"}, Map.of());
        assertThat(c.index(Field.EMAIL)).isEqualTo(2);
        assertThat(c.ambiguities()).isEmpty();
    }

    @Test
    void two_equally_good_headers_for_one_field_are_ambiguous_and_the_first_is_used() {
        Columns c = Columns.resolve(new String[]{"email", "E-mail"}, Map.of());
        assertThat(c.index(Field.EMAIL)).isZero();
        assertThat(c.ambiguities()).containsExactly(new Columns.Ambiguity(Field.EMAIL, 0, 1));
    }

    @Test
    void column_option_maps_any_header_and_replaces_the_automatic_choice() {
        DuoCsvReader r = open(("Mail,Vorname,Nachname,NinjaOne User Type,userType\n"
                + "a@b.cd,Ann,Bee,technician,ignored\n").getBytes(StandardCharsets.UTF_8),
                DuoCsvReader.Options.DEFAULTS.withColumns(Map.of(
                        Field.FIRST_NAME, List.of("vorname"),
                        Field.LAST_NAME, List.of("Nachname"),
                        Field.USER_TYPE, List.of("NinjaOne User Type"))));
        UserRow row = rows(r).get(0);
        assertThat(row.givenName()).isEqualTo("Ann");
        assertThat(row.userType()).isEqualTo("technician");
    }

    @Test
    void column_option_naming_a_missing_header_lists_the_real_ones() {
        assertThatThrownBy(() -> open("email,first,last\n".getBytes(StandardCharsets.UTF_8),
                DuoCsvReader.Options.DEFAULTS.withColumns(Map.of(Field.USER_TYPE, List.of("Type")))))
                .isInstanceOfSatisfying(ColumnMappingException.class, e -> assertThat(e.message(OptionNames.INSTANCE))
                        .isEqualTo("--column userType=\"Type\": the file has no such column; its columns are: "
                                + "\"email\", \"first\", \"last\""));
    }

    @Test
    void groups_come_from_every_group_column_and_a_groups_column_may_list_several() {
        UserRow row = rows(open("email,firstname,lastname,group1,group2,groups\n"
                + "a@b.cd,A,B,Techs,,\"Night shift; On call\"\n")).get(0);
        assertThat(row.groups()).containsExactly("Techs", "Night shift", "On call");
    }

    @Test
    void short_rows_read_missing_cells_as_empty_and_absent_columns_as_null() {
        UserRow row = rows(open("email,firstname,lastname\na@b.cd\n")).get(0);
        assertThat(row.givenName()).isEmpty();
        assertThat(row.userType()).isNull();
    }

    @Test
    void an_unterminated_quote_names_the_line_where_its_row_starts() {
        DuoCsvReader r = open("email,firstname,lastname\na@b.cd,A,B\n\"c@d.ef,C,D\ne@f.gh,E,F\n");
        assertThatThrownBy(() -> rows(r)).isInstanceOf(CsvInputException.class)
                .hasMessageStartingWith("users.csv:3: a quoted value in the row that starts on this line is never "
                        + "closed (the file ends inside it, on line 4)");
    }

    @Test
    void a_blank_first_line_is_refused_because_the_header_must_come_first() {
        assertThatThrownBy(() -> open("\n\nemail,firstname,lastname\n")).hasMessageStartingWith("users.csv:1: the "
                + "first line is blank");
    }

    @Test
    void estimates_rows_from_the_file_size() {
        assertThat(open("email,firstname,lastname\na@b.cd,A,B\n").estimatedRows()).isZero(); // a stream: unknown
    }
}
