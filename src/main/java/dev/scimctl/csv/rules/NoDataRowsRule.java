package dev.scimctl.csv.rules;

import dev.scimctl.csv.Finding;
import dev.scimctl.csv.FindingSink;
import dev.scimctl.csv.Rule;

/** {@code no-data-rows}: a header and nothing else. Probably the wrong export, or a filter that matched nobody. */
public final class NoDataRowsRule {
    private NoDataRowsRule() {
    }

    public static void check(long rows, FindingSink sink) {
        if (rows == 0) {
            sink.accept(new Finding(Rule.NO_DATA_ROWS, 0, 0, null, null,
                    "the file has a header but no user rows: nothing would be provisioned",
                    "export the users again, one row per user below the header"));
        }
    }
}
