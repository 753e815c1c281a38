package io.natrium.domain.jwt;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * nats-server's {@code validateTimes}: whether a user with connect {@code times} may be connected at an instant, and
 * for how long from then. A range whose start is after its end runs past midnight into the next day.
 */
public final class ConnectTimes {

    private ConnectTimes() {
    }

    /**
     * How long the user may stay from {@code now}: {@link Duration#ZERO} meaning "no time limit" when it has no
     * ranges, null when it may not connect now.
     *
     * @param local the server's zone, for {@code times_location} {@code Local} or absent
     */
    public static Duration allowance(UserPermissionLimits limits, ZonedDateTime now, ZoneId local) {
        List<TimeRange> ranges = limits.times();
        if (ranges.isEmpty()) {
            return Duration.ZERO;
        }
        ZoneId zone = limits.locale().isEmpty() ? local : ClockTime.zone(limits.locale(), local);
        if (zone == null) {
            return null;
        }
        ZonedDateTime here = now.withZoneSameInstant(zone);
        LocalDate today = here.toLocalDate();
        for (TimeRange range : ranges) {
            int start = ClockTime.parse(range.start());
            int end = ClockTime.parse(range.end());
            if (start < 0 || end < 0) {
                return null;
            }
            ZonedDateTime from = today.atTime(LocalTime.ofSecondOfDay(start)).atZone(zone);
            LocalDate endDay = start > end ? today.plusDays(1) : today;
            ZonedDateTime until = endDay.atTime(LocalTime.ofSecondOfDay(end)).atZone(zone);
            if (from.isBefore(here) && until.isAfter(here)) {
                return Duration.between(here, until);
            }
        }
        return null;
    }
}
