package dev.scimctl.mapping;

import java.util.Locale;

/** How bad a finding is: errors fail {@code map-groups check} (exit 1); warnings and notes do not. */
public enum MappingSeverity {
    ERROR, WARNING, INFO;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
