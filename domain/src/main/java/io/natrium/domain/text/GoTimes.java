package io.natrium.domain.text;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as Go writes them. */
public final class GoTimes {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
    private static final int NANO_DIGITS = 9;
    private static final int SECONDS_PER_MINUTE = 60;
    private static final int MINUTES_PER_HOUR = 60;

    private GoTimes() {
    }

    /**
     * A {@code time.Time} in UTC as {@code encoding/json} writes it, without the quotes: RFC 3339 with nanoseconds,
     * trailing zeros left out ({@code 2026-11-27T01:41:34.1744Z}, {@code 2026-11-27T01:41:34Z}).
     */
    public static String rfc3339Nano(Instant instant) {
        return rfc3339Nano(instant, ZoneOffset.UTC);
    }

    /**
     * A {@code time.Time} in {@code zone} (Go's {@code time.Local} for a time made by {@code time.Unix}) as
     * {@code encoding/json} writes it: the wall clock of the zone and its offset, {@code Z} whenever the offset is
     * zero ({@code 2026-11-27T02:41:34+01:00}); Go's layout has no place for an offset's seconds, so they are dropped.
     */
    public static String rfc3339Nano(Instant instant, ZoneId zone) {
        ZoneOffset offset = zone.getRules().getOffset(instant);
        StringBuilder text = new StringBuilder(36)
                .append(DATE_TIME.format(LocalDateTime.ofInstant(instant, offset)));
        GoDurations.appendFraction(text, instant.getNano(), NANO_DIGITS);
        return appendOffset(text, offset.getTotalSeconds()).toString();
    }

    private static StringBuilder appendOffset(StringBuilder text, int offsetSeconds) {
        int minutes = Math.abs(offsetSeconds) / SECONDS_PER_MINUTE;
        if (minutes == 0) {
            return text.append('Z');
        }
        text.append(offsetSeconds < 0 ? '-' : '+');
        return append2(append2(text, minutes / MINUTES_PER_HOUR).append(':'), minutes % MINUTES_PER_HOUR);
    }

    private static StringBuilder append2(StringBuilder text, int value) {
        return text.append(value < 10 ? "0" : "").append(value);
    }
}
