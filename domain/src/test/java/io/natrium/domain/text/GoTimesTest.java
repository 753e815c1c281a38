package io.natrium.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

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
}
