package io.natrium.adapter.config.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Size suffixes: k m g t p e are powers of 1000; with b, i or ib, powers of 1024; in any case. */
class SizeSuffixTest {

    @ParameterizedTest
    @CsvSource({
            "k, 1", "m, 2", "g, 3", "t, 4", "p, 5", "e, 6"})
    void everySuffixInEveryFormAndCase(String letter, int power) {
        long decimal = 1;
        long binary = 1;
        for (int i = 0; i < power; i++) {
            decimal *= 1000;
            binary *= 1024;
        }
        for (String form : new String[] {letter, letter.toUpperCase(Locale.ROOT)}) {
            assertThat(SizeSuffix.parse("7" + form)).as(form).isEqualTo(7 * decimal);
            for (String binaryForm : new String[] {"b", "B", "i", "I", "ib", "iB", "Ib", "IB"}) {
                assertThat(SizeSuffix.parse("7" + form + binaryForm)).as(form + binaryForm).isEqualTo(7 * binary);
            }
        }
    }

    @Test
    void plainAndNegativeNumbers() {
        assertThat(SizeSuffix.parse("0")).isZero();
        assertThat(SizeSuffix.parse("-3")).isEqualTo(-3);
        assertThat(SizeSuffix.parse("-3k")).isEqualTo(-3_000);
        assertThat(SizeSuffix.parse("-8EiB")).isEqualTo(Long.MIN_VALUE);
        assertThat(SizeSuffix.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "9223372036854775808 | integer '9223372036854775808' is out of the range",
            "8EiB                | integer '8EiB' is out of the range",
            "10e                 | integer '10e' is out of the range",
            "1kbb                | integer '1kbb' has an unknown size suffix 'kbb'",
            "1kii                | integer '1kii' has an unknown size suffix 'kii'",
            "1kbi                | integer '1kbi' has an unknown size suffix 'kbi'",
            "١٢                  | expected integer, but got '١٢'"})
    void numbersThatAreNotAnInt64(String text, String message) {
        assertThatThrownBy(() -> SizeSuffix.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }
}
