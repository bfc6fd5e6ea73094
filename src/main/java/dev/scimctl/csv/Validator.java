package dev.scimctl.csv;

import dev.scimctl.csv.rules.ByteRowCheck;
import dev.scimctl.csv.rules.DuplicateEmailRule;
import dev.scimctl.csv.rules.EmailFormatRule;
import dev.scimctl.csv.rules.ExtraCellsRule;
import dev.scimctl.csv.rules.HeaderRules;
import dev.scimctl.csv.rules.KnownOrganizationRule;
import dev.scimctl.csv.rules.NoDataRowsRule;
import dev.scimctl.csv.rules.OrganizationIdRule;
import dev.scimctl.csv.rules.RealnameRule;
import dev.scimctl.csv.rules.RequiredValueRule;
import dev.scimctl.csv.rules.RowFacts;
import dev.scimctl.csv.rules.RowRule;
import dev.scimctl.csv.rules.TechnicianOrganizationRule;
import dev.scimctl.csv.rules.UserTypeRule;
import dev.scimctl.csv.rules.WhitespaceRule;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs the rules over a stream of rows and sends each finding to a sink as soon as it is made; counts what it saw.
 * Findings come in line order: the header's, then each row's, then the file's (line 0) at {@link #finish()}.
 *
 * <pre>{@code
 * Validator v = new Validator(reader.columns(), options, sink, reader.estimatedRows());   // reports header findings
 * for (UserRow row; (row = reader.next()) != null; ) v.check(row);
 * Summary s = v.finish();
 * }</pre>
 */
public final class Validator {
    private final FindingSink downstream;
    /** Counts each finding, then passes it on. */
    private final FindingSink sink;
    private final RowRule[] rules;
    /** The fast path for rows read as bytes, when the rows come from a file with a known separator. */
    private final ByteRowCheck byteCheck;
    private final RowFacts facts = new RowFacts();
    /** Organizations itemised in the summary; a tenant has far fewer, and a mis-mapped column must not fill the heap. */
    static final int MAX_ORGANIZATIONS = 10_000;

    private final Map<Integer, long[]> byOrganization = new HashMap<>();
    private long otherOrganizationEndUsers;
    private long rows;
    private long technicians;
    private long globalEndUsers;
    private long unclassified;
    private long errors;
    private long warnings;
    private long linesWithErrors;
    private long lastErrorLine = -1;

    public Validator(Columns columns, ValidationOptions options, FindingSink sink) {
        this(columns, options, sink, 0);
    }

    /** @param expectedRows an estimate of the rows to come ({@link DuoCsvReader#estimatedRows()}), 0 if unknown */
    public Validator(Columns columns, ValidationOptions options, FindingSink sink, long expectedRows) {
        this(columns, options, sink, expectedRows, (char) 0);
    }

    /** @param delimiter the file's separator, for the fast path over rows read as bytes ({@link #checkBytes}) */
    private Validator(Columns columns, ValidationOptions options, FindingSink sink, long expectedRows,
                      char delimiter) {
        this.sink = this::count;
        this.downstream = sink;
        this.rules = rowRules(columns, options, expectedRows);
        DuplicateEmailRule duplicates = null;
        for (RowRule r : rules) {
            if (r instanceof DuplicateEmailRule d) {
                duplicates = d;
            }
        }
        this.byteCheck = new ByteRowCheck(columns, options, delimiter, duplicates);
        HeaderRules.check(columns, options, this.sink);
    }

    private static RowRule[] rowRules(Columns columns, ValidationOptions options, long expectedRows) {
        List<RowRule> list = new ArrayList<>(List.of(
                new ExtraCellsRule(columns),
                new RequiredValueRule(columns),
                new RealnameRule(columns, options.splitRealname(), options.names()),
                new WhitespaceRule(columns),
                new EmailFormatRule(columns),
                new DuplicateEmailRule(columns, expectedRows),
                new UserTypeRule(columns),
                new OrganizationIdRule(columns),
                new TechnicianOrganizationRule(columns)));
        if (options.organizationIds() != null) {
            list.add(new KnownOrganizationRule(columns, options.organizationIds(), options.organizationIdsSource()));
        }
        return list.toArray(RowRule[]::new);
    }

