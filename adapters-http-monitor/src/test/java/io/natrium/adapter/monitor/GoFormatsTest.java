package io.natrium.adapter.monitor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GoFormatsTest {

    @ParameterizedTest(name = "{0} s -> {1}")
    @CsvSource({
        "0, 0s",
        "59, 59s",
        "60, 1m0s",
        "3599, 59m59s",
        "3600, 1h0m0s",
        "3661, 1h1m1s",
        "86399, 23h59m59s",
        "86400, 1d0h0m0s",
        "93784, 1d2h3m4s",
        "31535999, 364d23h59m59s",
        "31536000, 1y0d0h0m0s",
        "63245045, 2y2d0h4m5s"})
    void uptimeIsNatsServersCompactForm(long seconds, String expected) {
        assertThat(GoFormats.uptime(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }

    @Test
    void uptimeCountsWholeSecondsOnly() {
        assertThat(GoFormats.uptime(Duration.ofMillis(999))).isEqualTo("0s");
        assertThat(GoFormats.uptime(Duration.ofMillis(61_999))).isEqualTo("1m1s");
    }

    @ParameterizedTest(name = "{0} ns -> {1}")
    @CsvSource({
        "0, 0s",
        "1, 1ns",
        "999, 999ns",
        "1000, 1µs",
        "1500, 1.5µs",
        "4684138, 4.684138ms",
        "1000000, 1ms",
        "999999999, 999.999999ms",
        "1000000000, 1s",
        "2500000000, 2.5s",
        "60000000000, 1m0s",
        "61000000001, 1m1.000000001s",
        "3600000000000, 1h0m0s",
        "3723500000000, 1h2m3.5s",
        "-1500, -1.5µs",
        "-61000000000, -1m1s"})
    void durationIsGosDurationString(long nanos, String expected) {
        assertThat(GoFormats.duration(Duration.ofNanos(nanos))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2026-11-27T01:41:34.174495091Z, 2026-11-27T01:41:34.174495091Z",
        "2026-11-27T01:41:34.100Z, 2026-11-27T01:41:34.1Z",
        "2026-11-27T01:41:34.120000Z, 2026-11-27T01:41:34.12Z",
        "2026-11-27T01:41:34Z, 2026-11-27T01:41:34Z",
        "0001-01-01T00:00:00Z, 0001-01-01T00:00:00Z",
        "2026-01-02T03:04:05.000000006Z, 2026-01-02T03:04:05.000000006Z"})
    void timeIsRfc3339WithTrimmedNanoseconds(String instant, String expected) {
        assertThat(GoFormats.time(Instant.parse(instant))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, 0",
        "1, 1",
        "2, 2",
        "0.75, 0.75",
        "0.1111111111111111, 0.1111111111111111",
        "71.1, 71.1",
        "-3.5, -3.5",
        "1234567, 1234567",
        "0.000001, 0.000001",
        "0.0000001, 1e-7",
        "0.00000012345, 1.2345e-7",
        "1e-10, 1e-10",
        "1e20, 100000000000000000000",
        "1e21, 1e+21",
        "1.5e300, 1.5e+300"})
    void numberIsEncodingJsonsFloatForm(double value, String expected) {
        assertThat(GoFormats.number(value)).isEqualTo(expected);
    }

    @Test
    void numberRefusesWhatJsonCannotHold() {
        assertThatIllegalArgumentException().isThrownBy(() -> GoFormats.number(Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> GoFormats.number(Double.POSITIVE_INFINITY));
    }

    @Test
    void quoteIsStrconvQuote() {
        assertThat(GoFormats.quote("xyz")).isEqualTo("\"xyz\"");
        assertThat(GoFormats.quote("a\"b\\c")).isEqualTo("\"a\\\"b\\\\c\"");
        assertThat(GoFormats.quote("a\tb\nc\u0001")).isEqualTo("\"a\\tb\\nc\\x01\"");
        assertThat(GoFormats.quote("")).isEqualTo("\"\"");
    }
}
