package io.natrium.adapter.config.syntax;

import static io.natrium.adapter.config.syntax.Parsing.errors;
import static io.natrium.adapter.config.syntax.Parsing.parse;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every kind of error, with its exact position (line:column, 1-based) and nats-server's wording; and recovery, so
 * that one run lists all the errors of a file.
 */
class ConfigParserErrorsTest {

    static Stream<Arguments> syntaxErrors() {
        return Stream.of(
                // Keys
                arguments("= 1", "1:1: Unexpected key separator '='"),
                arguments("a { = 1 }", "1:5: Unexpected key separator '='."),
                arguments("a { ] }", "1:5: Unexpected array end ']' processing map."),
                arguments("\"abc = 1", "1:1: Unexpected EOF."),
                arguments("a { \"b = 1 }", "1:5: Unexpected EOF processing double quoted map key."),
                arguments("a { 'b = 1 }", "1:5: Unexpected EOF processing quoted map key."),
                arguments("a { b", "1:6: Unexpected EOF processing map key."),
                arguments("/x = 1", "1:1: Expected a key or a comment but got '/'."),
                // What may follow a value
                arguments("a = 1 x", "1:7: Expected a top-level value to end with a new line, comment or EOF, "
                        + "but got 'x' instead."),
                arguments("{ a = 1 x }", "1:9: Expected a block-level value to end with a new line, comment or EOF, "
                        + "but got 'x' instead."),
                arguments("{ {a=1} b }", "1:9: Expected a block-level to end with a '}', but got 'b' instead."),
                arguments("a { b: 1 c: 2 }", "1:10: Expected a map value terminator \",\" or a map terminator \"}\", "
                        + "but got 'c' instead."),
                arguments("a { b = , }", "1:9: Unexpected map value terminator \",\"."),
                arguments("a = [ x y ]", "1:9: Expected an array value terminator \",\" or an array terminator "
                        + "\"]\", but got 'y' instead."),
                arguments("a = [ , ]", "1:7: Unexpected array value terminator ','."),
                arguments("a [ /x ]", "1:5: Unexpected array value terminator '/'."),
                // Unterminated: reported where the string, map, array or block starts
                arguments("a = 'abc", "1:5: Unexpected EOF in quoted string"),
                arguments("a = \"abc\nb = 1", "1:5: Unexpected EOF in quoted string"),
                arguments("a { b = 1", "1:3: Unexpected EOF processing map."),
                arguments("a = [ 1,", "1:5: Unexpected EOF processing array."),
                arguments("a = (\nabc\n )", "1:5: Unexpected EOF processing block."),
                // nats-server reads "1]" as one string, so this array never closes.
                arguments("a = [1]", "1:5: Unexpected EOF processing array."),
                // Values
                arguments("a =\nb = 1", "1:4: Expected value but found new line"),
                arguments("a = .5", "1:5: Floats must start with a digit"),
                arguments("a = -.5", "1:6: Floats must start with a digit, not '.'."),
                arguments("a = -x", "1:6: Expected a digit but got 'x'."),
                arguments("a = 1.x", "1:7: Floats must have a digit after the '.', but got 'x' instead."),
                arguments("a = 1.", "1:7: Floats must have a digit after the '.', but got 'EOF' instead."),
                arguments("a = 12-3", "1:7: All ISO8601 dates must be in full Zulu form."),
                arguments("a = 2016-05-04X18:53:41Z", "1:15: Expected 'T' in ISO8601 datetime, but found 'X' instead."),
                arguments("a = 2016-0x", "1:11: Expected digit in ISO8601 datetime, but found 'x' instead."),
                arguments("a = \"\\q\"", "1:6: Invalid escape character 'q'. Only the following escape characters "
                        + "are allowed: \\xXX, \\t, \\n, \\r, \\\", \\\\."),
                arguments("a = \"\\xzz\"", "1:6: Expected two hexadecimal digits after '\\x', but got 'zz'"),
                arguments("a = b\\x4\nc = 1", "1:6: Expected two hexadecimal digits after '\\x', but hit end of line"),
                // Includes
                arguments("include [x]", "1:9: Expected include value but found start of an array"),
                arguments("include {x}", "1:9: Expected include value but found start of a map"),
                arguments("include (x)", "1:9: Expected include value but found start of a block"),
                arguments("include 1.conf", "1:9: Expected include value but found start of a number"),
                arguments("include -x", "1:9: Expected include value but found start of a number"),
                arguments("include \\x", "1:9: Expected include value but found escape sequence"),
                arguments("include\n", "1:8: Expected include value but found new line"),
                arguments("include \"x", "1:9: Unexpected EOF in double quoted include"),
                arguments("include 'x", "1:9: Unexpected EOF in quoted include"));
    }

    @ParameterizedTest
    @MethodSource("syntaxErrors")
    void syntaxErrorsArePositionedAtTheirCause(String text, String expected) {
        assertThat(errors(text)).containsExactly(expected);
    }

