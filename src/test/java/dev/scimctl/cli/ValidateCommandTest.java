package dev.scimctl.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.opencsv.CSVReader;
import dev.scimctl.output.Terminals;
import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class ValidateCommandTest {
    static final String EXAMPLE = "examples/users.csv";
    static final String MISTAKES = "examples/users-with-mistakes.csv";
    static final String ORGS = "examples/organizations.txt";
    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    /** A runner whose config folder is this test's own. */
    CliRunner cli() {
        return new CliRunner(tmp.resolve("config"));
    }

    Path file(String name, String content) throws Exception {
        Path p = tmp.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Nested
    class Examples {
        @Test
        void the_valid_example_passes_with_its_counts() {
            cli().run("validate", EXAMPLE).assertExit(0).assertErrEmpty()
                    .assertOutContains("11 rows: 3 technicians, 2 global end users, 6 end users in 3 organizations "
                            + "(101: 2, 102: 2, 205: 2)", "No problems found.");
        }

        @Test
        void the_mistakes_example_fails_and_names_every_mistake_with_its_line_and_a_fix() {
            CliResult r = cli().run("validate", "--org-ids", ORGS, MISTAKES).assertExit(1).assertErrEmpty();
            for (int line = 3; line <= 17; line++) {
                r.assertOutContains(MISTAKES + ":" + line + "\n");
            }
            int findings = count(r.out(), Pattern.compile("^  (error|warning) ", Pattern.MULTILINE));
            assertThat(count(r.out(), Pattern.compile("^ +fix: ", Pattern.MULTILINE))).as(r.toString())
                    .isEqualTo(findings).isEqualTo(15);
            r.assertOutContains("[user-type-spelling]", "[user-type-invalid]", "[email-format]",
                    "[duplicate-email]", "[required-value]", "[realname-not-split]", "[surrounding-whitespace]",
                    "[organization-id-invalid]", "[organization-id-list]", "[organization-id-on-technician]",
                    "[organization-id-unknown]", "[extra-cells]", "12 errors (on 12 lines), 3 warnings");
        }

        int count(String s, Pattern p) {
            Matcher m = p.matcher(s);
            int n = 0;
            while (m.find()) {
                n++;
            }
            return n;
        }
    }

    @Test
    void reads_stdin_with_a_dash_and_calls_it_stdin() {
        cli().stdin("email,firstname,lastname\na@b.cd,A,B\nA@b.cd,C,D\n").run("validate", "-")
                .assertExit(1).assertOutContains("stdin:3\n", "is also on line 2");
    }

    @Test
    void reads_utf16_with_a_bom_from_stdin() {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[]{(byte) 0xFF, (byte) 0xFE});
        b.writeBytes("email\tfirstname\tlastname\r\nrené@example.com\tRené\tÆbelø\r\n".getBytes(StandardCharsets.UTF_16LE));
        cli().stdin(b.toByteArray()).run("validate", "-").assertExit(0).assertOutContains("1 row: ");
    }

    @Test
    void reports_physical_line_numbers_after_multiline_cells() throws Exception {
        Path p = file("u.csv", "email,firstname,lastname,notes\r\na@b.cd,A,B,\"line one\r\nline two\r\nline three\"\r\n"
                + "c@d.ef,C,D ,\r\n");
        cli().run("validate", p.toString()).assertExit(0).assertOutContains(p + ":5\n", "[surrounding-whitespace]");
    }

    @Nested
    class Columns {
        @Test
        void maps_custom_duo_attribute_names() throws Exception {
            Path p = file("u.csv", "Mail,Vorname,Nachname,NinjaOne User Type,ninja org\n"
                    + "a@b.cd,A,B,enduser,7\n");
            cli().run("validate", "--column", "email=Mail", "--column", "firstName=Vorname", "--column",
                    "lastName=Nachname", "--column", "userType=NinjaOne User Type", "--column",
                    "organizationId=\"ninja org\"", p.toString())
                    .assertExit(1).assertOutContains("column 4 (NinjaOne User Type): \"enduser\" is not endUser");
        }

        @Test
        void a_header_that_is_not_in_the_file_is_a_usage_error_listing_the_columns() throws Exception {
            Path p = file("u.csv", "email,firstname,lastname\n");
            cli().run("validate", "--column", "userType=Type", p.toString()).assertExit(2)
                    .assertErrContains("--column userType=\"Type\": the file has no such column; its columns are: "
                            + "\"email\", \"firstname\", \"lastname\"").assertOutEmpty();
        }

        @Test
        void an_unknown_field_or_a_missing_equals_sign_is_a_usage_error() throws Exception {
            Path p = file("u.csv", "email,firstname,lastname\n");
            cli().run("validate", "--column", "colour=Red", p.toString()).assertExit(2)
                    .assertErrContains("unknown field 'colour'; the fields are email, firstName");
            cli().run("validate", "--column", "userType", p.toString()).assertExit(2)
                    .assertErrContains("expected FIELD=HEADER");
            cli().run("validate", "--column", "email=a", "--column", "email=b", p.toString()).assertExit(2)
                    .assertErrContains("--column email is given twice");
        }

        @Test
        void header_findings_point_at_the_options_that_fix_them() throws Exception {
            Path p = file("u.csv", "email,E-Mail,realname\na@b.cd,a@b.cd,Ann Bee\n");
            cli().run("validate", p.toString()).assertExit(1).assertOutContains(
                    "(--split-realname splits it)", "or map yours with --column firstName=\"Your Header\"",
                    "or choose with --column email=\"E-Mail\"");
        }
    }

    @Nested
    class Delimiter {
        @Test
        void detects_semicolons_and_the_option_overrides_detection() throws Exception {
            Path p = file("u.csv", "email;firstname;lastname\na@b.cd;A;B\n");
            cli().run("validate", p.toString()).assertExit(0);
            // Forced to commas, the header is one column: every required column is missing, and the hint says why.
            cli().run("validate", "--delimiter", ",", p.toString()).assertExit(1)
                    .assertOutContains("[missing-column]", "give --delimiter ';'");
        }

        @Test
        void accepts_tab_by_name() throws Exception {
            Path p = file("u.csv", "email\tfirstname\tlastname\na@b.cd\tA\tB\n");
            cli().run("validate", "--delimiter", "tab", p.toString()).assertExit(0);
        }

        @Test
        void refuses_a_quote_or_several_characters() throws Exception {
            Path p = file("u.csv", "email\n");
            cli().run("validate", "--delimiter", "\"", p.toString()).assertExit(2).assertErrContains("cannot separate");
            cli().run("validate", "--delimiter", ";;", p.toString()).assertExit(2).assertErrContains("not one character");
        }
    }

    @Nested
    class OrgIds {
        static final String USERS = "email,firstname,lastname,userType,organizationId\na@b.cd,A,B,endUser,12\n"
                + "c@d.ef,C,D,endUser,13\n";

        @Test
        void a_plain_list_with_comments_is_read() throws Exception {
            Path users = file("u.csv", USERS);
            Path orgs = file("orgs.txt", "# ours\n12\n\n13\n");
            cli().run("validate", "--org-ids", orgs.toString(), users.toString()).assertExit(0);
        }

        @Test
        void a_csv_with_an_id_column_is_read_and_unknown_ids_are_errors() throws Exception {
            Path users = file("u.csv", USERS);
            Path orgs = file("orgs.csv", "Name,ID,Node approval\r\nContoso,12,AUTOMATIC\r\n\"Fabrikam, Inc.\",14,MANUAL\r\n");
            cli().run("validate", "--org-ids", orgs.toString(), users.toString()).assertExit(1)
                    .assertOutContains(users + ":3\n", "organization 13 is not in " + orgs + " (2 organizations)",
                            "[organization-id-unknown]");
        }

        @Test
        void can_come_from_stdin_but_not_together_with_the_users() throws Exception {
            Path users = file("u.csv", USERS);
            cli().stdin("12\n13\n").run("validate", "--org-ids", "-", users.toString()).assertExit(0);
            cli().stdin("12\n").run("validate", "--org-ids", "-", "-").assertExit(2)
                    .assertErrContains("cannot both read stdin");
        }

        @Test
        void an_unreadable_list_is_exit_3_naming_the_line() throws Exception {
            Path users = file("u.csv", USERS);
            Path orgs = file("orgs.txt", "12\nAcme\n");
            cli().run("validate", "--org-ids", orgs.toString(), users.toString()).assertExit(3)
                    .assertErrContains(orgs + ":2:1: \"Acme\" is not an organization id");
            cli().run("validate", "--org-ids", tmp.resolve("nope.txt").toString(), users.toString()).assertExit(3)
                    .assertErrContains(tmp.resolve("nope.txt") + ": no such file (--org-ids)");
            Path noId = file("o.csv", "Name,Region\nContoso,EU\n");
            cli().run("validate", "--org-ids", noId.toString(), users.toString()).assertExit(3)
                    .assertErrContains("no id column");
        }

        @Test
        void a_quote_never_closed_in_a_csv_list_is_one_line_naming_where_it_opens() throws Exception {
            Path users = file("u.csv", USERS);
            Path orgs = file("orgs.csv", "# exported\nName,ID\nContoso,12\n\"Fabrikam, Inc.,13\nAcme,14\n");
            CliResult r = cli().run("validate", "--org-ids", orgs.toString(), users.toString()).assertExit(3)
                    .assertErrContains(orgs + ":4: a quoted value in the row that starts on this line is never closed");
            assertThat(r.err().strip()).as(r.toString()).doesNotContain("\n").doesNotContain("Acme");
            // The header's line counts from the file's first line, also after the comment above it.
            Path openHeader = file("o2.csv", "# exported\n\"Name,ID\nContoso,12\n");
            cli().run("validate", "--org-ids", openHeader.toString(), users.toString()).assertExit(3)
                    .assertErrContains(openHeader + ":2: a quoted value");
        }
    }

    @Nested
    class Strict {
        @Test
        void warnings_alone_pass_but_fail_with_strict() throws Exception {
            Path p = file("u.csv", "email,firstname,lastname\na@b.cd,Ann ,B\n");
            cli().run("validate", p.toString()).assertExit(0).assertOutContains("0 errors, 1 warning.");
            cli().run("validate", "--strict", p.toString()).assertExit(1)
                    .assertOutContains("--strict counts warnings as errors");
        }
    }

    @Nested
    class Output {
        @Test
        void json_is_one_document_with_findings_and_summary_and_the_human_summary_on_stderr() throws Exception {
            CliResult r = cli().run("validate", "--output", "json", "--org-ids", ORGS, MISTAKES).assertExit(1)
                    .assertErrContains("16 rows: ", "12 errors");
            JsonNode doc = JSON.readTree(r.out());
            assertThat(doc.get("file").asText()).isEqualTo(MISTAKES);
            assertThat(doc.get("ok").asBoolean()).isFalse();
            assertThat(doc.get("findings")).hasSize(15);
            JsonNode first = doc.get("findings").get(0);
            assertThat(first.get("line").asInt()).isEqualTo(3);
            assertThat(first.get("column").asInt()).isEqualTo(7);
            assertThat(first.get("header").asText()).isEqualTo("userType");
            assertThat(first.get("severity").asText()).isEqualTo("error");
            assertThat(first.get("rule").asText()).isEqualTo("user-type-spelling");
            assertThat(first.get("value").asText()).isEqualTo("TECHNICIAN");
            assertThat(first.get("fix").asText()).isEqualTo("technician");
            JsonNode s = doc.get("summary");
            assertThat(s.get("rows").asInt()).isEqualTo(16);
            assertThat(s.get("errors").asInt()).isEqualTo(12);
            assertThat(s.get("warnings").asInt()).isEqualTo(3);
            assertThat(s.get("endUsersByOrganization").get("102").asInt()).isEqualTo(3);
        }

        @Test
        void json_of_a_clean_file_has_no_findings_and_ok_true() throws Exception {
            JsonNode doc = JSON.readTree(cli().run("validate", "-o", "json", EXAMPLE).assertExit(0).out());
            assertThat(doc.get("findings")).isEmpty();
            assertThat(doc.get("ok").asBoolean()).isTrue();
            assertThat(doc.get("summary").get("technicians").asInt()).isEqualTo(3);
        }

        @Test
        void json_stays_well_formed_when_the_file_breaks_off_and_exits_3() throws Exception {
            Path p = tmp.resolve("u.csv");
            Files.write(p, "email,firstname,lastname\na@b.cd,Ann ,B\nc@d.ef,Ren\u00e9e,X\n"
                    .getBytes(java.nio.charset.Charset.forName("windows-1252")));
            CliResult r = cli().run("validate", "-o", "json", p.toString()).assertExit(3)
                    .assertErrContains(p + ":3:11: bytes that are not valid UTF-8");
            JsonNode doc = JSON.readTree(r.out());
            assertThat(doc.get("findings")).hasSize(1);
            assertThat(doc.get("error").get("message").asText()).contains(":3:11:");
            assertThat(doc.get("ok").asBoolean()).isFalse();
        }

        @Test
        void ndjson_is_one_finding_per_line() throws Exception {
            CliResult r = cli().run("validate", "--output", "ndjson", MISTAKES).assertExit(1)
                    .assertErrContains("errors");
            List<String> lines = r.out().lines().toList();
            assertThat(lines).hasSize(14);
            for (String line : lines) {
                JsonNode f = JSON.readTree(line);
                assertThat(f.get("rule").asText()).isNotBlank();
                assertThat(f.get("line").asInt()).isBetween(3, 17);
            }
        }

        @Test
        void csv_opens_as_a_table_with_one_row_per_finding() throws Exception {
            CliResult r = cli().run("validate", "--output", "csv", MISTAKES).assertExit(1);
            List<String[]> rows = new CSVReader(new StringReader(r.out())).readAll();
            assertThat(rows.get(0)).containsExactly("line", "column", "header", "severity", "rule", "value",
                    "message", "fix");
            assertThat(rows).hasSize(15);
            assertThat(rows.get(1)).startsWith("3", "7", "userType", "error", "user-type-spelling", "TECHNICIAN");
        }

        @Test
        void csv_defuses_cells_that_a_spreadsheet_would_run_as_formulas() throws Exception {
            Path p = file("u.csv", "email,firstname,lastname,organizationId\n"
                    + "\"=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",A,B,-5\n@SUM(A1),C,D,+1\n");
            CliResult r = cli().run("validate", "-o", "csv", p.toString()).assertExit(1);
            List<String[]> rows = new CSVReader(new StringReader(r.out())).readAll();
            assertThat(rows.subList(1, rows.size())).allSatisfy(row -> {
                for (String cell : row) {
                    assertThat(cell).doesNotStartWith("=").doesNotStartWith("+").doesNotStartWith("-")
                            .doesNotStartWith("@");
                }
            });
            assertThat(rows.get(1)[5]).isEqualTo("'=HYPERLINK(\"http://evil\",\"x\")");
        }

        @Test
        void text_is_coloured_on_a_terminal_only_and_never_with_no_color() throws Exception {
            Path p = file("u.csv", "email,firstname,lastname,userType\na@b.cd,A,B,enduser\n");
            assertThat(cli().terminals(Terminals.ALL).run("validate", p.toString()).out()).contains("\u001B[");
            assertThat(cli().run("validate", p.toString()).out()).doesNotContain("\u001B[");
            assertThat(cli().terminals(Terminals.ALL).env("NO_COLOR", "1").run("validate", p.toString()).out())
                    .doesNotContain("\u001B[");
        }

        @Test
        void control_characters_from_the_file_never_reach_the_terminal() throws Exception {
            Path p = file("u.csv", "email,firstname,lastname,userType\na@b.cd,A,B,\"\u001B[2Jx\"\n");
            CliResult r = cli().terminals(Terminals.ALL).run("validate", p.toString()).assertExit(1);
            assertThat(r.out()).doesNotContain("\u001B[2J").contains("\\u001B[2Jx");
        }
    }

    @Test
    void debug_shows_encoding_separator_and_columns_on_stderr() {
        cli().run("validate", "--debug", EXAMPLE).assertExit(0)
                .assertErrContains("debug: examples/users.csv: UTF-8, comma-separated (detected), columns "
                        + "{email=column 2 (email), firstName=column 3 (firstname)");
    }

    @Test
    void help_lists_the_options() {
        cli().run("validate", "--help").assertExit(0)
                .assertOutContains("--column", "--delimiter", "--org-ids", "--strict", "--output", "Exit codes");
    }
}
