package io.natrium.adapter.config.syntax;

import static io.natrium.adapter.config.syntax.Parsing.parse;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The digest is SHA-256 over the tree as Go's JSON encoder writes it: the expected JSON below is written by hand, so
 * these vectors check the encoder against Go's rules rather than against itself.
 */
class ConfigDigestTest {

    private static String sha256(String json) throws Exception {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.getBytes(UTF_8));
        return "sha256:" + HexFormat.of().formatHex(hash);
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo = bar", "# comments and layout do not count\n\n  foo:   bar  \n", "'foo': \"bar\"",
            "{ \"foo\": \"bar\" }", "foo = \"b\\x61r\""})
    void theSameTreeHasTheSameDigestHoweverItIsWritten(String text) throws Exception {
        assertThat(parse(text).digest()).isEqualTo(sha256("{\"foo\":\"bar\"}\n"));
    }

    @Test
    void keysAreSortedAndEveryKindIsWrittenAsGoWritesIt() throws Exception {
        String text = """
                z = 1
                a = [ -2, 1.5, true, false, 2016-05-04T18:53:41Z, "s", {} ]
                B = { y: 1k, x: 0.000001 }
                """;
        String json = "{\"B\":{\"x\":0.000001,\"y\":1000},"
                + "\"a\":[-2,1.5,true,false,\"2016-05-04T18:53:41Z\",\"s\",{}],\"z\":1}\n";

        assertThat(ConfigDigest.json(parse(text).root())).isEqualTo(json);
        assertThat(parse(text).digest()).isEqualTo(sha256(json));
    }

    @Test
    void stringsAreEscapedHtmlSafeAsGoDoes() throws Exception {
        String text = "a = \"<tag> & \\\"q\\\" \\\\ \\t\\n\\r \\x01\\x7f é \\xe2\\x80\\xa8 😀\"";
        String json = "{\"a\":\"\\u003ctag\\u003e \\u0026 \\\"q\\\" \\\\ \\t\\n\\r \\u0001\u007f é \\u2028 😀\"}\n";

        assertThat(ConfigDigest.json(parse(text).root())).isEqualTo(json);
        assertThat(parse(text).digest()).isEqualTo(sha256(json));
    }

    @Test
    void keysSortByCodePointWhichIsUtf8ByteOrder() {
        // UTF-16 would put U+1F600 (a surrogate pair, D83D...) before U+E000; UTF-8 and code points put it after.
        assertThat(ConfigDigest.json(parse("\"\uE000\" = 1\n\"😀\" = 2\n\"a\" = 3\n\"\" = 4").root()))
                .isEqualTo("{\"\":4,\"a\":3,\"\uE000\":1,\"😀\":2}\n");
        assertThat(ConfigDigest.compareCodePoints("ab", "a")).isPositive();
        assertThat(ConfigDigest.compareCodePoints("😀", "\uE000")).isPositive();
    }

    @ParameterizedTest
    @CsvSource({
            "2.2, 2.2", "1.0, 1", "100.0, 100", "0.5, 0.5", "-0.25, -0.25", "0.0, 0", "-0.0, -0",
            "123456789.125, 123456789.125", "0.000001, 0.000001", "0.0000015, 0.0000015",
            "1.0E-7, 1e-7", "1.5E-10, 1.5e-10", "1.0E20, 100000000000000000000", "1.0E21, 1e+21",
            "-1.25E22, -1.25e+22", "1.7976931348623157E308, 1.7976931348623157e+308"})
    void floatsAreWrittenInGosShortestForm(double value, String expected) {
        assertThat(ConfigDigest.goFloat(value)).isEqualTo(expected);
    }

    @Test
    void everyFloatReadsBackFromItsShortForm() {
        Random random = new Random(42);
        for (int i = 0; i < 2_000; i++) {
            double value = Double.longBitsToDouble(random.nextLong());
            if (Double.isFinite(value)) {
                String text = ConfigDigest.goFloat(value);
                assertThat(Double.parseDouble(text)).as(text).isEqualTo(value);
                assertThat(significantDigits(text)).as("no more digits than Java's own form of %s", value)
                        .isLessThanOrEqualTo(significantDigits(Double.toString(value)));
            }
        }
    }

    private static int significantDigits(String number) {
        return number.replaceAll("[eE].*|[-.]", "").replaceAll("^0+|0+$", "").length();
    }

    @Test
    void variablesAndTheirDefinitionsBothCount() throws Exception {
        assertThat(parse("A = [1, 2 ]\nb = $A").digest()).isEqualTo(sha256("{\"A\":[1,2],\"b\":[1,2]}\n"));
    }
}
