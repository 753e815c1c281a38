package io.natrium.adapter.config.syntax;

import static io.natrium.adapter.config.syntax.Parsing.parse;
import static io.natrium.adapter.config.syntax.Parsing.valid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What each way of writing a value reads as: the values nats-server's parser gives for the same text. */
class ConfigParserValuesTest {

    static Stream<Arguments> strings() {
        return Stream.of(
                arguments("a = hello", "hello"),
                arguments("a = \"hello world\"", "hello world"),
                arguments("a = 'single quotes keep \\n as written'", "single quotes keep \\n as written"),
                arguments("a = \"tab\\there\"", "tab\there"),
                arguments("a = \"\\\"quoted\\\" and \\\\\"", "\"quoted\" and \\"),
                arguments("a = \"cr\\rlf\\n\"", "cr\rlf\n"),
                arguments("a = \"\\x41\\x42\"", "AB"),
                arguments("a = \"caf\\xc3\\xa9\"", "café"),
                arguments("a = un\\x41quoted\\tescapes", "unAquoted\tescapes"),
                arguments("a = \"first line\nsecond line\"", "first line\nsecond line"),
                arguments("a = 'first line\nsecond line'", "first line\nsecond line"),
                arguments("a = \"\"", ""),
                arguments("a = ''", ""),
                arguments("a = nats://user:pw@host:4222", "nats://user:pw@host:4222"),
                arguments("a = localhost:4222", "localhost:4222"),
                arguments("a = :4222", ":4222"),
                arguments("a = 127.0.0.1:4222", "127.0.0.1:4222"),
                arguments("a = 0.0.0.0", "0.0.0.0"),
                arguments("a = 10.0.0.1-10.0.0.9", "10.0.0.1-10.0.0.9"),
                arguments("a = 10s", "10s"),
                arguments("a = 1h30m", "1h30m"),
                arguments("a = 5ms", "5ms"),
                arguments("a = -5ms", "-5ms"),
                arguments("a = 3xyz", "3xyz"),
                arguments("a = 3Gyz", "3Gyz"),
                arguments("a = 60%", "60%"),
                arguments("a = 1#2", "1#2"),
                arguments("a = b#not-a-comment", "b#not-a-comment"),
                arguments("a = \"1k\"", "1k"),
                arguments("a = \"true\"", "true"),
                arguments("a = \"$HOME\"", "$HOME"),
                arguments("a = '$HOME'", "$HOME"),
                arguments("a = $2a$11$PWIFAL8RsWyGI3jVZtO9Nu8", "$2a$11$PWIFAL8RsWyGI3jVZtO9Nu8"),
                arguments("a = orders.*.>", "orders.*.>"),
                arguments("a = ünïcødé", "ünïcødé"),
                arguments("a = 😀", "😀"),
                // A quote ends an unquoted string and is dropped; what stood before it is never a boolean.
                arguments("a = ok'", "ok"),
                arguments("a = true'", "true"),
                // After digits, the character that breaks the number is kept as written.
                arguments("a = 1'ab", "1'ab"),
                arguments("a = 1\\t", "1\\t"),
                // Empty values: a terminator right after the separator.
                arguments("a =", ""),
                arguments("a = ;", ""),
                arguments("a = ,", ""),
                arguments("a: }", ""));
    }

    @ParameterizedTest
    @MethodSource("strings")
    void strings(String text, String expected) {
        assertThat(valid(text)).containsEntry("a", expected);
    }

    static Stream<Arguments> blockStrings() {
        return Stream.of(
                arguments("a (\nline one\n  line two\n)\n", "\nline one\n  line two\n"),
                arguments("a = (\nno newline at the end\n)", "\nno newline at the end\n"),
                arguments("a (\n  f(x)\n  (\n  )\n)\n", "\n  f(x)\n  (\n  )\n"),
                arguments("a (\n)\n", "\n"),
                arguments("a (\n# not a comment\n\"not quoted\" $not_a_variable\n)\n",
                        "\n# not a comment\n\"not quoted\" $not_a_variable\n"));
    }

    @ParameterizedTest
    @MethodSource("blockStrings")
    void blockStringsRunToAClosingParenthesisAloneAtTheStartOfALine(String text, String expected) {
        assertThat(valid(text)).containsEntry("a", expected);
    }

