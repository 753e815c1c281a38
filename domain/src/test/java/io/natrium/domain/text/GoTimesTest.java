package io.natrium.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoTimesTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2026-11-27T01:41:34.174495091Z, 2026-11-27T01:41:34.174495091Z",
        "2026-11-27T01:41:34.100Z, 2026-11-27T01:41:34.1Z",
        "2026-11-27T01:41:34.120000Z, 2026-11-27T01:41:34.12Z",
        "2026-11-27T03:15:03.509333410Z, 2026-11-27T03:15:03.50933341Z",
        "2026-11-27T01:41:34Z, 2026-11-27T01:41:34Z",
        "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z",
        "2026-01-02T03:04:05.000000006Z, 2026-01-02T03:04:05.000000006Z"})
    void timeIsRfc3339WithTrimmedNanoseconds(String instant, String expected) {
        assertThat(GoTimes.rfc3339Nano(Instant.parse(instant))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} in {1} -> {2}")
    @CsvSource({
        "2026-11-27T01:41:34Z, Europe/Paris, 2026-11-27T02:41:34+01:00",
        "2026-07-27T01:41:34.5Z, Europe/Paris, 2026-07-27T03:41:34.5+02:00",
        "2026-11-27T01:41:34Z, America/St_Johns, 2026-11-26T22:11:34-03:30",
        "2026-11-27T01:41:34Z, Asia/Kolkata, 2026-11-27T07:11:34+05:30",
        "2026-11-27T01:41:34Z, Europe/London, 2026-11-27T01:41:34Z",
        "1970-01-01T00:00:01Z, UTC, 1970-01-01T00:00:01Z"})
    void aLocalTimeCarriesItsZonesOffsetAndZOnlyWhenTheOffsetIsZero(String instant, String zone, String expected) {
        assertThat(GoTimes.rfc3339Nano(Instant.parse(instant), ZoneId.of(zone))).isEqualTo(expected);
    }
}
