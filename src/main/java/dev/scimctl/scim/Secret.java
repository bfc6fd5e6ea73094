package dev.scimctl.scim;

import java.util.Objects;

/**
 * A bearer token. It cannot leak by accident: {@link #toString()} is redacted, and the only way to the value is
 * {@link #reveal()}, which the HTTP layer calls when it builds the Authorization header.
 */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value, "value").strip();
        if (this.value.isEmpty()) {
            throw new IllegalArgumentException("empty token");
        }
    }

    public String reveal() {
        return value;
    }

    /** The last four characters, so a person can tell two tokens apart without seeing either. */
    public String lastFour() {
        return value.length() <= 8 ? "…" : "…" + value.substring(value.length() - 4);
    }

    /** Replaces every occurrence of this secret in {@code text}: the last safety net before anything is printed. */
    public String scrub(String text) {
        return text == null ? null : text.replace(value, "[redacted]");
    }

    @Override
    public String toString() {
        return "[redacted]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret s && s.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
