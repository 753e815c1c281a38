package io.natrium.adapter.config.syntax;

import static io.natrium.adapter.config.syntax.Parsing.errors;
import static io.natrium.adapter.config.syntax.Parsing.parse;
import static io.natrium.adapter.config.syntax.Parsing.valid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * {@code $name}: the nearest enclosing map first, then the environment (parsed as a value), with cycles detected; a
 * bcrypt hash is not a reference; entries read by a reference are marked; values point at the reference.
 */
class ConfigParserVariablesTest {

    @Test
    void aVariableIsAKeyDefinedEarlierInThisOrAnEnclosingMap() {
        assertThat(valid("""
                index = 22
                nest {
                  index = 11
                  inner { foo = $index }
                }
                bar = $index
                """)).isEqualTo(Map.of("index", 22L, "nest", Map.of("index", 11L, "inner", Map.of("foo", 11L)),
                "bar", 22L));
    }

    @Test
    void aBlockDoesNotSeeItsSiblingsNorDoesTheTopSeeInsideABlock() {
        assertThat(errors("a { x = 1 }\nb { y = $x }\nc = $x")).containsExactly(
                "2:9: variable reference for 'x' on line 2 can not be found",
                "3:5: variable reference for 'x' on line 3 can not be found");
    }

    @Test
    void aKeyIsVisibleOnlyAfterItIsDefined() {
        assertThat(errors("a = $b\nb = 1")).containsExactly("1:5: variable reference for 'b' on line 1 can not be found");
        assertThat(valid("a = 1\na = $a")).as("a redefinition reads the earlier value").containsEntry("a", 1L);
    }

    @Test
    void arraysAreNotScopesButTheMapsInThemAre() {
        assertThat(valid("x = 0\nl = [ {x: 1, y: $x}, {y: $x} ]")).containsEntry("l",
                List.of(Map.of("x", 1L, "y", 1L), Map.of("y", 0L)));
    }

    @Test
    void lookupIsCaseSensitive() {
        assertThat(errors("A = 1\nb = $a")).containsExactly("2:5: variable reference for 'a' on line 2 can not be found");
    }

    @Test
    void aVariableTakesAnyValueWhole() {
        assertThat(valid("m = {k: [1, 2 ]}\nl = [x, y]\ncopy = $m\nlist = $l\nin = [$l, $m]")).isEqualTo(Map.of(
                "m", Map.of("k", List.of(1L, 2L)), "l", List.of("x", "y"),
                "copy", Map.of("k", List.of(1L, 2L)), "list", List.of("x", "y"),
                "in", List.of(List.of("x", "y"), Map.of("k", List.of(1L, 2L)))));
    }

    @Test
    void theEnvironmentIsTheOutermostScopeAndItsValuesAreParsed() {
        Map<String, String> environment = Map.of("NUM", "22", "TEXT", "xyz", "SIZE", "1k", "FLAG", "yes",
                "QUOTED", "'3xyz'", "SUFFIXED_TEXT", "3Gyz", "MAP", "{ user: me, pass: secret }", "LIST", "[a, b]",
                "EMPTY", "");
        assertThat(valid("num = $NUM\ntext = $TEXT\nsize = $SIZE\nflag = $FLAG\nquoted = $QUOTED\n"
                        + "suffixed = $SUFFIXED_TEXT\nmap = $MAP\nlist = $LIST\nempty = $EMPTY", environment))
                .isEqualTo(Map.of("num", 22L, "text", "xyz", "size", 1_000L, "flag", true, "quoted", "3xyz",
                        "suffixed", "3Gyz", "map", Map.of("user", "me", "pass", "secret"), "list", List.of("a", "b"),
                        "empty", ""));
    }

    @Test
    void aKeyInScopeHidesTheEnvironment() {
        assertThat(valid("HOME = here\na = $HOME", Map.of("HOME", "/root"))).containsEntry("a", "here");
    }

    @Test
    void anEnvironmentValueThatIsNotAValueIsAnError() {
        assertThat(errors("a = $SPACED\nb = $DANGLING", Map.of("SPACED", "two words", "DANGLING", "\"open")))
                .containsExactly(
                        "1:5: variable reference for 'SPACED' on line 1 could not be parsed: Expected a top-level value "
                                + "to end with a new line, comment or EOF, but got 'w' instead.",
                        "2:5: variable reference for 'DANGLING' on line 2 could not be parsed: Unexpected EOF in "
                                + "quoted string");
    }

