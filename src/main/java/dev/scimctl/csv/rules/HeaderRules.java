package dev.scimctl.csv.rules;

import dev.scimctl.csv.Columns;
import dev.scimctl.csv.FindingSink;

/** Runs the checks of the header row, once per file. */
public final class HeaderRules {
    private HeaderRules() {
    }

    public static void check(Columns columns, FindingSink sink) {
        MissingColumnRule.check(columns, sink);
        AmbiguousColumnRule.check(columns, sink);
    }
}
