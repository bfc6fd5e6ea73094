package dev.scimctl.csv.rules;

import dev.scimctl.cli.options.OptionNames;
import dev.scimctl.csv.DuoCsvReader;
import dev.scimctl.csv.Finding;
import dev.scimctl.csv.Rule;
import dev.scimctl.csv.Severity;
import dev.scimctl.csv.Summary;
import dev.scimctl.csv.ValidationOptions;
import dev.scimctl.csv.Validator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule, through the real reader and validator: a small CSV in, the findings out. */
class RulesTest {
    static final String HEADER = "email,firstname,lastname,userType,organizationId\n";
    /** The defaults, with hints worded as on the command line (the core names the setting, cli/ the option). */
    static final ValidationOptions CLI = ValidationOptions.DEFAULTS.withNames(OptionNames.INSTANCE);

    static List<Finding> findings(String csv) {
        return findings(csv, CLI);
    }

    static List<Finding> findings(String csv, ValidationOptions options) {
        List<Finding> list = new ArrayList<>();
        run(csv, options, list);
        return list;
    }

    static Summary run(String csv, ValidationOptions options, List<Finding> into) {
        try (DuoCsvReader r = DuoCsvReader.open(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                "t.csv", DuoCsvReader.Options.DEFAULTS, true)) {
            return Validator.validate(r, options, into::add);
        }
    }

    /** The findings of one data row (line 2) with the given userType and organizationId. */
    static List<Finding> row(String userType, String org) {
        return findings(HEADER + "a@b.cd,Ann,Bee," + userType + "," + org + "\n");
    }

    static List<Rule> rules(List<Finding> f) {
        return f.stream().map(Finding::rule).toList();
    }

    @Test
    void a_clean_file_has_no_findings_and_is_counted() {
        List<Finding> f = new ArrayList<>();
        Summary s = run(HEADER + "a@b.cd,A,B,technician,\nc@d.ef,C,D,endUser,All\ne@f.gh,E,F,,\n"
                + "g@h.ij,G,H,endUser,7\ni@j.kl,I,J,,7\n", ValidationOptions.DEFAULTS, f);
        assertThat(f).isEmpty();
        assertThat(s.rows()).isEqualTo(5);
        assertThat(s.technicians()).isEqualTo(1);
        assertThat(s.globalEndUsers()).isEqualTo(2);
        assertThat(s.endUsersByOrganization()).containsEntry(7, 2L);
        assertThat(s.ok(true)).isTrue();
    }

    @Nested
    class MissingColumn {
        @Test
        void each_missing_required_column_is_one_error_on_the_header_line() {
            List<Finding> f = findings("username,status\na@b.cd,active\nc@d.ef,active\n");
            assertThat(f).extracting(Finding::rule).containsExactly(Rule.MISSING_COLUMN, Rule.MISSING_COLUMN);
            assertThat(f).allSatisfy(x -> assertThat(x.line()).isEqualTo(1));
            assertThat(f.get(0).message()).startsWith("no first-name column");
            assertThat(f.get(0).fix()).contains("--column firstName=");
        }

        @Test
        void mentions_realname_when_the_names_are_only_in_one_column() {
            List<Finding> f = findings("email,realname\na@b.cd,Ann Bee\n");
            assertThat(f).hasSize(2);
            assertThat(f.get(0).message()).contains("the file has \"realname\", but NinjaOne needs first and last name "
                    + "in separate columns");
        }

        @Test
        void suggests_the_separator_when_the_header_reads_as_one_column() {
            List<Finding> f = findings("email|firstname|lastname\na@b.cd|A|B\n");
            assertThat(f).hasSize(3);
            assertThat(f.get(0).message()).contains("give --delimiter '|'");
        }
    }

