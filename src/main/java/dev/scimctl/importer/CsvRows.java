package dev.scimctl.importer;

import dev.scimctl.csv.DuoCsvReader;
import dev.scimctl.csv.Finding;
import dev.scimctl.csv.Severity;
import dev.scimctl.csv.Summary;
import dev.scimctl.csv.UserRow;
import dev.scimctl.csv.ValidationOptions;
import dev.scimctl.csv.RealnameSplit;
import dev.scimctl.csv.Text;
import dev.scimctl.csv.Validator;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Duo user CSV for an import: every row is checked by the same rules as {@code scimctl validate}, and the rows
 * without errors become {@link ImportRow}s. Rows with errors are kept apart (for --skip-invalid and the report).
 */
public final class CsvRows {
    /**
     * @param rows     the rows without errors, in file order
     * @param invalid  the rows with errors, each with its first error
     * @param findings every finding, in line order
     * @param summary  the validation's counts
     */
    public record Result(List<ImportRow> rows, List<SkippedRow> invalid, List<Finding> findings, Summary summary) {
        /** Errors that are not about one row (the header, a missing column, no rows): no row can be imported then. */
        public long fileErrors() {
            return findings.stream().filter(f -> f.severity() == Severity.ERROR && f.line() <= 1).count();
        }

        public long errors() {
            return summary.errors();
        }
    }

    private CsvRows() {
    }

    public static Result read(DuoCsvReader reader, ValidationOptions options) {
        List<Finding> findings = new ArrayList<>();
        Map<Long, Finding> firstErrorByLine = new HashMap<>();
        Validator validator = new Validator(reader.columns(), options, f -> {
            findings.add(f);
            if (f.severity() == Severity.ERROR) {
                firstErrorByLine.putIfAbsent(f.line(), f);
            }
        });
        List<UserRow> all = new ArrayList<>();
        for (UserRow row; (row = reader.next()) != null; ) {
            validator.check(row);
            all.add(row);
        }
        Summary summary = validator.finish();
        List<ImportRow> rows = new ArrayList<>(all.size());
        List<SkippedRow> invalid = new ArrayList<>();
        for (UserRow r : all) {
            Finding error = firstErrorByLine.get(r.line());
            String email = r.email() == null ? "" : r.email().strip();
            if (error != null) {
                invalid.add(new SkippedRow(r.line(), email, error.message() + " [" + error.code() + "]"));
            } else {
                RealnameSplit split = options.splitRealname() ? RealnameSplit.forRow(r) : null;
                rows.add(ImportRow.of(r.line(), email, split != null && Text.isBlank(r.givenName()) ? split.given()
                        : r.givenName(), split != null && Text.isBlank(r.familyName()) ? split.family()
                        : r.familyName(), r.userType(), r.organizationId(), r.groups()));
            }
        }
        return new Result(rows, invalid, findings, summary);
    }
}
