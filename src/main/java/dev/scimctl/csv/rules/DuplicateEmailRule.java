package dev.scimctl.csv.rules;

import dev.scimctl.csv.Columns;
import dev.scimctl.csv.Field;
import dev.scimctl.csv.Finding;
import dev.scimctl.csv.FindingSink;
import dev.scimctl.csv.Rule;
import dev.scimctl.csv.Text;
import dev.scimctl.csv.UserRow;

/**
 * {@code duplicate-email}: the same e-mail on two rows, ignoring case (SCIM's userName is case-insensitive and
 * unique, so the second row would update or collide with the first). Reported on the later row, naming the first.
 * Memory stays small with {@link EmailHashTable}; see there for the (tiny) chance of a false match.
 */
public final class DuplicateEmailRule implements RowRule {
    private final Columns columns;
    private final int email;
    private final EmailHashTable seen;
    private boolean reportedFull;

    /** @param expectedRows how many rows the file probably has (0 if unknown): sizes the table once */
    public DuplicateEmailRule(Columns columns, long expectedRows) {
        this(columns, new EmailHashTable(columns.index(Field.EMAIL) < 0 ? 0 : expectedRows));
    }

    DuplicateEmailRule(Columns columns, EmailHashTable table) {
        this.columns = columns;
        this.email = columns.index(Field.EMAIL);
        this.seen = table;
    }

    /**
     * For a row that passed every other rule ({@link ByteRowCheck}): remembers its address by its hash. False when
     * the row must go through {@link #check} instead, having changed nothing: the address was seen before, or the
     * table is about to grow or is full (the rule may have something to report then).
     */
    boolean rememberNew(long hash, long line) {
        return seen.putIfRoom(hash, (int) Math.min(Integer.MAX_VALUE, line)) == -1;
    }

    @Override
    public void check(UserRow row, RowFacts facts, FindingSink sink) {
        String e = facts.email();
        if (email < 0 || e == null || e.isEmpty()) {
            return;
        }
        int line = (int) Math.min(Integer.MAX_VALUE, row.line());
        int first = seen.putIfAbsent(EmailHashTable.hash(e), line);
        if (seen.full() && !reportedFull) {
            reportedFull = true;
            sink.accept(new Finding(Rule.DUPLICATE_EMAIL_INCOMPLETE, row.line(), 0, null, null, "not enough memory to "
                    + "remember more e-mail addresses after " + seen.size() + " of them: from this line on, rows are "
                    + "checked for duplicates only against the addresses before it",
                    "give validate more memory, e.g. SCIMCTL_OPTS=-Xmx512m, or split the file"));
        }
        if (first >= 0) {
            sink.accept(Finding.at(Rule.DUPLICATE_EMAIL, row, columns, email, Text.show(e) + " is also on line "
                    + first + " (e-mail addresses are compared ignoring case): each user needs their own address",
                    "keep one of lines " + first + " and " + row.line() + ", or give this user their own address"));
        }
    }
}
