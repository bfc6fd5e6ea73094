package dev.scimctl.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses durations as people type them: {@code 30} (seconds), {@code 1.5s}, {@code 500ms}, {@code 2m}. */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m)?");

    private Durations() {
    }

    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a number of seconds, or a number with ms, s or m, e.g. 30s");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> n;
            case "m" -> n * 60_000;
            default -> n * 1000;
        };
        if (millis <= 0) {
            throw new IllegalArgumentException("must be more than zero");
        }
        return positive(millis);
    }

    /**
     * Whole milliseconds, at least one: the HTTP client refuses a zero timeout with an exception of its own, so 0.1ms
     * (or a profile's 0.0001 seconds) became an "unexpected" error in every command instead of a wrong setting.
     */
    public static Duration positive(double millis) {
        if (Double.isNaN(millis) || Math.round(millis) < 1) {
            throw new IllegalArgumentException("must be at least 1ms");
        }
        return Duration.ofMillis(Math.round(millis));
    }
}
