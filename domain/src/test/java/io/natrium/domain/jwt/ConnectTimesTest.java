package io.natrium.domain.jwt;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.jupiter.api.Test;

class ConnectTimesTest {

    private static final ZonedDateTime NOON_UTC = ZonedDateTime.of(2026, 6, 1, 12, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void noRangesMeansAnyTimeWithoutLimit() {
        assertThat(ConnectTimes.allowance(UserPermissionLimits.EMPTY, NOON_UTC, ZoneOffset.UTC))
                .isEqualTo(Duration.ZERO);
    }

    @Test
    void insideARangeTheRestOfItIsAllowed() {
        assertThat(ConnectTimes.allowance(times("", "08:00:00", "17:00:00"), NOON_UTC, ZoneOffset.UTC))
                .isEqualTo(Duration.ofHours(5));
    }

    @Test
    void outsideEveryRangeNothingIsAllowed() {
        assertThat(ConnectTimes.allowance(times("", "13:00:00", "17:00:00"), NOON_UTC, ZoneOffset.UTC)).isNull();
    }

    @Test
    void theLocaleDecidesTheWallClock() {
        // Noon UTC is 14:00 in Berlin in summer.
        UserPermissionLimits berlinAfternoon = times("Europe/Berlin", "13:30:00", "15:00:00");

        assertThat(ConnectTimes.allowance(berlinAfternoon, NOON_UTC, ZoneOffset.UTC)).isEqualTo(Duration.ofHours(1));
        assertThat(ConnectTimes.allowance(times("", "13:30:00", "15:00:00"), NOON_UTC, ZoneId.of("Europe/Berlin")))
                .isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aRangeEndingBeforeItStartsRunsIntoTheNextDay() {
        ZonedDateTime lateEvening = NOON_UTC.withHour(23);

        assertThat(ConnectTimes.allowance(times("", "22:00:00", "02:00:00"), lateEvening, ZoneOffset.UTC))
                .isEqualTo(Duration.ofHours(3));
    }

    private static UserPermissionLimits times(String locale, String start, String end) {
        return new UserPermissionLimits(JwtPermissions.NONE, List.of(), List.of(new TimeRange(start, end)), locale,
                0, 0, 0, false, List.of());
    }
}
