package dev.scimctl.csv.rules;

import dev.scimctl.csv.Columns;
import dev.scimctl.csv.Finding;
import dev.scimctl.csv.FindingSink;
import dev.scimctl.csv.Rule;
import dev.scimctl.csv.Text;
import dev.scimctl.csv.UserRow;

/**
 * {@code extra-cells}: a row with values beyond the last column. Almost always an unquoted value containing the
 * separator ("Smith, Jr."), which shifts every value after it into the wrong column. Empty extra cells (a trailing
 * separator) are harmless and not reported.
 */
public final class ExtraCellsRule implements RowRule {
    private final Columns columns;

    public ExtraCellsRule(Columns columns) {
        this.columns = columns;
    }

    @Override
    public void check(UserRow row, RowFacts facts, FindingSink sink) {
        String[] cells = row.cells();
        int n = columns.size();
        if (cells.length <= n) {
            return;
        }
        for (int i = n; i < cells.length; i++) {
            if (!Text.isBlank(cells[i])) {
                sink.accept(new Finding(Rule.EXTRA_CELLS, row.line(), i + 1, null, cells[i],
                        "the row has " + cells.length + " values but the header has " + n + " columns: a value "
                                + "that contains the separator is probably not in double quotes, so the values after "
                                + "it are in the wrong columns",
                        "put the value that contains the separator in double quotes, e.g. \"Smith, Jr.\""));
                return;
            }
        }
    }
}
