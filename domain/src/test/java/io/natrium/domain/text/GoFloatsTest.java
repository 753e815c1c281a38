package io.natrium.domain.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFloatsTest {

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
        "-0.0000001, -1e-7",
        "1e-10, 1e-10",
        "1e20, 100000000000000000000",
        "1e21, 1e+21",
        "1.5e300, 1.5e+300"})
    void jsonIsEncodingJsonsFloatForm(double value, String expected) {
        assertThat(GoFloats.json(value)).isEqualTo(expected);
    }

    @Test
    void jsonRefusesWhatJsonCannotHold() {
        assertThatIllegalArgumentException().isThrownBy(() -> GoFloats.json(Double.NaN));
        assertThatIllegalArgumentException().isThrownBy(() -> GoFloats.json(Double.POSITIVE_INFINITY));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "0, 0",
        "2, 2",
        "0.5, 0.5",
        "-3.25, -3.25",
        "123456, 123456",
        "999999, 999999",
        "1000000, 1e+06",
        "1234567, 1.234567e+06",
        "0.0001, 0.0001",
        "0.00001, 1e-05",
        "0.000012, 1.2e-05",
        "1e21, 1e+21",
        "1.5e300, 1.5e+300",
        "1e-100, 1e-100"})
    void vIsFmtsShortestForm(double value, String expected) {
        assertThat(GoFloats.v(value)).isEqualTo(expected);
    }

    @Test
    void vWritesWhatIsNoNumberAsGoDoes() {
        assertThat(GoFloats.v(Double.NaN)).isEqualTo("NaN");
        assertThat(GoFloats.v(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(GoFloats.v(Double.NEGATIVE_INFINITY)).isEqualTo("-Inf");
        assertThat(GoFloats.v(-0.0)).isEqualTo("-0");
    }

    @Test
    void fixedHasSixDecimals() {
        assertThat(GoFloats.fixed(90)).isEqualTo("90.000000");
        assertThat(GoFloats.fixed(0.5)).isEqualTo("0.500000");
        assertThat(GoFloats.fixed(-1.25)).isEqualTo("-1.250000");
    }
}