    @Test
    void anEnvironmentVariableReferringToItselfIsACycleNotAHang() {
        assertThat(errors("a = $SELF", Map.of("SELF", "$SELF"))).containsExactly(
                "1:5: variable reference for 'SELF' on line 1 could not be parsed: variable reference for 'SELF' on "
                        + "line 1 could not be parsed: variable reference cycle for 'SELF'");
        assertThat(errors("a = $A", Map.of("A", "[1, $B ]", "B", "{x: $A}"))).containsExactly(
                "1:5: variable reference for 'A' on line 1 could not be parsed: variable reference for 'B' on line 1 "
                        + "could not be parsed: variable reference for 'A' on line 1 could not be parsed: "
                        + "variable reference cycle for 'A'");
    }

    @Test
    void theSameEnvironmentVariableMayBeUsedTwiceWithoutBeingACycle() {
        assertThat(valid("a = [$X, $X]", Map.of("X", "{y: $Y, z: $Y}", "Y", "1"))).containsEntry("a",
                List.of(Map.of("y", 1L, "z", 1L), Map.of("y", 1L, "z", 1L)));
    }

    @Test
    void aBcryptHashIsNotAVariable() {
        assertThat(valid("password: $2a$11$ooo.ppp/qqq")).containsEntry("password", "$2a$11$ooo.ppp/qqq");
        // Only the $2a$ prefix is special in nats-server's parser.
        assertThat(errors("password: $2b$11$ooo")).containsExactly(
                "1:11: variable reference for '2b$11$ooo' on line 1 can not be found");
    }

    @Test
    void onlyABareDollarWordIsAVariable() {
        assertThat(valid("a = \"$X\"\nb = '$X'\nc = $X\\x41\nd = x$X", Map.of("X", "no")))
                .isEqualTo(Map.of("a", "$X", "b", "$X", "c", "$XA", "d", "x$X"));
        // There is no ${...} form: the name runs to the first terminator.
        assertThat(errors("a = ${X}", Map.of("X", "1"))).containsExactly(
                "1:5: variable reference for '{X' on line 1 can not be found");
    }

    @Test
    void entriesReadByAReferenceAreMarkedSoTheMapperDoesNotCallThemUnknown() {
        ConfigMap root = parse("PASS = secret\nUNUSED = 1\nuser { password: $PASS }").root();

        assertThat(root.get("PASS").usedAsVariable()).isTrue();
        assertThat(root.get("UNUSED").usedAsVariable()).isFalse();
        assertThat(root.get("user").usedAsVariable()).isFalse();
        assertThat(root.all()).extracting(ConfigEntry::key).as("marking keeps the order")
                .containsExactly("PASS", "UNUSED", "user");
    }

    @Test
    void aReferencedValueIsPositionedAtTheReferenceAndKeepsItsInsides() {
        ConfigMap root = parse("m = { k: v }\nx = $m\ny = $ENV", Map.of("ENV", "{ a: [1, 2 ] }")).root();

        ConfigMap copy = (ConfigMap) root.get("x").value();
        assertThat(copy.position()).isEqualTo(new Position("", 2, 5));
        assertThat(copy.get("k").keyPosition()).isEqualTo(new Position("", 1, 7));
        ConfigMap fromEnvironment = (ConfigMap) root.get("y").value();
        Position reference = new Position("", 3, 5);
        assertThat(fromEnvironment.position()).isEqualTo(reference);
        assertThat(fromEnvironment.get("a").keyPosition()).as("an environment value has no place of its own")
                .isEqualTo(reference);
        assertThat(((ConfigList) fromEnvironment.get("a").value()).values()).extracting(ConfigValue::position)
                .containsOnly(reference);
    }

    @Test
    void doublingThroughVariablesIsCutOffBeforeTheTreeExplodes() {
        StringBuilder text = new StringBuilder("v0 = [x, x]\n");
        for (int i = 1; i <= 40; i++) {
            text.append('v').append(i).append(" = [$v").append(i - 1).append(", $v").append(i - 1).append(" ]\n");
        }

        ParseResult result = parse(text.toString());

        assertThat(result.errors()).isNotEmpty().allSatisfy(error -> assertThat(error.message())
                .endsWith("variables expand the configuration past " + ExpansionBudget.MAX_WEIGHT + " values"));
        assertThat(result.digest()).startsWith("sha256:");
    }

    @Test
    void nestingThroughVariablesIsCutOff() {
        StringBuilder text = new StringBuilder("v0 = 1\n");
        for (int i = 1; i <= 10; i++) {
            text.append('v').append(i).append(" = ").append("[".repeat(100)).append("$v").append(i - 1)
                    .append(" ").append("]".repeat(100)).append('\n');
        }

        ParseResult result = parse(text.toString());

        assertThat(result.errors()).isNotEmpty().allSatisfy(error -> assertThat(error.message())
                .endsWith("the value would nest more than " + ExpansionBudget.MAX_HEIGHT + " levels deep"));
    }
}
