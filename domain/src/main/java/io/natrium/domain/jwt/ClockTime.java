package io.natrium.domain.jwt;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** Wall-clock times and zones as a user JWT's {@code times} and {@code times_location} give them, read as Go does. */
final class ClockTime {

    private ClockTime() {
    }

    /**
     * Seconds since midnight of Go's layout {@code 15:04:05} (hour of one or two digits, minutes and seconds of two),
     * or -1 when the text does not fit it.
     */
    static int parse(String text) {
        String[] parts = text.split(":", -1);
        if (parts.length != 3 || parts[0].isEmpty() || parts[0].length() > 2 || parts[1].length() != 2
                || parts[2].length() != 2) {
            return -1;
        }
        int[] values = new int[3];
        for (int i = 0; i < 3; i++) {
            if (!parts[i].chars().allMatch(c -> c >= '0' && c <= '9')) {
                return -1;
            }
            values[i] = Integer.parseInt(parts[i]);
        }
        if (values[0] > 23 || values[1] > 59 || values[2] > 59) {
            return -1;
        }
        return values[0] * 3600 + values[1] * 60 + values[2];
    }

    /**
     * The zone Go's {@code time.LoadLocation} finds for a name: "" and {@code UTC} are UTC, {@code Local} is the
     * server's zone (passed in), other names must be IANA region ids; null when unknown.
     */
    static ZoneId zone(String name, ZoneId local) {
        if (name.isEmpty() || name.equals("UTC")) {
            return ZoneOffset.UTC;
        }
        if (name.equals("Local")) {
            return local;
        }
        if (!ZoneId.getAvailableZoneIds().contains(name)) {
            return null;
        }
        try {
            return ZoneId.of(name);
        } catch (DateTimeException unknown) {
            return null;
        }
    }
}
