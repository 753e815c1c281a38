package io.natrium.adapter.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoDurationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "0|0", "1h30m|5400000000000", "1.5s|1500000000", ".5s|500000000", "5.s|5000000000", "-2m|-120000000000",
            "+3s|3000000000", "1us|1000", "1\u00b5s|1000", "1\u03bcs|1000", "100ns|100", "250ms|250000000",
            "2h45m30.5s|9930500000000", "1m1m|120000000000"})
    void parsesGoDurations(String text, long nanos) {
        assertThat(GoDuration.parse(text)).isEqualTo(Duration.ofNanos(nanos));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "''|time: invalid duration \"\"", "abc|time: invalid duration \"abc\"",
            "10|time: missing unit in duration \"10\"", "1x|time: unknown unit \"x\" in duration \"1x\"",
            "-|time: invalid duration \"-\"", ".s|time: invalid duration \".s\"",
            "1.5.3s|time: missing unit in duration \"1.5.3s\"", "3 s|time: unknown unit \" s\" in duration \"3 s\""})
    void refusesWithGosMessages(String text, String message) {
        assertThatThrownBy(() -> GoDuration.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "0|0s", "1|1ns", "1500|1.5\u00b5s", "1500000|1.5ms", "10000000|10ms", "30000000000|30s",
            "120000000000|2m0s", "3600000000000|1h0m0s", "90000000000|1m30s", "1500000000|1.5s",
            "-120000000000|-2m0s", "3723500000000|1h2m3.5s", "9223372036854775807|2562047h47m16.854775807s",
            "-9223372036854775808|-2562047h47m16.854775808s"})
    void formatsAsGoPrintsDurations(long nanos, String text) {
        assertThat(GoDuration.format(Duration.ofNanos(nanos))).isEqualTo(text);
    }

    @Test
    void wholeSecondsWrapAroundAsGosInt64Arithmetic() {
        assertThat(GoDuration.ofWholeSeconds(30)).isEqualTo(Duration.ofSeconds(30));
        // 99999999999e9 does not fit an int64: Go keeps the low 64 bits.
        assertThat(GoDuration.ofWholeSeconds(99_999_999_999L).toNanos()).isEqualTo(7_766_279_630_452_241_920L);
    }

    @Test
    void fractionalSecondsTruncateAndOverflowToTheSmallestDurationAsOnAmd64() {
        assertThat(GoDuration.ofSeconds(1.9999999999)).isEqualTo(Duration.ofNanos(1_999_999_999));
        assertThat(GoDuration.ofSeconds(-0.5)).isEqualTo(Duration.ofMillis(-500));
        assertThat(GoDuration.ofSeconds(99_999_999_999.0)).isEqualTo(Duration.ofNanos(Long.MIN_VALUE));
        assertThat(GoDuration.ofSeconds(Double.NaN)).isEqualTo(Duration.ofNanos(Long.MIN_VALUE));
    }
}
