package dev.scimctl.output;

import dev.scimctl.csv.Finding;
import dev.scimctl.csv.Summary;

/** Writes validation findings as they stream in, in one output format. */
public interface FindingWriter {
    /** Before the first finding: what was read. */
    default void begin(String file, String encoding, char delimiter) {
    }

    void finding(Finding f);

    /** After the last finding. */
    void end(Summary summary, boolean strict);

    /** The input broke off: close what is open so the output stays well-formed. */
    default void abort(String message) {
    }
}
