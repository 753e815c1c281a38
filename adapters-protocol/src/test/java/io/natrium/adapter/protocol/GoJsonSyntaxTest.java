package io.natrium.adapter.protocol;

import static io.natrium.adapter.protocol.ProtocolText.bytes;
import static io.natrium.adapter.protocol.ProtocolText.printable;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Go's syntax errors for JSON, as nats-server 2.9.10 logged them for the same CONNECT arguments. */
class GoJsonSyntaxTest {

    static Stream<Arguments> refused() {
        return Stream.of(
                refused("{bad", "invalid character 'b' looking for beginning of object key string"),
                refused("{\"verbose\":true", "unexpected end of JSON input"),
                refused("", "unexpected end of JSON input"),
                refused("[", "unexpected end of JSON input"),
                refused("{} x", "invalid character 'x' after top-level value"),
                refused("tru", "invalid character ' ' in literal true (expecting 'e')"),
                refused("{\"echo\":tru}", "invalid character '}' in literal true (expecting 'e')"),
                refused("{\"echo\":nul}", "invalid character '}' in literal null (expecting 'l')"),
                refused("{\"a\":\"\\x\"}", "invalid character 'x' in string escape code"),
                refused("{\"a\":\"\\u12g4\"}", "invalid character 'g' in \\u hexadecimal character escape"),
                refused("{\"a\":-x}", "invalid character 'x' in numeric literal"),
                refused("{\"a\":1.x}", "invalid character 'x' after decimal point in numeric literal"),
                refused("{\"a\":1ex}", "invalid character 'x' in exponent of numeric literal"),
                refused("{\"a\":\"\u0001\"}", "invalid character '\\x01' in string literal"),
                refused("{\"a\" 1}", "invalid character '1' after object key"),
                refused("{\"a\":1 \"b\"}", "invalid character '\"' after object key:value pair"),
                refused("[1 2]", "invalid character '2' after array element"),
                refused("\u00ff", "invalid character '\u00ff' looking for beginning of value"),
                refused("{'a':1}", "invalid character '\\'' looking for beginning of object key string"),
                refused("{\"echo\":null,\"x\":[}", "invalid character '}' looking for beginning of value"),
                refused("{\"x\":" + "[".repeat(GoJsonMapper.MAX_DEPTH) + "]".repeat(GoJsonMapper.MAX_DEPTH) + "}",
                        "invalid character '[' exceeded max depth"));
    }

    @ParameterizedTest
    @MethodSource("refused")
    void refusesWithGosWords(String json, String error) {
        assertThat(GoJsonSyntax.error(bytes(json))).isEqualTo(error);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", " null ", "{\"a\":[1,-0.5e+3,true,false,null,\"\\u00e9\\n\",{}],\"b\":{\"c\":[]}}",
        "5", "\"x\"", "[]", "{\"a\":\"\u00ff\"}"})
    void acceptsWhatGoAccepts(String json) {
        assertThat(GoJsonSyntax.error(bytes(json))).isNull();
    }

    private static Arguments refused(String json, String error) {
        return Arguments.of(Named.of(json.isEmpty() ? "(nothing)" : printable(json), json), error);
    }
}
