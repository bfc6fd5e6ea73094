package dev.scimctl.csv.rules;

import dev.scimctl.csv.Columns;
import dev.scimctl.csv.FindingSink;
import dev.scimctl.csv.ValidationOptions;

/** Runs the checks of the header row, once per file. */
public final class HeaderRules {
    private HeaderRules() {
    }

    /** @param options whether a realname column stands in for the first and last name ones; how hints name settings */
    public static void check(Columns columns, ValidationOptions options, FindingSink sink) {
        MissingColumnRule.check(columns, options.splitRealname(), options.names(), sink);
        AmbiguousColumnRule.check(columns, options.names(), sink);
    }
}
