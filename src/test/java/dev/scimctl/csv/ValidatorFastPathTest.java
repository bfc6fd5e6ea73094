package dev.scimctl.csv;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Validate's fast path over rows read as bytes (rules/ByteRowCheck) must change nothing: on generated files full of odd
 * cases (quotes, CRLF and lone CR, a BOM, empty and missing cells, non-ASCII, ';' and tab, trailing separators, blank
 * lines, quoted values over several lines, every kind of bad value, duplicates in other case), the findings, in order,
 * and the summary are the same with it as with the rules alone.
 */
class ValidatorFastPathTest {
    private static final String[] EMAILS = {"user@example.com", "USER@example.com", "a.b@c.de", "x@y.io",
            "bad@", "@bad.io", "two@@x.io", "no-at.example.com", "a..b@c.de", ".a@c.de", "a@c", "a@c.d", "a@-c.de",
            "a@c-.de", "a@c.d3", "a@xn--p1ai.xn--p1ai", "mailto:a@b.cd", "Bob <b@c.de>", "a b@c.de", "a@b.cd.",
            "a@b,cd", "zoë@example.com", "a@b.cd ", " a@b.cd", "a@b.cd\t", "", "  ", "\"q\"@b.cd", "a+tag@b.cd",
            "a@b.c\u00e9", "x".repeat(65) + "@b.cd", "a@" + "b".repeat(64) + ".cd", "a;b@c.de", "a,b@c.de",
            "a@b.cd\u00a0", "\u0001a@b.cd", "a\u0001@b.cd"};
    private static final String[] NAMES = {"Ann", "Bob", "", " ", " Ann", "Ann ", "José", "Müller", "O'Neil",
            "Smith, Jr.", "A\"B", "two\nlines", "\u00a0Ann", "Ann\u00a0", "\tAnn", "x\u0001", "Jean Paul", "Zoë",
            "Ann\u2007", "\u202fAnn", "\ufeffAnn", "Ann\u200b", "\u3000Ann", "Ann\u1680", "Ann\u2028", "\u00a0",
            "\u4e2d\u6587", "\ud83d\ude00", "Ann\ud83d\ude00", "\u0080Ann", "Ann\u0085", "Ann\u00ad"};
    private static final String[] TYPES = {"", "endUser", "technician", "Technician", "TECHNICIAN", "END_USER",
            "enduser", "EndUser", " endUser", "endUser ", "admin", "tech", "user", "x", "technicIAN", "endUser\u00a0"};
    private static final String[] ORGS = {"", "All", "ALL", "all", "1", "101", "0", "007", "2147483647",
            "2147483648", "99999999999", "-5", "1,2", "1;2", "12.0", "1.2E+3", "Acme", " 5", "5 ", "global", "1 2"};
    private static final String[] OTHER = {"", "x", "Group 1", "a;b", "note, 1", "\"", "é", " g ", "Gruppe Ü",
            "g\u00a0"};

    @Test
    void the_fast_path_changes_no_finding_and_no_count() {
        Random random = new Random(18);
        for (int file = 0; file < 400; file++) {
            byte[] bytes = generate(random);
            boolean split = random.nextInt(4) == 0;
            Set<Integer> known = random.nextInt(4) == 0 ? Set.of(1, 101, 2147483647) : null;
            ValidationOptions options = new ValidationOptions(known, known == null ? null : "orgs.txt").withSplitRealname(split);
            String slow = run(bytes, options, false);
            String fast = run(bytes, options, true);
            assertThat(fast).as("file %d:%n%s", file, new String(bytes, StandardCharsets.UTF_8)).isEqualTo(slow);
        }
    }

