package io.natrium.domain.text;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Times as Go writes them. */
public final class GoTimes {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final int NANO_DIGITS = 9;

    private GoTimes() {
    }

    /**
     * A {@code time.Time} in UTC as {@code encoding/json} writes it, without the quotes: RFC 3339 with nanoseconds,
     * trailing zeros left out ({@code 2026-11-27T01:41:34.1744Z}, {@code 2026-11-27T01:41:34Z}).
     */
    public static String rfc3339Nano(Instant instant) {
        StringBuilder text = new StringBuilder(30).append(DATE_TIME.format(instant));
        return GoDurations.appendFraction(text, instant.getNano(), NANO_DIGITS).append('Z').toString();
    }
}