    static Stream<Arguments> numbers() {
        return Stream.of(
                arguments("a = 0", 0L),
                arguments("a = 42", 42L),
                arguments("a = -42", -42L),
                arguments("a = 007", 7L),
                arguments("a = 9223372036854775807", Long.MAX_VALUE),
                arguments("a = -9223372036854775808", Long.MIN_VALUE),
                arguments("a = 1k", 1_000L),
                arguments("a = 1K", 1_000L),
                arguments("a = 1kb", 1_024L),
                arguments("a = 1KiB", 1_024L),
                arguments("a = 2m", 2_000_000L),
                arguments("a = 2Mi", 2L * 1024 * 1024),
                arguments("a = 64MB", 64L * 1024 * 1024),
                arguments("a = 3g", 3_000_000_000L),
                arguments("a = -1k", -1_000L),
                arguments("a = 8e", 8_000_000_000_000_000_000L),
                arguments("a = 1.5", 1.5),
                arguments("a = -0.25", -0.25),
                arguments("a = 0.0", 0.0),
                arguments("a = 2.000", 2.0),
                arguments("a = 10.000001", 10.000001));
    }

    @ParameterizedTest
    @MethodSource("numbers")
    void numbers(String text, Object expected) {
        assertThat(valid(text)).containsEntry("a", expected);
    }

    static Stream<Arguments> booleans() {
        return Stream.of(
                arguments("true", true), arguments("TRUE", true), arguments("True", true),
                arguments("yes", true), arguments("YES", true), arguments("on", true), arguments("On", true),
                arguments("false", false), arguments("False", false), arguments("no", false), arguments("NO", false),
                arguments("off", false), arguments("oFF", false));
    }

    @ParameterizedTest
    @MethodSource("booleans")
    void booleans(String word, boolean expected) {
        assertThat(valid("a = " + word)).containsEntry("a", expected);
        assertThat(valid("a = \"" + word + "\"")).as("quoted, it is a string").containsEntry("a", word);
    }

    @Test
    void datesAreIso8601InUtc() {
        assertThat(valid("a = 2016-05-04T18:53:41Z\nb = 2024-02-29T23:59:59Z"))
                .containsEntry("a", Instant.parse("2016-05-04T18:53:41Z"))
                .containsEntry("b", Instant.parse("2024-02-29T23:59:59Z"));
    }

    static Stream<Arguments> separators() {
        return Stream.of(
                arguments("a=1"), arguments("a = 1"), arguments("a:1"), arguments("a: 1"), arguments("a 1"),
                arguments("a\t1"), arguments("a   =   1"), arguments("a\n1"), arguments("a\n\n   1"),
                arguments("a\u00a01"), arguments("\"a\" 1"), arguments("'a':1"), arguments("\"a\"1"),
                arguments("a = 1;"), arguments("a = 1,"), arguments("a = 1 }"), arguments("a = 1 # comment"),
                arguments("a = 1 // comment"), arguments("a = 1\r\n"), arguments("  a = 1  \n\n"));
    }

    @ParameterizedTest
    @MethodSource("separators")
    void keysAndValuesAreSeparatedByEqualsColonOrSpace(String text) {
        assertThat(valid(text)).isEqualTo(Map.of("a", 1L));
    }

    @Test
    void entriesAreSeparatedByNewlinesSemicolonsOrCommas() {
        assertThat(valid("a=1;b=2,c=3\nd=4\r\ne=5; f=6 ;g=7"))
                .containsExactly(Map.entry("a", 1L), Map.entry("b", 2L), Map.entry("c", 3L), Map.entry("d", 4L),
                        Map.entry("e", 5L), Map.entry("f", 6L), Map.entry("g", 7L));
    }

    @Test
    void keysMayBeQuotedAndHoldAnyCharacter() {
        assertThat(valid("\"a b\" = 1\n'x.y': 2\nключ = 3\na.b-c_d/e = 4\n\"\" = 5\n\"include\" x"))
                .containsExactly(Map.entry("a b", 1L), Map.entry("x.y", 2L), Map.entry("ключ", 3L),
                        Map.entry("a.b-c_d/e", 4L), Map.entry("", 5L), Map.entry("include", "x"));
    }

