package dev.scimctl.csv.rules;

import dev.scimctl.csv.Columns;
import dev.scimctl.csv.Finding;
import dev.scimctl.csv.UserRow;
import dev.scimctl.csv.ValidationOptions;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class ByteRowCheckTest {
    private static final Columns DUO = Columns.resolve(("username,email,first name,last name,userType,"
            + "organizationId,group1,status,notes").split(","), Map.of());

    private static boolean check(ByteRowCheck c, String line, long number) {
        byte[] b = ("xx" + line + "yy").getBytes(StandardCharsets.US_ASCII); // the line inside a bigger buffer
        return c.check(b, 2, b.length - 2, number);
    }

    @Test
    void takes_the_rows_of_a_duo_export() {
        ByteRowCheck c = new ByteRowCheck(DUO, ValidationOptions.DEFAULTS, ',', new DuplicateEmailRule(DUO, 10));
        assertThat(check(c, "user1,user1@example.com,First1,Last1,endUser,101,Group 1,active,\"note, 1\"", 2))
                .isTrue();
        assertThat(c.kind()).isEqualTo(RowFacts.Kind.END_USER);
        assertThat(c.org()).isEqualTo(RowFacts.Org.ID);
        assertThat(c.organization()).isEqualTo(101);
        assertThat(check(c, "user2,user2@example.com,F,L,Technician,,,active,", 3)).isTrue();
        assertThat(c.kind()).isEqualTo(RowFacts.Kind.TECHNICIAN);
        assertThat(c.org()).isEqualTo(RowFacts.Org.NONE);
        assertThat(check(c, "user3,user3@example.com,F,L,,aLL", 4)).isTrue(); // a short row
        assertThat(c.kind()).isEqualTo(RowFacts.Kind.DEFAULT_END_USER);
        assertThat(c.org()).isEqualTo(RowFacts.Org.ALL);
    }

    @Test
    void leaves_every_doubt_to_the_rules() {
        ByteRowCheck c = new ByteRowCheck(DUO, ValidationOptions.DEFAULTS, ',', new DuplicateEmailRule(DUO, 10));
        for (String line : new String[]{
                "u,a@b.cd,F,L,endUser,1,g,s,n,extra",      // a value past the header
                "u,a@b.cd,F,L,endUser,1,g,s,\"a\"\"b\"",    // a doubled quote
                "u,a@b.cd,F,L,endUser,1,g,s,\"open",        // a quote open to the next line
                "u,a@b.cd,F,L,endUser,1,g,s,x\"y",          // a quote inside an unquoted value
                "u,a@b.cd,F ,L,endUser,1,g,s,n",            // a space at an end
                "u,a@b.cd,F,L,endUser,1, g,s,n",            // ... of a group
                "u,a@b.cd,\tF,L,endUser,1,g,s,n",
                "u,a@b.cd,,L,endUser,1,g,s,n",              // no first name
                "u,a@b.cd,F",                               // no last name
                "u,,F,L,endUser,1,g,s,n",                   // no e-mail
                "u,a@b,F,L,endUser,1,g,s,n",                // not plausible
                "u,a@b.cd,F,L,enduser,1,g,s,n",             // userType
                "u,a@b.cd,F,L,TECHNICIAN,,g,s,n",
                "u,a@b.cd,F,L,endUser,0,g,s,n",             // organizationId
                "u,a@b.cd,F,L,endUser,2147483648,g,s,n",
                "u,a@b.cd,F,L,endUser,\"1,2\",g,s,n",
                "u,a@b.cd,F,L,technician,5,g,s,n",          // a technician with an organization
                ""}) {
            assertThat(check(c, line, 2)).as(line).isFalse();
        }
    }

    @Test
    void a_second_address_in_another_case_goes_to_the_rules() {
        ByteRowCheck c = new ByteRowCheck(DUO, ValidationOptions.DEFAULTS, ',', new DuplicateEmailRule(DUO, 10));
        assertThat(check(c, "u,Ann@Example.com,F,L", 2)).isTrue();
        assertThat(check(c, "u,ann@example.COM,F,L", 3)).isFalse();
    }

    /**
     * When the duplicate table cannot grow, the rule warns once at the row where it fills: the fast path must let
     * that row, and every later duplicate, through to the rule, and the findings must be those of the rule alone.
     */
    @Test
    void a_full_duplicate_table_gives_the_findings_of_the_rule_alone() {
        Columns columns = Columns.resolve(new String[]{"email", "firstname", "lastname"}, Map.of());
        List<String> alone = run(columns, false);
        List<String> fast = run(columns, true);
        assertThat(alone).extracting(s -> s.substring(0, s.indexOf(','))).contains(
                "Finding[rule=DUPLICATE_EMAIL_INCOMPLETE", "Finding[rule=DUPLICATE_EMAIL");
        assertThat(fast).isEqualTo(alone);
    }

    private static List<String> run(Columns columns, boolean fast) {
        DuplicateEmailRule rule = new DuplicateEmailRule(columns, new EmailHashTable(0, 1024));
        ByteRowCheck c = new ByteRowCheck(columns, ValidationOptions.DEFAULTS, ',', rule);
        List<Finding> found = new ArrayList<>();
        RowFacts facts = new RowFacts();
        for (int i = 0; i <= 1500; i++) {
            String email = i % 100 == 99 ? "u" + (i / 3) + "@x.io" : "u" + i + "@x.io";
            String line = email + ",A,B";
            if (fast && check(c, line, i + 2)) {
                continue;
            }
            UserRow row = new UserRow(i + 2, email, "A", "B", null, null, List.of(), null, line.split(","));
            facts.update(row);
            rule.check(row, facts, found::add);
        }
        return found.stream().map(Finding::toString).toList();
    }

    /** Its splitting must give opencsv's cells (configured as DuoCsvReader configures it), or step aside. */
    @Test
    void splits_like_opencsv_on_generated_lines() throws java.io.IOException {
        Random random = new Random(18);
        String[] alphabet = {"a", "b", " ", ",", ";", "\t", "\"", "\"", "é", "\\", "plain text", "\u00a0"};
        String[] header = new String[40];
        java.util.Arrays.fill(header, "x");
        header[0] = "email";
        Columns wide = Columns.resolve(header, Map.of());
        int fast = 0;
        for (int n = 0; n < 200_000; n++) {
            char delimiter = new char[]{',', ';', '\t'}[n % 3];
            StringBuilder sb = new StringBuilder();
            int length = random.nextInt(16);
            for (int i = 0; i < length; i++) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String line = sb.toString();
            ByteRowCheck c = new ByteRowCheck(wide, ValidationOptions.DEFAULTS, delimiter,
                    new DuplicateEmailRule(wide, 10));
            byte[] b = ("\n" + line + "\n").getBytes(StandardCharsets.UTF_8);
            if (c.split(b, 1, b.length - 1)) {
                fast++;
                String[] cells = new String[c.cells()];
                for (int i = 0; i < cells.length; i++) {
                    cells[i] = c.cell(b, i);
                }
                assertThat(cells).as("[%s] split by %s", line, delimiter).containsExactly(opencsv(line, delimiter));
            }
        }
        assertThat(fast).isGreaterThan(50_000);
    }

    private static String[] opencsv(String line, char delimiter) throws java.io.IOException {
        com.opencsv.CSVParser parser = new com.opencsv.CSVParserBuilder().withSeparator(delimiter).withQuoteChar('"')
                .withEscapeChar(com.opencsv.ICSVParser.NULL_CHARACTER).withIgnoreLeadingWhiteSpace(false).build();
        String[] cells = parser.parseLineMulti(line);
        return parser.isPending() ? null : cells;
    }
}
