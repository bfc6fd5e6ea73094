package dev.scimctl.csv.rules;

import dev.scimctl.Setting;
import dev.scimctl.csv.Columns;
import dev.scimctl.csv.Finding;
import dev.scimctl.csv.FindingSink;
import dev.scimctl.csv.Rule;

/** {@code ambiguous-column}: two headers name the same field (say "email" and "E-mail"); the first one is read. */
public final class AmbiguousColumnRule {
    private AmbiguousColumnRule() {
    }

    public static void check(Columns columns, Setting.Names names, FindingSink sink) {
        for (Columns.Ambiguity a : columns.ambiguities()) {
            String used = columns.header(a.used());
            String ignored = columns.header(a.ignored());
            sink.accept(new Finding(Rule.AMBIGUOUS_COLUMN, 1, Columns.number(a.ignored()), ignored, ignored,
                    "column " + Columns.number(a.ignored()) + " \"" + ignored + "\" also looks like the "
                            + a.field().label() + " column; column " + Columns.number(a.used()) + " \"" + used
                            + "\" is read and this one is ignored",
                    "remove or rename one of them, or choose with " + names.of(Setting.COLUMN_MAPPING) + " "
                            + a.field().label() + "=\"" + ignored + "\""));
        }
    }
}
