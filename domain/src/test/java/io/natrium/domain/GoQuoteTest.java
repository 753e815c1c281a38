package io.natrium.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoQuoteTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "a.b         | \"a.b\"",
        "say \"hi\"  | \"say \\\"hi\\\"\"",
        "back\\slash | \"back\\\\slash\"",
        "日本.é      | \"日本.é\"",
    })
    void quotesAsGoDoes(String text, String quoted) {
        assertThat(GoQuote.of(text)).isEqualTo(quoted);
    }

    @Test
    void escapesControlCharacters() {
        assertThat(GoQuote.of("a\tb\nc\u0001\u007f")).isEqualTo("\"a\\tb\\nc\\x01\\x7f\"");
    }
}
