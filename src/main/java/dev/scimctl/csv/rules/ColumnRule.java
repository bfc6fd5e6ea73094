package dev.scimctl.csv.rules;

import dev.scimctl.csv.Columns;
import dev.scimctl.csv.Field;
import dev.scimctl.csv.Finding;
import dev.scimctl.csv.Rule;
import dev.scimctl.csv.UserRow;

/** A rule about one field's cell: its findings point at that cell. */
abstract class ColumnRule implements RowRule {
    private final Columns columns;
    /** The field's column, or -1 when the file has none. */
    final int index;

    ColumnRule(Columns columns, Field field) {
        this.columns = columns;
        this.index = columns.index(field);
    }

    /** A finding about this rule's cell in {@code row}. */
    final Finding finding(Rule rule, UserRow row, String message, String fix) {
        return Finding.at(rule, row, columns, index, message, fix);
    }
}
