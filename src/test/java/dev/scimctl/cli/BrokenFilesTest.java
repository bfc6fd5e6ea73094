package dev.scimctl.cli;

import dev.scimctl.testing.CliResult;
import dev.scimctl.testing.CliRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The broken-file corpus (src/test/resources/broken, plus big files made here): each gets one clear line on stderr
 * and the documented exit code, never a stack trace or a hang.
 */
@Timeout(10)
class BrokenFilesTest {
    static final String DIR = "src/test/resources/broken/";

    @TempDir
    Path tmp;

    /** A runner whose config folder is this test's own. */
    CliRunner cli() {
        return new CliRunner(tmp.resolve("config"));
    }

    /** Runs validate and checks what every broken file must get: the exit code, one line, no trace, empty stdout. */
    CliResult refused(String file, int exit, String message) {
        CliResult r = cli().run("validate", file).assertExit(exit).assertNoStackTrace().assertOutEmpty()
                .assertErrContains("error: " + file + message);
        assertThat(r.err().lines().count()).as(r.toString()).isEqualTo(1);
        return r;
    }

    @Test
    void unbalanced_quotes_name_the_row_where_the_quote_opens() {
        refused(DIR + "unbalanced-quotes.csv", 3, ":3: a quoted value in the row that starts on this line is never "
                + "closed (the file ends inside it, on line 4)");
    }

    @Test
    void a_nul_byte_names_its_line_and_column() {
        refused(DIR + "nul-byte.csv", 3, ":2:28: a NUL character");
    }

    @Test
    void an_empty_file_says_it_is_empty() {
        refused(DIR + "empty.csv", 3, ": the file is empty: expected a header row");
    }

    @Test
    void a_header_only_file_is_a_warning_not_a_failure() {
        cli().run("validate", DIR + "header-only.csv").assertExit(0).assertNoStackTrace()
                .assertOutContains("the file has a header but no user rows", "[no-data-rows]");
        cli().run("validate", "--strict", DIR + "header-only.csv").assertExit(1);
    }

    @Test
    void a_binary_file_is_refused_as_not_text() {
        refused(DIR + "binary.png", 3, ": this is not a text file");
    }

    @Test
    void an_xlsx_saved_by_mistake_says_how_to_export_csv() {
        refused(DIR + "spreadsheet.xlsx", 3, ": this is a zip archive, most likely an Excel workbook (.xlsx), not a "
                + "CSV file: in Excel use File > Save As > 'CSV UTF-8");
    }

    @Test
    void a_windows_1252_file_names_the_first_accented_letter() {
        refused(DIR + "windows-1252.csv", 3, ":2:23: bytes that are not valid UTF-8 (0xE9): the file is probably in "
                + "Windows-1252");
    }

    @Test
    void a_10_mb_line_is_refused_at_the_limit_without_reading_it_into_a_cell() throws Exception {
        Path p = tmp.resolve("long-line.csv");
        try (BufferedWriter w = Files.newBufferedWriter(p)) {
            w.write("email,firstname,lastname\na@b.cd,A,B\nc@d.ef,C,");
            char[] chunk = "x".repeat(1 << 16).toCharArray();
            for (int i = 0; i < 160; i++) { // 10 MiB
                w.write(chunk);
            }
            w.write("\n");
        }
        refused(p.toString(), 3, ":3: the line is longer than 1 MiB");
    }

    @Test
    void a_quote_left_open_at_the_top_of_a_big_file_stops_at_the_limit_naming_its_line() throws Exception {
        Path p = tmp.resolve("open-quote.csv");
        try (BufferedWriter w = Files.newBufferedWriter(p)) {
            w.write("email,firstname,lastname\n\"a@b.cd,A,B\n");
            for (int i = 0; i < 100_000; i++) {
                w.write("user" + i + "@example.com,First,Last\n");
            }
        }
        refused(p.toString(), 3, ":2: a quoted field that starts on this line is still open after");
    }

    @Test
    void a_missing_file_or_a_directory_is_exit_3() {
        refused(tmp.resolve("nope.csv").toString(), 3, ": no such file");
        refused(tmp.toString(), 3, ": this is a directory, not a CSV file");
    }

    @Test
    void random_bytes_never_produce_a_stack_trace() throws Exception {
        java.util.Random random = new java.util.Random(42);
        for (int i = 0; i < 20; i++) {
            byte[] bytes = new byte[random.nextInt(2000)];
            random.nextBytes(bytes);
            Path p = tmp.resolve("random" + i + ".csv");
            Files.write(p, bytes);
            CliResult r = cli().run("validate", p.toString()).assertNoStackTrace();
            assertThat(r.exitCode()).as(r.toString()).isIn(0, 1, 3);
            assertThat(r.err()).as(r.toString()).doesNotContain("unexpected");
        }
    }
}
