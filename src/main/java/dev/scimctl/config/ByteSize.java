package dev.scimctl.config;

import dev.scimctl.UsageException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A size as people write it: {@code 1048576}, {@code 500k}, {@code 64MiB}, {@code 1g} (binary units). */
public final class ByteSize {
    private static final Pattern SIZE = Pattern.compile("(\\d{1,12})\\s*([kmg]?)(i?b)?", Pattern.CASE_INSENSITIVE);

    private ByteSize() {
    }

    /** @param where what named the value, for the message (an environment variable, a flag) */
    public static long parse(String text, String where) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches() || Long.parseLong(m.group(1)) == 0) {
            throw new UsageException(where + "=\"" + text + "\" is not a size: write bytes, or a number with k, M or G "
                    + "(binary units), e.g. 64MiB");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> n * 1024;
            case "m" -> n * 1024 * 1024;
            case "g" -> n * 1024 * 1024 * 1024;
            default -> n;
        };
    }
}
