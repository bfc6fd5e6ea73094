package dev.scimctl.cli.options;

import dev.scimctl.ExitCode;
import dev.scimctl.UsageException;
import dev.scimctl.cli.ExitCodes;
import dev.scimctl.csv.Delimiters;
import dev.scimctl.csv.DuoCsvReader;
import dev.scimctl.csv.Field;
import dev.scimctl.csv.OrganizationIds;
import dev.scimctl.csv.ValidationOptions;
import picocli.CommandLine.Option;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * {@code --column}, {@code --delimiter}, {@code --org-ids} and {@code --split-realname}: how a command that reads a Duo
 * CSV reads it.
 */
@ExitCodes(ExitCode.INPUT)
public class CsvInputOptions {
    @Option(names = "--column", paramLabel = "FIELD=HEADER")
    List<String> columns = new ArrayList<>();

    @Option(names = "--delimiter", paramLabel = "CHAR")
    String delimiter;

    @Option(names = "--org-ids", paramLabel = "FILE")
    String orgIds;

    @Option(names = "--split-realname")
    boolean splitRealname;

    /** How to read the file: the --column choices and the --delimiter; a wrong one is a usage error. */
    public DuoCsvReader.Options readerOptions() {
        return DuoCsvReader.Options.DEFAULTS.withColumns(parseColumns(columns)).withDelimiter(parseDelimiter(delimiter));
    }

    /** Whether --org-ids is read from stdin. */
    public boolean readsStdin() {
        return "-".equals(orgIds);
    }

    /**
     * The validation settings: the --org-ids list, read now.
     *
     * @param fileFromStdin whether the CSV itself is read from stdin (then --org-ids cannot be)
     */
    public ValidationOptions validationOptions(InputStream stdin, boolean fileFromStdin) {
        if (orgIds == null) {
            return new ValidationOptions(null, null, splitRealname, OptionNames.INSTANCE);
        }
        if (readsStdin()) {
            if (fileFromStdin) {
                throw new UsageException("--org-ids - and FILE - cannot both read stdin: give one of them as a file");
            }
            return new ValidationOptions(OrganizationIds.read(stdin, "stdin"), "stdin", splitRealname,
                    OptionNames.INSTANCE);
        }
        return new ValidationOptions(OrganizationIds.read(Path.of(orgIds)), orgIds, splitRealname,
                OptionNames.INSTANCE);
    }

    static Map<Field, List<String>> parseColumns(List<String> specs) {
        Map<Field, List<String>> map = new EnumMap<>(Field.class);
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new UsageException("--column " + spec + ": expected FIELD=HEADER, e.g. --column "
                        + "userType=\"NinjaOne User Type\"");
            }
            String key = spec.substring(0, eq).trim();
            String header = spec.substring(eq + 1);
            if (header.length() >= 2 && header.startsWith("\"") && header.endsWith("\"")) {
                header = header.substring(1, header.length() - 1);
            }
            Field field = Field.ofKey(key).orElseThrow(() -> new UsageException("--column " + spec + ": unknown "
                    + "field '" + key + "'; the fields are " + Field.labels()));
            List<String> headers = map.computeIfAbsent(field, f -> new ArrayList<>());
            if (field != Field.GROUP && !headers.isEmpty()) {
                throw new UsageException("--column " + field.label() + " is given twice (\"" + headers.get(0)
                        + "\" and \"" + header + "\"): a field is read from one column (only group may repeat)");
            }
            headers.add(header);
        }
        return map;
    }

    static Character parseDelimiter(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Delimiters.parse(value);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--delimiter: " + e.getMessage());
        }
    }
}
