package dev.scimctl.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ReportTest {
    @TempDir
    Path dir;

    @Test
    void cells_are_quoted_as_rfc_4180_and_formulas_are_defused_for_spreadsheets() throws Exception {
        Path file = dir.resolve("report.csv");
        Report.write(file, List.of(
                new Report.Line(2, "=cmd|' /C calc'!A0", "create", "failed", null, null, "400: \"bad\", really"),
                new Report.Line(0, "old@example.com", "deactivate", "done", "u-1", "active: true → false", null)),
                Report.DIALECT);

        assertThat(Files.readString(file)).isEqualTo("line,userName,action,outcome,id,detail,error\r\n"
                + "2,'=cmd|' /C calc'!A0,create,failed,,,\"400: \"\"bad\"\", really\"\r\n"
                + ",old@example.com,deactivate,done,u-1,active: true → false,\r\n");
    }

    @Test
    void an_excel_report_for_a_decimal_comma_locale_has_a_bom_and_semicolons() throws Exception {
        Path file = dir.resolve("report.csv");
        Report.write(file, List.of(new Report.Line(2, "a@x.io", "create", "failed", null, null, "400; bad")),
                dev.scimctl.csv.CsvDialect.excel(java.util.Locale.GERMANY));

        assertThat(Files.readString(file)).isEqualTo("\uFEFFline;userName;action;outcome;id;detail;error\r\n"
                + "2;a@x.io;create;failed;;;\"400; bad\"\r\n");
    }

    @Test
    void a_planned_report_has_every_row_in_file_order_then_users_not_in_the_file() {
        ImportRow a = ImportRow.of(3, "a@x.io", "A", "B", null, null, List.of("Sales"));
        ImportRow b = ImportRow.of(2, "b@x.io", "B", "C", null, null, List.of());
        Plan plan = new Plan(List.of(
                new UserStep(UserStep.Action.CREATE, a, null, List.of()),
                new UserStep(UserStep.Action.UNCHANGED, b, null, List.of())),
                List.of(new GroupStep("Sales", null, List.of("a@x.io"), List.of())),
                List.of(new SkippedRow(4, "bad", "not an e-mail address [email-format]")));

        assertThat(Report.planned(plan)).extracting(l -> l.line() + " " + l.action() + " " + l.outcome() + " " + l.detail())
                .containsExactly("2 unchanged planned ", "3 create planned add to group Sales",
                        "4 skip skipped null");
    }
}