    @Test
    void includeFollowedByASeparatorIsAnOrdinaryKey() {
        assertThat(valid("include: x\ninclude=y")).containsExactly(Map.entry("include", "y"));
    }

    @Test
    void aKeyWrittenTwiceKeepsTheLastValueAndMovesLast() {
        ParseResult result = parse("a = 1\nb = 2\na = 3");

        assertThat(TreeDump.plain(result.root())).isEqualTo(Map.of("b", 2L, "a", 3L));
        assertThat(result.root().all()).extracting(ConfigEntry::key).containsExactly("b", "a");
        assertThat(result.root().get("a").keyPosition()).isEqualTo(new Position("", 3, 1));
    }

    @Test
    void keysDifferingInCaseAreDistinctButLookedUpCaseInsensitively() {
        ParseResult result = parse("Port = 1\nport = 2");

        assertThat(result.root().all()).hasSize(2);
        assertThat(result.root().get("port").value()).isEqualTo(new ConfigInteger(new Position("", 2, 8), 2));
        assertThat(result.root().get("PORT").key()).isEqualTo("Port");
    }

    @Test
    void mapsNestWithOrWithoutSeparatorAndAnyEntrySeparator() {
        Map<String, Object> expected = Map.of("b", 1L, "c", "x");
        for (String text : List.of("a { b = 1, c = x }", "a = { b: 1; c: x }", "a: {b 1\nc x}", "a {\n  b: 1\n  c: x\n}",
                "a {\n  b:\n    1\n  c\n    x\n}", "a={b=1,c=x}", "a = {b = 1, c = x,}")) {
            assertThat(valid(text)).as(text).isEqualTo(Map.of("a", expected));
        }
    }

    @Test
    void mapsNestDeeplyAndMayBeEmpty() {
        assertThat(valid("a { b { c { d: 1 } }, e {} }\nf = {}")).isEqualTo(
                Map.of("a", Map.of("b", Map.of("c", Map.of("d", 1L)), "e", Map.of()), "f", Map.of()));
    }

    @Test
    void arraysHoldAnyValuesSeparatedByCommasOrNewlines() {
        assertThat(valid("a = [ \"x\", 'y', z, 1 , 2.5, true, 2016-05-04T18:53:41Z, {k: v}, [n, m], [] ]"))
                .containsEntry("a", List.of("x", "y", "z", 1L, 2.5, true, Instant.parse("2016-05-04T18:53:41Z"),
                        Map.of("k", "v"), List.of("n", "m"), List.of()));
        assertThat(valid("a [\n  x\n  y,\n\n  z\n]")).containsEntry("a", List.of("x", "y", "z"));
        assertThat(valid("a = [x,y,]")).containsEntry("a", List.of("x", "y"));
        assertThat(valid("a = [ ]")).containsEntry("a", List.of());
    }

    @Test
    void arraysOfMaps() {
        assertThat(valid("users = [\n  {user: a, password: b}\n  {user: c, password: d}\n]"))
                .containsEntry("users", List.of(Map.of("user", "a", "password", "b"),
                        Map.of("user", "c", "password", "d")));
    }

    @Test
    void aNumberRightBeforeTheClosingBracketIsTextAsInNatsServer() {
        // nats-server ends a size-suffixed number only at a space, comma, semicolon, brace or newline.
        assertThat(valid("a = [1k]\nb = [1k, 2k ]")).containsEntry("a", List.of("1k"))
                .containsEntry("b", List.of(1_000L, 2_000L));
    }

