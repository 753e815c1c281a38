package io.natrium.adapter.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Request targets as Go's {@code url.ParseRequestURI} and {@code URL.Query()} read them in nats-server. */
class RequestTargetTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/varz?%zz", "/healthz?x=%", "/connz?acc=%", "/connz?%", "/varz?a=%2", "/varz?a=b%",
        "/connz?%zz=1", "/varz?&&&"})
    void aQueryPairThatCannotBeDecodedIsDropped(String uri) {
        RequestTarget target = RequestTarget.parse(uri);

        assertThat(target).isNotNull();
        assertThat(target.parameters()).isEmpty();
        assertThat(target.semicolon()).isFalse();
    }

    @Test
    void theOtherPairsStay() {
        assertThat(RequestTarget.parse("/connz?a%zz=1&limit=2").parameters()).isEqualTo(Map.of("limit", List.of("2")));
        assertThat(RequestTarget.parse("/connz?limit=2&a=%zz&sort=cid").parameters())
                .isEqualTo(Map.of("limit", List.of("2"), "sort", List.of("cid")));
    }

    @Test
    void aPairWithASemicolonIsDroppedAndNoted() {
        RequestTarget target = RequestTarget.parse("/connz?limit=1;x=1&offset=2");

        assertThat(target.parameters()).isEqualTo(Map.of("offset", List.of("2")));
        assertThat(target.semicolon()).isTrue();
    }

    @Test
    void escapesPlusesAndRepeatsDecodeAsInGo() {
        RequestTarget target = RequestTarget.parse("/a+b%2Fc?acc=%24G&acc=B&q=x+y%2Bz&%E2%82%AC=&flag");

        assertThat(target.path()).isEqualTo("/a+b/c");
        assertThat(target.parameters()).isEqualTo(Map.of("acc", List.of("$G", "B"), "q", List.of("x y+z"),
                "\u20ac", List.of(""), "flag", List.of("")));
    }

    @Test
    void anEmptyKeyIsKept() {
        assertThat(RequestTarget.parse("/varz?=").parameters()).isEqualTo(Map.of("", List.of("")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/varz%zz", "/%", "/varz/%", "/%zz?a=1", "/va%7", "varz", "/varz\u0001",
        "/varz\u007f", ":/varz"})
    void aTargetGoCannotParseIsRefused(String uri) {
        assertThat(RequestTarget.parse(uri)).isNull();
    }

    @Test
    void theFragmentIsPartOfTheTarget() {
        assertThat(RequestTarget.parse("/varz#frag").path()).isEqualTo("/varz#frag");
        assertThat(RequestTarget.parse("/healthz?x=%&y=1#").parameters()).isEqualTo(Map.of("y", List.of("1#")));
    }

    @Test
    void theAbsoluteFormIsReadWithoutSchemeAndHost() {
        RequestTarget target = RequestTarget.parse("http://localhost:8222/connz?limit=3&a=%zz");

        assertThat(target.path()).isEqualTo("/connz");
        assertThat(target.parameters()).isEqualTo(Map.of("limit", List.of("3")));
    }
}
