package dev.scimctl.csv;

import java.util.Locale;

/** How bad a finding is. Errors make validate exit 1; warnings do too with --strict. */
public enum Severity {
    ERROR, WARNING;

    /** "error", "warning": how output formats spell it. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