    @Test
    void theTopLevelMayBeWrappedInBracesLikeJson() {
        String json = """
                {
                  "http_port": 8222,
                  "cluster": {
                    "port": 6222,
                    "routes": [ "nats://a:6222", "nats://b:6222" ]
                  },
                  "debug": False
                }
                """;
        assertThat(valid(json)).isEqualTo(Map.of("http_port", 8222L, "debug", false,
                "cluster", Map.of("port", 6222L, "routes", List.of("nats://a:6222", "nats://b:6222"))));
        assertThat(valid("{}")).isEmpty();
        assertThat(valid("{ { a = 1 } }")).isEqualTo(Map.of("a", 1L));
        assertThat(valid("{ a = 1 }\n{ b = 2 }")).isEqualTo(Map.of("a", 1L, "b", 2L));
        assertThat(valid("{ {a = 1}, b = 2 }")).isEqualTo(Map.of("a", 1L, "b", 2L));
        assertThat(valid("{\n  a = 1\n")).as("an unclosed brace at the end is accepted").isEqualTo(Map.of("a", 1L));
        assertThat(valid("a { b = 1 }\n}\n")).as("a stray brace at the end is ignored")
                .isEqualTo(Map.of("a", Map.of("b", 1L)));
    }

    @Test
    void commentsMayStandWhereverAnEntryOrElementCould() {
        String text = """
                # a comment first
                // and one with slashes
                a = 1 # after a value
                b = 2 // after a value
                m { # after the brace
                  # before a key
                  x = 1 # after a value in a map
                  // between entries
                  y = 2
                  # before the closing brace
                }
                l [ # after the bracket
                  # before an element
                  1, # after an element
                  2 // after an element
                  # before the closing bracket
                ]
                { # in a top-level brace
                  c = 3
                } # after it
                # at the very end, without newline""";
        assertThat(valid(text)).isEqualTo(Map.of("a", 1L, "b", 2L, "m", Map.of("x", 1L, "y", 2L),
                "l", List.of(1L, 2L), "c", 3L));
    }

    @Test
    void aLoneSlashAfterAValueActsAsNatsServerReadsIt() {
        // Between top-level values it is a blank; after a map or array value it separates.
        assertThat(valid("a = b / \nc = d")).isEqualTo(Map.of("a", "b", "c", "d"));
        assertThat(valid("m { x: 1 /y: 2 }")).isEqualTo(Map.of("m", Map.of("x", 1L, "y", 2L)));
        assertThat(valid("l [ x /y ]")).isEqualTo(Map.of("l", List.of("x", "y")));
        assertThat(valid("m { /x: 1 }")).as("in a map it may start a key").isEqualTo(Map.of("m", Map.of("/x", 1L)));
    }

    @Test
    void emptyTextAndCommentsOnlyAreAnEmptyConfiguration() {
        for (String text : List.of("", "\n\n  \t\n", "# nothing\n// here\n", "}")) {
            ParseResult result = parse(text);
            assertThat(result.errors()).as(text).isEmpty();
            assertThat(result.root().all()).as(text).isEmpty();
        }
    }

    @Test
    void everyValueKnowsWhereItWasWritten() {
        ParseResult result = parse("a = 1\n\tb: \"x\"\nc {\n  d = [ 😀, y ]\n}\n");

        ConfigMap root = result.root();
        assertThat(root.position()).isEqualTo(new Position("", 1, 1));
        assertThat(root.get("a").keyPosition()).isEqualTo(new Position("", 1, 1));
        assertThat(root.get("a").value().position()).isEqualTo(new Position("", 1, 5));
        assertThat(root.get("b").keyPosition()).as("a tab is one column").isEqualTo(new Position("", 2, 2));
        assertThat(root.get("b").value().position()).as("a string starts at its quote")
                .isEqualTo(new Position("", 2, 5));
        ConfigMap c = (ConfigMap) root.get("c").value();
        assertThat(c.position()).isEqualTo(new Position("", 3, 3));
        ConfigList d = (ConfigList) c.get("d").value();
        assertThat(d.position()).isEqualTo(new Position("", 4, 7));
        assertThat(d.values()).extracting(ConfigValue::position)
                .as("a character outside the BMP is one column")
                .containsExactly(new Position("", 4, 9), new Position("", 4, 12));
    }

    @Test
    void kindsAreNamedAsNatsServerNamesThem() {
        ConfigMap root = parse("s = x\ni = 1\nf = 1.5\nb = true\nd = 2016-05-04T18:53:41Z\nl = []\nm {}").root();

        assertThat(root.all()).extracting(entry -> entry.value().kind()).containsExactly("string", "int64",
                "float64", "bool", "time.Time", "[]interface {}", "map[string]interface {}");
    }
}