    static Stream<Arguments> valueErrors() {
        String hugeFloat = "1" + "0".repeat(400) + ".5";
        return Stream.of(
                arguments("a = 99999999999999999999", "1:5: integer '99999999999999999999' is out of the range"),
                arguments("a = -9223372036854775809", "1:5: integer '-9223372036854775809' is out of the range"),
                arguments("a = " + hugeFloat, "1:5: float '" + hugeFloat + "' is out of the range"),
                arguments("a = 2016-13-01T00:00:00Z",
                        "1:5: expected Zulu formatted DateTime, but got '2016-13-01T00:00:00Z'"),
                arguments("a = 2023-02-29T00:00:00Z",
                        "1:5: expected Zulu formatted DateTime, but got '2023-02-29T00:00:00Z'"),
                arguments("a = 2016-05-04T18:53:60Z",
                        "1:5: expected Zulu formatted DateTime, but got '2016-05-04T18:53:60Z'"),
                // nats-server silently drops a key with such a suffix, and wraps around on overflow.
                arguments("a = 1kbb", "1:5: integer '1kbb' has an unknown size suffix 'kbb'"),
                arguments("a = 9223372036854775807k", "1:5: integer '9223372036854775807k' is out of the range"),
                arguments("a = 10e", "1:5: integer '10e' is out of the range"),
                arguments("foo", "1:1: config is invalid: no value for key \"foo\""),
                arguments("a = 1\n  b", "2:3: config is invalid: no value for key \"b\""),
                arguments("a { b }", "1:5: config is invalid: no value for key \"b\""),
                arguments("a { b = }", "1:5: config is invalid: no value for key \"b\""),
                arguments("a = 1\n}}", "2:1: config is invalid: no value for key \"}}\""));
    }

    @ParameterizedTest
    @MethodSource("valueErrors")
    void valuesThatCannotBeRepresentedAreErrorsAtTheirPosition(String text, String expected) {
        assertThat(errors(text)).containsExactly(expected);
    }

    @Test
    void badEscapesAreReportedButTheStringIsKept() {
        ParseResult result = parse("a = \"x\\qy\"");

        assertThat(result.errors()).hasSize(1);
        assertThat(result.root().get("a").value()).isEqualTo(new ConfigString(new Position("", 1, 5), "xqy"));
    }

    @Test
    void everyErrorOfTheFileIsReportedAndTheRestIsRead() {
        String text = """
                port: 4222
                bad key here
                a = [ 1, 2 x, 3 ]
                m { x: 1 y: 2
                    z: 3 }
                ok: true
                s = "bad \\q escape"
                big = 99999999999999999999
                last: 1
                """;
        ParseResult result = parse(text);

        assertThat(result.errors()).extracting(ConfigError::toString).containsExactly(
                "2:9: Expected a top-level value to end with a new line, comment or EOF, but got 'h' instead.",
                "3:12: Expected an array value terminator \",\" or an array terminator \"]\", but got 'x' instead.",
                "4:10: Expected a map value terminator \",\" or a map terminator \"}\", but got 'y' instead.",
                "7:10: Invalid escape character 'q'. Only the following escape characters are allowed: "
                        + "\\xXX, \\t, \\n, \\r, \\\", \\\\.",
                "8:7: integer '99999999999999999999' is out of the range");
        assertThat(TreeDump.plain(result.root())).isEqualTo(Map.of("port", 4222L, "bad", "key",
                "a", List.of(1L, 2L), "m", Map.of("x", 1L, "z", 3L), "ok", true, "s", "bad q escape", "last", 1L));
    }

    @Test
    void anUnterminatedStringIsReportedOnceNotByEveryEnclosingMap() {
        assertThat(errors("a { b { c { d = \"open\n}}}\n")).containsExactly("1:17: Unexpected EOF in quoted string");
    }

    @Test
    void nestingDeeperThanTheLimitIsAnErrorNotAStackOverflow() {
        String text = "a = " + "[".repeat(1_000) + "]".repeat(1_000) + "\nb = 1";

        ParseResult result = parse(text);

        assertThat(result.errors()).extracting(ConfigError::toString).containsExactly(
                "1:" + (5 + Session.MAX_DEPTH) + ": maps, arrays, includes and variables nest more than "
                        + Session.MAX_DEPTH + " levels deep");
        assertThat(result.root().get("b")).isNotNull();
        ConfigValue level = result.root().get("a").value();
        int depth = 0;
        while (level instanceof ConfigList list && !list.values().isEmpty()) {
            level = list.values().get(0);
            depth++;
        }
        assertThat(depth).isEqualTo(Session.MAX_DEPTH - 1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{", "}", "[[[[", "a = {{{{", "a = [[[[", "\"", "'", "(", "a = (", "a = (\n)", "$", "a = $",
            "include", "include ", "a=\\", "\\", "\u0000", "a = \"\\x", "a = \"\\x4", "a = \"\\", "{ {", "{ { }", "} }",
            "a { b { c", "a [ { [ {", ":", "::", "a = - ", "a = 1e", "a = 2016-", "\r", "\r\n\r\n", "a\rb",
            "\uD800", "a = \uDC00", "\uFEFFport: 1", "a { include }", "a [ include x ]", "{ include", "a = ]"})
    void oddTextNeverThrowsAndEveryErrorHasAPosition(String text) {
        ParseResult result = parse(text);

        assertThat(result.root()).isNotNull();
        assertThat(result.digest()).startsWith("sha256:");
        assertThat(result.errors()).allSatisfy(error -> {
            assertThat(error.position().line()).isPositive();
            assertThat(error.position().column()).isPositive();
            assertThat(error.message()).isNotBlank();
        });
    }
}
