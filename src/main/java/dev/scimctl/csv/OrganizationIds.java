package dev.scimctl.csv;

import com.opencsv.CSVParserBuilder;
import com.opencsv.CSVReader;
import com.opencsv.CSVReaderBuilder;
import com.opencsv.ICSVParser;
import com.opencsv.exceptions.CsvException;
import com.opencsv.exceptions.CsvMalformedLineException;
import dev.scimctl.Setting;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the tenant's organization ids for {@code --org-ids}: one id per line (blank lines and '#' comments
 * ignored), or a CSV whose header has an {@code id} column ({@code id}, {@code organizationId}, {@code org id}, as
 * in a NinjaOne organizations export). The file format is decided by the first line: a number means a plain list.
 */
public final class OrganizationIds {
    private OrganizationIds() {
    }

    public static Set<Integer> read(Path path) {
        return read(openLines(path), path.toString());
    }

    public static Set<Integer> read(InputStream in, String name) {
        return read(open(in, name), name);
    }

    private static PhysicalLineReader openLines(Path path) {
        String name = path.toString();
        try {
            return open(Files.newInputStream(path), name);
        } catch (NoSuchFileException e) {
            throw new CsvInputException(name, 0, 0,
                    names -> "no such file (" + names.of(Setting.ORGANIZATION_IDS) + ")");
        } catch (IOException e) {
            throw new CsvInputException(name, 0, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static PhysicalLineReader open(InputStream in, String name) {
        try {
            byte[] head = in.readNBytes(Encodings.SNIFF_BYTES);
            if (head.length == 0) {
                throw new CsvInputException(name, 0, 0, "the organization list is empty: give one id per line, or "
                        + "a CSV with an id column");
            }
            Encodings.Detected enc = Encodings.detect(head, head.length, name);
            return new PhysicalLineReader(in, true, head, enc.bomLength(), head.length - enc.bomLength(),
                    enc.charset(), name, DuoCsvReader.DEFAULT_MAX_LINE_CHARS);
        } catch (IOException e) {
            throw new CsvInputException(name, 0, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static Set<Integer> read(PhysicalLineReader lines, String name) {
        try (lines) {
            String first = lines.peekLine();
            while (first != null && (Text.isBlank(first) || Text.strip(first).startsWith("#"))) {
                lines.readLine();
                first = lines.peekLine();
            }
            if (first == null) {
                throw new CsvInputException(name, 0, 0, "the organization list has no ids: give one id per line, "
                        + "or a CSV with an id column");
            }
            String f = Text.strip(first);
            if (isNumber(f)) {
                return plainList(lines, name);
            }
            return csv(lines, name);
        } catch (IOException e) {
            throw new CsvInputException(name, 0, 0, "cannot be read: " + e.getMessage());
        }
    }

    private static Set<Integer> plainList(PhysicalLineReader lines, String name) throws IOException {
        Set<Integer> ids = new HashSet<>();
        for (String l; (l = lines.readLine()) != null; ) {
            String v = Text.strip(l);
            if (v.isEmpty() || v.startsWith("#")) {
                continue;
            }
            ids.add(parse(v, name, lines.linesRead(), 1));
        }
        return ids;
    }

    private static Set<Integer> csv(PhysicalLineReader lines, String name) throws IOException {
        char sep = Delimiters.detect(lines.peekLine());
        CSVReader reader = new CSVReaderBuilder(lines)
                .withCSVParser(new CSVParserBuilder().withSeparator(sep)
                        .withEscapeChar(ICSVParser.NULL_CHARACTER).build())
                .withVerifyReader(false).build();
        try {
            lines.startRecord(); // comment lines may come before the header
            String[] header = reader.readNext();
            int col = -1;
            for (int i = 0; i < header.length && col < 0; i++) {
                String h = Text.normalizeName(Field.afterUrn(header[i]));
                if (List.of("id", "organizationid", "orgid", "organisationid").contains(h)) {
                    col = i;
                }
            }
            if (col < 0) {
                throw new CsvInputException(name, 1, 0, "no id column in the organization list: give one id per "
                        + "line, or a CSV with a column named id (its columns are: " + String.join(", ", header) + ")");
            }
            Set<Integer> ids = new HashSet<>();
            while (true) {
                lines.startRecord();
                String[] row = reader.readNext();
                if (row == null) {
                    break;
                }
                if (col < row.length && !Text.isBlank(row[col])) {
                    ids.add(parse(Text.strip(row[col]), name, lines.recordStartLine(), col + 1));
                }
            }
            return ids;
        } catch (CsvMalformedLineException e) {
            // opencsv's message quotes the rest of the file, over many lines: say where the quote opens instead.
            throw new CsvInputException(name, lines.recordStartLine(), 0, "a quoted value in the row that starts on "
                    + "this line is never closed (the file ends inside it, on line " + lines.linesRead() + "): a \" is "
                    + "missing or stray; quote a value as \"…\" and write a \" inside it as \"\"");
        } catch (CsvException e) {
            throw new CsvInputException(name, lines.recordStartLine(), 0, "cannot be read as CSV: " + e.getMessage());
        }
    }

    private static int parse(String v, String name, long line, int column) {
        if (!isNumber(v) || v.length() > 10 || Long.parseLong(v) > Integer.MAX_VALUE || Long.parseLong(v) < 1) {
            throw new CsvInputException(name, line, column, Text.show(v) + " is not an organization id (a positive "
                    + "integer): give one id per line, or a CSV with an id column");
        }
        return Integer.parseInt(v);
    }

    private static boolean isNumber(String v) {
        if (v.isEmpty() || v.length() > 18) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
