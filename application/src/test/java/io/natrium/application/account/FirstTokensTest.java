package io.natrium.application.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.subject.SubjectView;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/** The first-token test that lets a publish skip an account's import sublists. */
class FirstTokensTest {

    @Test
    void aSubjectWhoseFirstTokenNoFilterHasMatchesNone() {
        FirstTokens tokens = FirstTokens.of(List.of("$SYS.REQ.SERVER.PING", "svc.>", "orders"));

        assertThat(tokens.mayMatch(view("load.pub"))).isFalse();
        assertThat(tokens.mayMatch(view("$SY"))).isFalse();
        assertThat(tokens.mayMatch(view("$SYSX.REQ"))).isFalse();
        assertThat(tokens.mayMatch(view("svcs"))).isFalse();
        assertThat(tokens.mayMatch(view(""))).isFalse();
    }

    @Test
    void aSubjectStartingWithAFiltersFirstTokenMayMatch() {
        FirstTokens tokens = FirstTokens.of(List.of("$SYS.REQ.SERVER.PING", "svc.>", "orders"));

        assertThat(tokens.mayMatch(view("$SYS.REQ.SERVER.PING"))).isTrue();
        assertThat(tokens.mayMatch(view("svc.a.b"))).isTrue();
        assertThat(tokens.mayMatch(view("orders"))).isTrue();
        assertThat(tokens.mayMatch(view("orders.new"))).isTrue();
    }

    @Test
    void aWildcardFirstTokenLetsEverySubjectThrough() {
        assertThat(FirstTokens.of(List.of("svc.a", "*.b")).mayMatch(view("load.pub"))).isTrue();
        assertThat(FirstTokens.of(List.of(">")).mayMatch(view("load.pub"))).isTrue();
    }

    @Test
    void manyDistinctFirstTokensLetEverySubjectThrough() {
        List<String> filters = IntStream.range(0, 9).mapToObj(i -> "t" + i + ".x").toList();

        assertThat(FirstTokens.of(filters).mayMatch(view("load.pub"))).isTrue();
        assertThat(FirstTokens.of(filters.subList(0, 8)).mayMatch(view("load.pub"))).isFalse();
    }

    @Test
    void theViewsOffsetIsRespected() {
        byte[] bytes = "xxsvc.ayy".getBytes(StandardCharsets.US_ASCII);

        assertThat(FirstTokens.of(List.of("svc.a")).mayMatch(new SubjectView().wrap(bytes, 2, 5))).isTrue();
        assertThat(FirstTokens.of(List.of("svc.a")).mayMatch(new SubjectView().wrap(bytes, 1, 5))).isFalse();
    }

    private static SubjectView view(String subject) {
        return new SubjectView().wrap(subject.getBytes(StandardCharsets.UTF_8));
    }
}