    private static String run(byte[] bytes, ValidationOptions options, boolean fast) {
        List<String> out = new ArrayList<>();
        try (DuoCsvReader r = DuoCsvReader.open(new ByteArrayInputStream(bytes), "users.csv",
                DuoCsvReader.Options.DEFAULTS, true)) {
            Summary s = Validator.validate(r, options, f -> out.add(f.toString()), fast);
            out.add(s.toString());
            out.add("rows read " + r.rowsRead() + ", lines " + r.linesRead());
        } catch (CsvInputException e) {
            out.add(e.getMessage());
        }
        return String.join("\n", out);
    }

    private static byte[] generate(Random random) {
        char delimiter = new char[]{',', ';', '\t'}[random.nextInt(3)];
        String[] ends = {"\n", "\r\n", "\r"};
        String end = ends[random.nextInt(3)];
        List<String> header = new ArrayList<>(List.of("email", "first name", "last name", "userType",
                "organizationId", "groups", "notes"));
        if (random.nextBoolean()) {
            header.add("realname");
        }
        if (random.nextInt(5) == 0) {
            header.remove(random.nextBoolean() ? "first name" : "last name");
        }
        if (random.nextInt(5) == 0) {
            header.remove("userType");
        }
        java.util.Collections.shuffle(header, random);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (random.nextInt(5) == 0) {
            out.writeBytes(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        StringBuilder text = new StringBuilder(String.join(String.valueOf(delimiter), header)).append(end);
        List<String> used = new ArrayList<>();
        int rows = 1 + random.nextInt(60);
        for (int row = 0; row < rows; row++) {
            if (random.nextInt(15) == 0) {
                text.append(random.nextBoolean() ? "" : String.valueOf(delimiter).repeat(random.nextInt(3)))
                        .append(ends[random.nextInt(3)]);
                continue;
            }
            int cells = header.size();
            int shape = random.nextInt(12);
            if (shape == 0) {
                cells -= 1 + random.nextInt(cells); // a short row
            } else if (shape == 1) {
                cells += 1 + random.nextInt(2); // extra cells, empty or not
            }
            for (int c = 0; c < cells; c++) {
                String column = c < header.size() ? header.get(c) : "";
                String v = value(random, column, used);
                if (c >= header.size() && random.nextBoolean()) {
                    v = "";
                }
                if (c > 0) {
                    text.append(delimiter);
                }
                text.append(quote(random, v, delimiter));
            }
            text.append(random.nextInt(10) == 0 ? String.valueOf(delimiter) : "").append(ends[random.nextInt(3)]);
        }
        if (random.nextBoolean()) {
            text.setLength(text.length() - 1); // no line end on the last line (or a CR left of a CRLF)
        }
        out.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    private static String value(Random random, String column, List<String> used) {
        return switch (column) {
            case "email" -> {
                String e;
                if (!used.isEmpty() && random.nextInt(8) == 0) {
                    e = used.get(random.nextInt(used.size()));
                    e = random.nextBoolean() ? e.toUpperCase(java.util.Locale.ROOT) : e;
                } else if (random.nextInt(3) == 0) {
                    e = EMAILS[random.nextInt(EMAILS.length)];
                } else {
                    e = "u" + random.nextInt(100_000) + "@example.com";
                }
                used.add(e);
                yield e;
            }
            case "first name", "last name", "realname" -> NAMES[random.nextInt(random.nextInt(3) == 0
                    ? NAMES.length : 2)];
            case "userType" -> TYPES[random.nextInt(random.nextInt(3) == 0 ? TYPES.length : 3)];
            case "organizationId" -> ORGS[random.nextInt(random.nextInt(3) == 0 ? ORGS.length : 6)];
            default -> OTHER[random.nextInt(OTHER.length)];
        };
    }

    /** As written by hand or by a spreadsheet: quoted when needed, sometimes when not, sometimes wrongly. */
    private static String quote(Random random, String v, char delimiter) {
        boolean needed = v.indexOf(delimiter) >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0;
        int how = random.nextInt(20);
        if (how == 0) {
            return "\"" + v; // an open quote, to the next line or the end
        }
        if (how == 1) {
            return "\"" + v + "\"x"; // text after the closing quote
        }
        if (needed || how < 5) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
