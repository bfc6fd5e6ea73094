package dev.scimctl.csv.rules;

import dev.scimctl.csv.FindingSink;
import dev.scimctl.csv.UserRow;

/** A check of one row. It must not allocate for a clean row: validate runs it a million times. */
public interface RowRule {
    void check(UserRow row, RowFacts facts, FindingSink sink);
}
