package io.natrium.adapter.config.syntax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.natrium.adapter.config.syntax.Token.Kind;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The lexer on its own: which token a text starts with, where it ends, and where it stands. */
class LexerTest {

    private final List<ConfigError> errors = new ArrayList<>();

    private Cursor cursor;

    private Lexer lexer(String text) {
        cursor = new Cursor(text, "f.conf");
        return new Lexer(cursor, errors);
    }

    static Stream<Arguments> values() {
        return Stream.of(
                arguments("42", Kind.INTEGER, "42", ""),
                arguments("-42;", Kind.INTEGER, "-42", ";"),
                arguments("1k", Kind.INTEGER, "1k", ""),
                arguments("2MiB,", Kind.INTEGER, "2MiB", ","),
                arguments("1kbb}", Kind.INTEGER, "1kbb", "}"),
                arguments("1k2", Kind.INTEGER, "1k", "2"),
                arguments("1k]", Kind.STRING, "1k", "]"),
                arguments("1]", Kind.STRING, "1]", ""),
                arguments("5kx y", Kind.STRING, "5kx", " y"),
                arguments("10s\n", Kind.STRING, "10s", "\n"),
                arguments("-5 x", Kind.INTEGER, "-5", " x"),
                arguments("-5s", Kind.INTEGER, "-5", "s"),
                arguments("1.5", Kind.FLOAT, "1.5", ""),
                arguments("1.5k", Kind.FLOAT, "1.5", "k"),
                arguments("-0.5]", Kind.FLOAT, "-0.5", "]"),
                arguments("127.0.0.1:4222 x", Kind.STRING, "127.0.0.1:4222", " x"),
                arguments("2016-05-04T18:53:41Z;", Kind.DATE, "2016-05-04T18:53:41Z", ";"),
                arguments("true", Kind.BOOL, "true", ""),
                arguments("Off,", Kind.BOOL, "Off", ","),
                arguments("truth", Kind.STRING, "truth", ""),
                arguments("$var}", Kind.VARIABLE, "var", "}"),
                arguments("$", Kind.VARIABLE, "", ""),
                arguments("$a\\tb", Kind.STRING, "$a\tb", ""),
                arguments("word'rest", Kind.STRING, "word", "rest"),
                arguments("'a \"b\" c' d", Kind.STRING, "a \"b\" c", " d"),
                arguments("\"a 'b' \\\"c\\\"\" d", Kind.STRING, "a 'b' \"c\"", " d"),
                arguments("(\nx\n)\ny", Kind.STRING, "\nx\n", "\ny"),
                arguments("[1]", Kind.ARRAY_START, "", "1]"),
                arguments("{a}", Kind.MAP_START, "", "a}"),
                arguments("  \t x", Kind.STRING, "x", ""),
                arguments("", Kind.STRING, "", ""),
                arguments(";", Kind.STRING, "", ";"));
    }

    @ParameterizedTest
    @MethodSource("values")
    void valueReadsOneTokenAndStopsBeforeItsTerminator(String text, Kind kind, String value, String rest) {
        Lexer lexer = lexer(text);

        Token token = lexer.value();

        assertThat(token.kind()).isEqualTo(kind);
        assertThat(token.text()).isEqualTo(value);
        assertThat(text.substring(cursor.offset())).isEqualTo(rest);
        assertThat(errors).isEmpty();
    }

    @Test
    void keysAreBareUpToASpaceOrSeparatorOrQuotedWithoutEscapes() {
        assertThat(lexer("port: 1").key(false)).isEqualTo(new Token(Kind.KEY, "port", new Position("f.conf", 1, 1)));
        assertThat(lexer("a{b=1").key(false).text()).isEqualTo("a{b");
        assertThat(lexer("\"a b\\\" = 1").key(false).text()).isEqualTo("a b\\");
        assertThat(lexer("'x: y' 1").key(true).text()).isEqualTo("x: y");
        assertThat(lexer("port\u00a0x").key(false).text()).as("any Unicode space ends a key").isEqualTo("port");
    }

    @Test
    void theIncludeKeywordTakesQuotedOrBarePaths() {
        assertThat(lexer("include \"a b.conf\"").key(false).text()).isEqualTo("a b.conf");
        assertThat(lexer("Include 'a.conf'").key(false).text()).isEqualTo("a.conf");
        assertThat(lexer("include a.conf; x").key(false))
                .isEqualTo(new Token(Kind.INCLUDE, "a.conf", new Position("f.conf", 1, 1)));
        assertThat(cursor.peek()).isEqualTo(';');
        assertThat(lexer("include a.conf}").key(true).text()).isEqualTo("a.conf");
        assertThat(lexer("include a'b").key(false).text()).isEqualTo("a");
        assertThat(lexer("include: a").key(false)).isEqualTo(new Token(Kind.KEY, "include", new Position("f.conf", 1, 1)));
    }

    @Test
    void hardErrorsThrowWithTheirPosition() {
        Lexer lexer = lexer("  'open");
        assertThatThrownBy(lexer::value).isInstanceOfSatisfying(SyntaxException.class, e -> assertThat(e.error())
                .isEqualTo(new ConfigError(new Position("f.conf", 1, 3), "Unexpected EOF in quoted string")));
    }

    @Test
    void softErrorsAreListedAndLexingGoesOn() {
        Token token = lexer("\"a\\qb\\x4g\\xc3\\xa9\" rest").value();

        assertThat(token.text()).isEqualTo("aqbé");
        assertThat(errors).extracting(ConfigError::toString).containsExactly(
                "f.conf:1:3: Invalid escape character 'q'. Only the following escape characters are allowed: "
                        + "\\xXX, \\t, \\n, \\r, \\\", \\\\.",
                "f.conf:1:6: Expected two hexadecimal digits after '\\x', but got '4g'");
    }
}
