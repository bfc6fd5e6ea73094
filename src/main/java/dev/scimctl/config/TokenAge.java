package dev.scimctl.config;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** NinjaOne SCIM tokens expire six months after they are generated; warn a month ahead. */
public final class TokenAge {
    /** Six months, counted as 183 days: the safe side of any six calendar months. */
    public static final Duration LIFETIME = Duration.ofDays(183);
    /** Five months: from here on the age is a warning. */
    public static final Duration WARN_AFTER = Duration.ofDays(152);

    private TokenAge() {
    }

    public static boolean isOld(Instant setAt, Instant now) {
        return setAt != null && Duration.between(setAt, now).compareTo(WARN_AFTER) > 0;
    }

    public static long daysOld(Instant setAt, Instant now) {
        return ChronoUnit.DAYS.between(setAt, now);
    }

    public static String describe(Instant setAt, Instant now) {
        long days = daysOld(setAt, now);
        long left = ChronoUnit.DAYS.between(now, setAt.plus(LIFETIME));
        String when = setAt.toString().substring(0, 10) + " (" + days + " days ago)";
        if (left < 0) {
            return when + "; past six months: NinjaOne has probably expired it";
        }
        if (isOld(setAt, now)) {
            return when + "; NinjaOne tokens expire after six months, about " + left + " days left";
        }
        return when;
    }
}