    /**
     * The row rules applied to one user given as values, not as a file (the edit commands check what they send with
     * the rules of validate). Only the fields given are checked; each finding's header is the name given for its
     * field (an option, or a SCIM attribute), its line 0.
     *
     * @param values each field's value, as it will be sent
     * @param names  how messages name each field of {@code values}
     */
    public static List<Finding> checkValues(Map<Field, String> values, Map<Field, String> names) {
        List<Field> fields = new ArrayList<>(values.keySet());
        String[] header = new String[fields.size()];
        String[] cells = new String[fields.size()];
        Map<Field, List<String>> explicit = new java.util.EnumMap<>(Field.class);
        for (int i = 0; i < header.length; i++) {
            header[i] = names.getOrDefault(fields.get(i), fields.get(i).label());
            cells[i] = values.get(fields.get(i)) == null ? "" : values.get(fields.get(i));
            explicit.put(fields.get(i), List.of(header[i]));
        }
        UserRow row = new UserRow(0, values.get(Field.EMAIL), values.get(Field.FIRST_NAME),
                values.get(Field.LAST_NAME), values.get(Field.USER_TYPE), values.get(Field.ORGANIZATION_ID), List.of(),
                null, cells);
        RowFacts facts = new RowFacts();
        facts.update(row);
        List<Finding> findings = new ArrayList<>();
        for (RowRule r : rowRules(Columns.resolve(header, explicit), ValidationOptions.DEFAULTS, 1)) {
            r.check(row, facts, findings::add);
        }
        return findings;
    }

    /**
     * Reads every row of {@code reader} and validates it. Rows that are one line of valid UTF-8 are checked from their
     * bytes first ({@link ByteRowCheck}); the rules see every row that check is not sure of.
     */
    public static Summary validate(DuoCsvReader reader, ValidationOptions options, FindingSink sink) {
        return validate(reader, options, sink, true);
    }

    /** With or without the fast path: for the test that compares the two. */
    static Summary validate(DuoCsvReader reader, ValidationOptions options, FindingSink sink, boolean fast) {
        Validator v = new Validator(reader.columns(), options, sink, reader.estimatedRows(), reader.delimiter());
        DuoCsvReader.ByteRowHandler handler = fast ? v::checkBytes : null;
        for (UserRow row; (row = reader.next(handler)) != null; ) {
            v.check(row);
        }
        return v.finish();
    }

    public void check(UserRow row) {
        rows++;
        facts.update(row);
        for (RowRule r : rules) {
            r.check(row, facts, sink);
        }
        classify(facts.kind(), facts.org(), facts.organization());
    }

    /** A row from its bytes: true when the rules would find nothing in it, and it is counted; false to check it. */
    private boolean checkBytes(byte[] line, int from, int to, long lineNumber) {
        if (!byteCheck.check(line, from, to, lineNumber)) {
            return false;
        }
        rows++;
        classify(byteCheck.kind(), byteCheck.org(), byteCheck.organization());
        return true;
    }

    private void classify(RowFacts.Kind kind, RowFacts.Org org, int organization) {
        switch (kind) {
            case TECHNICIAN -> technicians++;
            case INVALID -> unclassified++;
            default -> {
                switch (org) {
                    case NONE, ALL -> globalEndUsers++;
                    case ID -> countOrganization(organization);
                    default -> unclassified++;
                }
            }
        }
    }

    private void countOrganization(int id) {
        long[] n = byOrganization.get(id);
        if (n != null) {
            n[0]++;
        } else if (byOrganization.size() < MAX_ORGANIZATIONS) {
            byOrganization.put(id, new long[]{1});
        } else {
            otherOrganizationEndUsers++;
        }
    }

    /** Reports the file-level findings and returns the counts. */
    public Summary finish() {
        NoDataRowsRule.check(rows, sink);
        TreeMap<Integer, Long> orgs = new TreeMap<>();
        byOrganization.forEach((k, v) -> orgs.put(k, v[0]));
        return new Summary(rows, technicians, globalEndUsers, orgs, otherOrganizationEndUsers, unclassified, errors,
                warnings, linesWithErrors);
    }

    private void count(Finding f) {
        if (f.severity() == Severity.ERROR) {
            errors++;
            if (f.line() != lastErrorLine) {
                linesWithErrors++;
                lastErrorLine = f.line();
            }
        } else {
            warnings++;
        }
        downstream.accept(f);
    }
}
