package io.natrium.adapter.protocol;

import static io.natrium.adapter.protocol.ProtocolText.bytes;
import static io.natrium.adapter.protocol.ProtocolText.printable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Go's {@code %q} of bytes, against what Go prints for them. */
class GoQuotedBytesTest {

    static Stream<Arguments> quotes() {
        return Stream.of(
                quoted("hello", "hello"),
                quoted("", ""),
                quoted("\"\\", "\\\"\\\\"),
                quoted("\u0007\b\f\n\r\t\u000b", "\\a\\b\\f\\n\\r\\t\\v"),
                quoted("\u0000\u0001\u001f\u007f", "\\x00\\x01\\x1f\\x7f"),
                // UTF-8: printable characters as they are, others as \\u or \\U.
                quoted("\u00e2\u0082\u00ac", "€"),
                quoted("\u00f0\u009f\u0098\u0080", "\ud83d\ude00"),
                quoted("\u00c2\u0085", "\\u0085"),
                quoted("\u00c2\u00ad", "\\u00ad"),
                quoted("\u00f3\u00a0\u0080\u0081", "\\U000e0001"),
                // Not UTF-8: each byte as \\x, the valid rest as text.
                quoted("\u00ff", "\\xff"),
                quoted("\u00e2\u0080", "\\xe2\\x80"),
                quoted("\u00e2\u0082A", "\\xe2\\x82A"),
                quoted("\u00c0\u0080", "\\xc0\\x80"),
                quoted("\u00ed\u00a0\u0080", "\\xed\\xa0\\x80"),
                quoted("\u00f4\u0090\u0080\u0080", "\\xf4\\x90\\x80\\x80"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("quotes")
    void quotesAsGoDoes(byte[] input, String expected) {
        StringBuilder text = new StringBuilder();

        GoQuotedBytes.appendEscaped(text, input, input.length);

        assertThat(text.toString()).isEqualTo(expected);
    }

    private static Arguments quoted(String input, String expected) {
        return Arguments.of(Named.of("[" + printable(input) + "]", bytes(input)), expected);
    }
}
