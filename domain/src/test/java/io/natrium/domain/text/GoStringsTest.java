package io.natrium.domain.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Go's {@code %q} of strings and bytes, and encoding/json's string escapes, against what Go prints. */
class GoStringsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "plain                | foo.bar                  | \"foo.bar\"",
        "quote and backslash  | a\"b\\c                  | \"a\\\"b\\\\c\"",
        "printable unicode    | ünïcödé.日本.🙂          | \"ünïcödé.日本.🙂\"",
        "replacement char     | \uFFFD                   | \"\uFFFD\"",
    })
    void printableTextStays(String what, String text, String quoted) {
        assertThat(GoStrings.quote(text)).isEqualTo(quoted);
    }

    @Test
    void controlAndInvisibleCharactersAreEscaped() {
        assertThat(GoStrings.quote("\u0007\b\f\n\r\t\u000b")).isEqualTo("\"\\a\\b\\f\\n\\r\\t\\v\"");
        assertThat(GoStrings.quote("\u0000\u001b\u007f")).isEqualTo("\"\\x00\\x1b\\x7f\"");
        assertThat(GoStrings.quote("\u0085\u00a0\u00ad")).as("C1 control, no-break space, soft hyphen")
                .isEqualTo("\"\\u0085\\u00a0\\u00ad\"");
        assertThat(GoStrings.quote("\u2028\ue000")).as("line separator, private use")
                .isEqualTo("\"\\u2028\\ue000\"");
        assertThat(GoStrings.quote(new String(Character.toChars(0xE0001)))).as("language tag")
                .isEqualTo("\"\\U000e0001\"");
        assertThat(GoStrings.quote(" ")).isEqualTo("\" \"");
        assertThat(GoStrings.quote("")).isEqualTo("\"\"");
    }

    @Test
    void aLoneSurrogateIsWrittenAsTheBytesGoWouldSeeForIt() {
        assertThat(GoStrings.quote("a\uD800b")).isEqualTo("\"a\\xed\\xa0\\x80b\"");
        assertThat(GoStrings.quote("\uDFFF")).isEqualTo("\"\\xed\\xbf\\xbf\"");
    }

    @Test
    void aListIsQuotedElementByElementInBrackets() {
        assertThat(GoStrings.quote(List.of("a", "b\"c"))).isEqualTo("[\"a\" \"b\\\"c\"]");
        assertThat(GoStrings.quote(List.of("x"))).isEqualTo("[\"x\"]");
        assertThat(GoStrings.quote(List.of())).isEqualTo("[]");
    }

    static Stream<Arguments> quotedBytes() {
        return Stream.of(
                quotedBytes("hello", "hello"),
                quotedBytes("", ""),
                quotedBytes("\"\\", "\\\"\\\\"),
                quotedBytes("\u0007\b\f\n\r\t\u000b", "\\a\\b\\f\\n\\r\\t\\v"),
                quotedBytes("\u0000\u0001\u001f\u007f", "\\x00\\x01\\x1f\\x7f"),
                // UTF-8: printable characters as they are, others as \\u or \\U.
                quotedBytes("\u00e2\u0082\u00ac", "€"),
                quotedBytes("\u00f0\u009f\u0098\u0080", "\ud83d\ude00"),
                quotedBytes("\u00c2\u0085", "\\u0085"),
                quotedBytes("\u00c2\u00ad", "\\u00ad"),
                quotedBytes("\u00f3\u00a0\u0080\u0081", "\\U000e0001"),
                // Not UTF-8: each byte as \\x, the valid rest as text.
                quotedBytes("\u00ff", "\\xff"),
                quotedBytes("\u00e2\u0080", "\\xe2\\x80"),
                quotedBytes("\u00e2\u0082A", "\\xe2\\x82A"),
                quotedBytes("\u00c0\u0080", "\\xc0\\x80"),
                quotedBytes("\u00ed\u00a0\u0080", "\\xed\\xa0\\x80"),
                quotedBytes("\u00f4\u0090\u0080\u0080", "\\xf4\\x90\\x80\\x80"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quotedBytes")
    void bytesAreQuotedAsGoQuotesThem(byte[] input, String expected) {
        StringBuilder text = new StringBuilder("[");

        GoStrings.appendQuotedContent(text, input, input.length);

        assertThat(text.toString()).isEqualTo("[" + expected);
    }

    @Test
    void onlyTheGivenLengthOfTheBytesIsQuoted() {
        StringBuilder text = new StringBuilder();

        GoStrings.appendQuotedContent(text, "ab\u00e2\u0082\u00ac".getBytes(StandardCharsets.ISO_8859_1), 3);

        assertThat(text.toString()).as("a character cut short is bytes").isEqualTo("ab\\xe2");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "plain            | abc              | \"abc\"",
        "quote, backslash | a\"b\\c           | \"a\\\"b\\\\c\"",
        "html             | <a href=x&y>     | \"\\u003ca href=x\\u0026y\\u003e\"",
        "unicode as is    | é日🙂            | \"é日🙂\""
    })
    void jsonStringsAreEscapedAsGosEncoderDoes(String what, String text, String json) {
        assertThat(GoStrings.jsonString(text)).isEqualTo(json);
    }

    @Test
    void jsonControlsHaveShortEscapesOnlyForNewlineReturnAndTab() {
        assertThat(GoStrings.jsonString("\n\r\t")).isEqualTo("\"\\n\\r\\t\"");
        assertThat(GoStrings.jsonString("\u0000\b\f\u001f")).as("Go before 1.22 had no \\b or \\f")
                .isEqualTo("\"\\u0000\\u0008\\u000c\\u001f\"");
        assertThat(GoStrings.jsonString("\u007f\u0085")).as("DEL and C1 controls pass").isEqualTo("\"\u007f\u0085\"");
        assertThat(GoStrings.jsonString("\u2028\u2029")).isEqualTo("\"\\u2028\\u2029\"");
    }

    @Test
    void theJsonEscapeOfEveryCharacterAgreesWithTheJsonString() {
        for (char c = 0; c < 0x3000; c++) {
            String escape = GoStrings.jsonEscape(c);
            assertThat(GoStrings.jsonString(String.valueOf(c)))
                    .isEqualTo("\"" + (escape == null ? String.valueOf(c) : escape) + "\"");
        }
        assertThat(GoStrings.jsonEscape('a')).isNull();
        assertThat(GoStrings.jsonEscape('<')).isEqualTo("\\u003c");
    }

    @Test
    void appendingAJsonStringKeepsWhatCameBefore() {
        assertThat(GoStrings.appendJsonString(new StringBuilder("x:"), "y").toString()).isEqualTo("x:\"y\"");
    }

    private static Arguments quotedBytes(String latin1, String expected) {
        byte[] bytes = latin1.getBytes(StandardCharsets.ISO_8859_1);
        StringBuilder shown = new StringBuilder();
        for (byte b : bytes) {
            shown.append(String.format("%02x", b & 0xFF));
        }
        return Arguments.of(Named.of("[" + shown + "]", bytes), expected);
    }
}
