package dev.scimctl.csv.rules;

import dev.scimctl.csv.Columns;
import dev.scimctl.csv.FindingSink;

/** Runs the checks of the header row, once per file. */
public final class HeaderRules {
    private HeaderRules() {
    }

    /** @param splitRealname whether a realname column stands in for the first and last name ones */
    public static void check(Columns columns, boolean splitRealname, FindingSink sink) {
        MissingColumnRule.check(columns, splitRealname, sink);
        AmbiguousColumnRule.check(columns, sink);
    }
}