    @Test
    void ambiguous_columns_are_a_warning_naming_both() {
        List<Finding> f = findings("email,firstname,lastname,E-Mail\na@b.cd,A,B,x@y.zz\n");
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo(Rule.AMBIGUOUS_COLUMN);
            assertThat(x.severity()).isEqualTo(Severity.WARNING);
            assertThat(x.column()).isEqualTo(4);
            assertThat(x.message()).contains("column 4 \"E-Mail\"", "column 1 \"email\" is read");
        });
    }

    @Test
    void a_header_only_file_says_it_has_no_rows() {
        List<Finding> f = new ArrayList<>();
        Summary s = run(HEADER, ValidationOptions.DEFAULTS, f);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.rule()).isEqualTo(Rule.NO_DATA_ROWS);
            assertThat(x.line()).isZero();
        });
        assertThat(s.ok(false)).isTrue();
        assertThat(s.ok(true)).isFalse();
    }

    @Test
    void extra_non_empty_cells_mean_an_unquoted_separator() {
        assertThat(findings(HEADER + "a@b.cd,Ann,Smith, Jr.,endUser,12\n"))
                .extracting(Finding::rule).contains(Rule.EXTRA_CELLS);
        assertThat(findings(HEADER + "a@b.cd,Ann,Bee,endUser,,,\n")).isEmpty(); // trailing separators are harmless
    }

    @Nested
    class RequiredValue {
        @Test
        void empty_or_blank_email_first_and_last_name_are_errors_each() {
            List<Finding> f = findings("email,firstname,lastname,status\n,  ,\"\t\",active\n");
            assertThat(f).extracting(Finding::rule).containsOnly(Rule.REQUIRED_VALUE);
            assertThat(f).extracting(Finding::column).containsExactly(1, 2, 3);
            assertThat(f.get(0).message()).startsWith("the e-mail is empty");
            assertThat(f.get(1).message()).startsWith("the first name is only spaces");
        }
    }

    @Nested
    class Whitespace {
        @ParameterizedTest
        @ValueSource(strings = {" a@b.cd", "a@b.cd ", "a@b.cd\u00A0"})
        void around_an_email_is_a_warning_with_the_trimmed_value_as_fix(String email) {
            List<Finding> f = findings("email,firstname,lastname\n\"" + email + "\",A,B\n");
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.rule()).isEqualTo(Rule.SURROUNDING_WHITESPACE);
                assertThat(x.severity()).isEqualTo(Severity.WARNING);
                assertThat(x.fix()).isEqualTo("a@b.cd");
            });
        }

        @Test
        void is_checked_in_names_user_type_organization_and_groups_but_not_in_other_columns() {
            List<Finding> f = findings("email,firstname,lastname,userType,organizationId,group1,notes\n"
                    + "a@b.cd, A,B ,endUser , 12,Techs , free text \n");
            assertThat(f).extracting(Finding::rule).containsOnly(Rule.SURROUNDING_WHITESPACE);
            assertThat(f).extracting(Finding::column).containsExactly(2, 3, 4, 5, 6);
            assertThat(f.get(0).message()).contains("a leading space");
        }

        @Test
        void names_a_non_breaking_space() {
            assertThat(findings("email,firstname,lastname\na@b.cd,Ann\u00A0,B\n").get(0).message())
                    .contains("non-breaking space (U+00A0");
        }
    }

    @Nested
    class EmailFormat {
        @ParameterizedTest
        @ValueSource(strings = {"a@b.cd", "first.last+tag@sub.example.co.uk", "o'brien@example.com",
                "zoë@exämple.de", "x_y-z@a-b.io", "a@xn--p1ai.xn--p1ai", "UPPER@EXAMPLE.COM"})
        void accepts_plausible_addresses(String email) {
            assertThat(findings("email,firstname,lastname\n" + email + ",A,B\n")).isEmpty();
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(delimiter = '|', value = {
                "alice|it has no @|",
                "alice@@example.com|more than one @|",
                "a@b.cd; c@d.ef|more than one address|",
                "alice@example|has no dot|",
                "alice@example.c|not a valid domain|",
                "alice@example.com.|ends with a dot|alice@example.com",
                "mailto:alice@example.com|starts with \"mailto:\"|alice@example.com",
                "Alice <alice@example.com>|a display name|alice@example.com",
                "ali ce@example.com|contains a space|alice@example.com",
                "alice@example,com|a comma where a dot belongs|alice@example.com",
                ".alice@example.com|starts or ends with a dot|",
                "al..ice@example.com|two in a row|",
                "@example.com|nothing before the @|",
                "alice@|no domain|",
                "alice@-example.com|not a valid domain|",
                "alice@exa_mple.com|not a valid domain|"})
        void rejects_implausible_addresses_with_a_reason_and_where_possible_the_corrected_one(String email,
                                                                                          String reason, String fix) {
            List<Finding> f = findings("email,firstname,lastname\n\"" + email + "\",A,B\n");
            assertThat(f).filteredOn(x -> x.rule() == Rule.EMAIL_FORMAT).singleElement().satisfies(x -> {
                assertThat(x.message()).contains(reason);
                assertThat(x.line()).isEqualTo(2);
                assertThat(x.column()).isEqualTo(1);
                if (fix != null) {
                    assertThat(x.fix()).isEqualTo(fix);
                }
            });
        }
    }

    @Nested
    class DuplicateEmail {
        @Test
        void the_same_address_in_another_case_is_an_error_naming_both_lines() {
            List<Finding> f = findings("email,firstname,lastname\na@b.cd,A,B\nc@d.ef,C,D\n A@B.CD ,E,F\n");
            assertThat(f).filteredOn(x -> x.rule() == Rule.DUPLICATE_EMAIL).singleElement().satisfies(x -> {
                assertThat(x.line()).isEqualTo(4);
                assertThat(x.message()).contains("is also on line 2");
                assertThat(x.fix()).contains("lines 2 and 4");
            });
        }

        @Test
        void a_third_copy_names_the_first_line_again() {
            List<Finding> f = findings("email,firstname,lastname\na@b.cd,A,B\na@b.cd,A,B\na@b.cd,A,B\n");
            assertThat(f).extracting(Finding::line).containsExactly(3L, 4L);
            assertThat(f).allSatisfy(x -> assertThat(x.message()).contains("also on line 2"));
        }

        @Test
        void hashes_fold_case_without_copying() {
            assertThat(EmailHashTable.hash("Zoë@Example.COM")).isEqualTo(EmailHashTable.hash("zoë@example.com"));
            assertThat(EmailHashTable.hash("a@b.cd")).isNotEqualTo(EmailHashTable.hash("a@b.ce"));
        }
    }

    @Nested
    class UserType {
        @ParameterizedTest
        @ValueSource(strings = {"technician", "Technician", "tEcHnIcIaN", "endUser", ""})
        void accepts_technician_in_any_case_but_upper_and_endUser_exactly_and_empty(String value) {
            assertThat(row(value, "")).isEmpty();
        }

        @Test
        void a_missing_column_means_end_users() {
            List<Finding> f = new ArrayList<>();
            Summary s = run("email,firstname,lastname\na@b.cd,A,B\n", ValidationOptions.DEFAULTS, f);
            assertThat(f).isEmpty();
            assertThat(s.globalEndUsers()).isEqualTo(1);
        }

        @ParameterizedTest(name = "{0} -> {1}")
        @CsvSource({"enduser,endUser", "EndUser,endUser", "end user,endUser", "End-User,endUser",
                "ENDUSER,endUser", "endusr,endUser", "user,endUser", "Techician,technician", "tech,technician"})
        void rejects_near_misses_with_the_right_value_as_fix(String value, String fix) {
            assertThat(row(value, "")).singleElement().satisfies(x -> {
                assertThat(x.rule()).isEqualTo(Rule.USER_TYPE_SPELLING);
                assertThat(x.fix()).isEqualTo(fix);
                assertThat(x.column()).isEqualTo(4);
            });
        }

        @ParameterizedTest
        @CsvSource({"END_USER,endUser", "TECHNICIAN,technician"})
        void says_when_a_value_is_the_public_api_spelling_not_scim(String value, String fix) {
            assertThat(row(value, "")).singleElement().satisfies(x -> {
                assertThat(x.rule()).isEqualTo(Rule.USER_TYPE_SPELLING);
                assertThat(x.message()).contains("public REST API");
                assertThat(x.fix()).isEqualTo(fix);
            });
        }

        @Test
        void rejects_other_values_listing_the_valid_ones() {
            assertThat(row("manager", "")).singleElement().satisfies(x -> {
                assertThat(x.rule()).isEqualTo(Rule.USER_TYPE_INVALID);
                assertThat(x.message()).contains("technician, endUser (exactly so), or empty");
            });
        }

        @Test
        void explains_that_administrators_cannot_be_provisioned() {
            assertThat(row("Administrator", "").get(0).message()).contains("system administrators cannot be "
                    + "assigned over SCIM");
        }
    }

    @Nested
    class OrganizationId {
        @ParameterizedTest
        @ValueSource(strings = {"All", "all", "ALL", "", "1", "2147483647"})
        void accepts_all_empty_and_positive_int32(String value) {
            assertThat(row("endUser", value)).isEmpty();
        }

        @ParameterizedTest(name = "{0}: {1}")
        @CsvSource(delimiter = '|', value = {
                "0|start at 1|",
                "-4|positive|",
                "2147483648|larger than any|",
                "Acme Corp|numeric id (not its name)|",
                "12.0|as 12.0|12",
                "1.2E+3|as 1.2E+3|1200",
                "1,02E+2|as 1,02E+2|102",
                "102,0|as 102,0|102",
                "global|written All|All"})
        void rejects_anything_else_with_a_reason(String value, String reason, String fix) {
            assertThat(row("endUser", "\"" + value + "\"")).singleElement().satisfies(x -> {
                assertThat(x.rule()).isEqualTo(Rule.ORGANIZATION_ID_INVALID);
                assertThat(x.message()).contains(reason);
                if (fix != null) {
                    assertThat(x.fix()).isEqualTo(fix);
                }
            });
        }

        @ParameterizedTest
        @ValueSource(strings = {"12,13", "12;13", "12 13", "12|13", "12, 13, 14"})
        void a_list_of_ids_is_a_warning_because_the_syntax_is_undocumented(String value) {
            assertThat(row("endUser", "\"" + value + "\"")).singleElement().satisfies(x -> {
                assertThat(x.rule()).isEqualTo(Rule.ORGANIZATION_ID_LIST);
                assertThat(x.severity()).isEqualTo(Severity.WARNING);
            });
        }

        @Test
        void an_organization_on_a_technician_is_a_warning() {
            assertThat(row("technician", "12")).singleElement().satisfies(x -> {
                assertThat(x.rule()).isEqualTo(Rule.ORGANIZATION_ID_ON_TECHNICIAN);
                assertThat(x.severity()).isEqualTo(Severity.WARNING);
            });
            assertThat(row("technician", "All")).isEmpty();
        }

        @Test
        void with_a_known_list_an_unknown_id_is_an_error_and_known_ids_pass() {
            ValidationOptions known = new ValidationOptions(Set.of(12, 13), "orgs.txt");
            List<Finding> f = findings(HEADER + "a@b.cd,A,B,endUser,12\nc@d.ef,C,D,endUser,99\n"
                    + "e@f.gh,E,F,endUser,\"13;98\"\ng@h.ij,G,H,,All\n", known);
            assertThat(f).filteredOn(x -> x.rule() == Rule.ORGANIZATION_ID_UNKNOWN)
                    .extracting(Finding::line).containsExactly(3L, 4L);
            assertThat(f.get(0).message()).contains("organization 99 is not in orgs.txt (2 organizations)");
        }
    }

    @Nested
    class Realname {
        @Test
        void a_realname_without_first_and_last_name_suggests_the_split_instead_of_required_value() {
            List<Finding> f = findings("email,realname,firstname,lastname\na@b.cd,Mary Ann Smith,,\n");
            assertThat(f).singleElement().satisfies(x -> {
                assertThat(x.rule()).isEqualTo(Rule.REALNAME_NOT_SPLIT);
                assertThat(x.message()).contains("NinjaOne needs the first and last name separately");
                assertThat(x.fix()).isEqualTo("first name \"Mary Ann\", last name \"Smith\" (or --split-realname)");
            });
        }

        @Test
        void split_realname_splits_a_real_name_column_alone_and_warns_where_unsure_with_the_line() {
            ValidationOptions split = CLI.withSplitRealname(true);
            List<Finding> f = findings("Email,Real Name\na@b.cd,Alice Martin\nb@b.cd,Jean Paul Sartre\n"
                    + "c@b.cd,\"Dubois, Chloé\"\nd@b.cd,Madonna\n", split);
            assertThat(f).extracting(Finding::line, x -> x.rule().code()).containsExactly(
                    org.assertj.core.groups.Tuple.tuple(3L, "realname-split-unsure"),
                    org.assertj.core.groups.Tuple.tuple(4L, "realname-split-unsure"),
                    org.assertj.core.groups.Tuple.tuple(5L, "realname-not-split"));
            assertThat(f.get(0).message()).contains("first name \"Jean Paul\", last name \"Sartre\"")
                    .contains("more than two words");
            assertThat(f.get(0).severity()).isEqualTo(Severity.WARNING);
            assertThat(f.get(1).message()).contains("first name \"Chloé\", last name \"Dubois\"").contains("comma");
            assertThat(f.get(2).severity()).isEqualTo(Severity.ERROR);
            // Without the option, the same file lacks its name columns.
            assertThat(findings("Email,Real Name\na@b.cd,Alice Martin\n")).extracting(x -> x.rule().code())
                    .containsExactly("missing-column", "missing-column");
        }

        @Test
        void split_realname_without_a_realname_column_still_wants_the_name_columns() {
            List<Finding> f = findings("email\na@b.cd\n", CLI.withSplitRealname(true));
            assertThat(f).extracting(x -> x.rule().code()).containsExactly("missing-column", "missing-column");
            assertThat(f.get(0).message()).contains("--split-realname needs a realname column");
        }

        @Test
        void hints_name_the_setting_in_the_words_given_and_in_plain_words_by_default() {
            String csv = "email,realname,firstname,lastname\na@b.cd,Mary Ann Smith,,\n";
            assertThat(findings(csv, ValidationOptions.DEFAULTS)).singleElement().extracting(Finding::fix)
                    .isEqualTo("first name \"Mary Ann\", last name \"Smith\" (or split realname)");
            assertThat(findings("email\na@b.cd\n", ValidationOptions.DEFAULTS.withSplitRealname(true)).get(0).fix())
                    .isEqualTo("add a column named firstname, first name or givenName, or map yours with column "
                            + "mapping firstName=\"Your Header\"");
        }

        @Test
        void does_not_fire_when_the_names_are_there() {
            assertThat(findings("email,realname,firstname,lastname\na@b.cd,Ann Bee,Ann,Bee\n")).isEmpty();
        }
    }

    @Test
    void every_rule_has_a_unique_code() {
        assertThat(java.util.Arrays.stream(Rule.values()).map(Rule::code).distinct().count())
                .isEqualTo(Rule.values().length);
    }
}
