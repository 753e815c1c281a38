package io.natrium.domain.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Go's {@code time.ParseDuration} and {@code Duration.String()}, and nats-server's uptime. */
class GoDurationsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "0|0", "1h30m|5400000000000", "1.5s|1500000000", ".5s|500000000", "5.s|5000000000", "-2m|-120000000000",
        "+3s|3000000000", "1us|1000", "1\u00b5s|1000", "1\u03bcs|1000", "100ns|100", "250ms|250000000",
        "2h45m30.5s|9930500000000", "1m1m|120000000000", "1.5ns|1", "0.3333333333s|333333333",
        "1.00000000000000000000001h|3600000000000", "-0|0",
        "9223372036854775807ns|9223372036854775807", "-9223372036854775808ns|-9223372036854775808"})
    void parsesGoDurations(String text, long nanos) {
        assertThat(GoDurations.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "''|time: invalid duration \"\"", "abc|time: invalid duration \"abc\"",
        "10|time: missing unit in duration \"10\"", "1x|time: unknown unit \"x\" in duration \"1x\"",
        "-|time: invalid duration \"-\"", ".s|time: invalid duration \".s\"",
        "1.5.3s|time: missing unit in duration \"1.5.3s\"", "3 s|time: unknown unit \" s\" in duration \"3 s\"",
        "9223372036854775808ns|time: invalid duration \"9223372036854775808ns\"",
        "99999999999999999999ns|time: invalid duration \"99999999999999999999ns\"",
        "2562048h|time: invalid duration \"2562048h\"",
        "2562047h47m16.854775808s|time: invalid duration \"2562047h47m16.854775808s\"",
        "1h-1m|time: unknown unit \"h-\" in duration \"1h-1m\""})
    void refusesWithGosMessages(String text, String message) {
        assertThatThrownBy(() -> GoDurations.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0} ns -> {1}")
    @CsvSource(delimiter = '|', value = {
        "0|0s", "1|1ns", "999|999ns", "1000|1\u00b5s", "1500|1.5\u00b5s", "4684138|4.684138ms", "1000000|1ms",
        "1500000|1.5ms", "10000000|10ms", "999999999|999.999999ms", "1000000000|1s", "1500000000|1.5s",
        "2500000000|2.5s", "30000000000|30s", "60000000000|1m0s", "61000000001|1m1.000000001s",
        "90000000000|1m30s", "120000000000|2m0s", "3600000000000|1h0m0s", "3723500000000|1h2m3.5s",
        "-1500|-1.5\u00b5s", "-61000000000|-1m1s", "-120000000000|-2m0s",
        "9223372036854775807|2562047h47m16.854775807s", "-9223372036854775808|-2562047h47m16.854775808s"})
    void formatsAsGoPrintsDurations(long nanos, String text) {
        assertThat(GoDurations.format(Duration.ofNanos(nanos))).isEqualTo(text);
    }

    @Test
    void whatIsFormattedParsesBack() {
        for (long nanos = 1; nanos > 0 && nanos < Long.MAX_VALUE / 7; nanos = nanos * 7 + 3) {
            Duration duration = Duration.ofNanos(nanos);
            assertThat(GoDurations.parse(GoDurations.format(duration))).isEqualTo(duration);
            assertThat(GoDurations.parse(GoDurations.format(duration.negated()))).isEqualTo(duration.negated());
        }
    }

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
        assertThat(GoDurations.uptime(Duration.ofSeconds(seconds))).isEqualTo(expected);
    }

    @Test
    void uptimeCountsWholeSecondsOnly() {
        assertThat(GoDurations.uptime(Duration.ofMillis(999))).isEqualTo("0s");
        assertThat(GoDurations.uptime(Duration.ofMillis(61_999))).isEqualTo("1m1s");
    }

    @Test
    void wholeSecondsWrapAroundAsGosInt64Arithmetic() {
        assertThat(GoDurations.ofWholeSeconds(30)).isEqualTo(Duration.ofSeconds(30));
        // 99999999999e9 does not fit an int64: Go keeps the low 64 bits.
        assertThat(GoDurations.ofWholeSeconds(99_999_999_999L).toNanos()).isEqualTo(7_766_279_630_452_241_920L);
    }

    @Test
    void fractionalSecondsTruncateAndOverflowToTheSmallestDurationAsOnAmd64() {
        assertThat(GoDurations.ofSeconds(1.9999999999)).isEqualTo(Duration.ofNanos(1_999_999_999));
        assertThat(GoDurations.ofSeconds(-0.5)).isEqualTo(Duration.ofMillis(-500));
        assertThat(GoDurations.ofSeconds(99_999_999_999.0)).isEqualTo(Duration.ofNanos(Long.MIN_VALUE));
        assertThat(GoDurations.ofSeconds(Double.NaN)).isEqualTo(Duration.ofNanos(Long.MIN_VALUE));
        assertThat(GoDurations.format(Duration.ofNanos(Long.MIN_VALUE))).isEqualTo("-2562047h47m16.854775808s");
    }
}
