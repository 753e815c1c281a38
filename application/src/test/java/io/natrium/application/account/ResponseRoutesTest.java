package io.natrium.application.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.account.ResponseType;
import io.natrium.domain.sublist.Sublist;

import java.time.Duration;

import org.junit.jupiter.api.Test;

/** The reply mappings of requests that crossed a service import. */
class ResponseRoutesTest {

    private static final long THRESHOLD = Duration.ofMinutes(2).toNanos();

    private final ResponseRoutes routes = new ResponseRoutes();
    private final Account importer = new Account("I", new Sublist<>(true, Runnable::run));

    @Test
    void aRequestGetsAFreshReplySubjectOfTheExportersPrefix() {
        String first = routes.register(importer, "inbox.1", ResponseType.SINGLETON, THRESHOLD, 0);
        String second = routes.register(importer, "inbox.2", ResponseType.SINGLETON, THRESHOLD, 0);

        assertThat(first).matches("_R_\\.[0-9A-Za-z]{6}\\.[0-9A-Za-z]{6}");
        assertThat(second).isNotEqualTo(first);
        assertThat(second.substring(0, 11)).as("one prefix per account").isEqualTo(first.substring(0, 11));
    }

    @Test
    void aSingletonResponseUsesTheMappingUp() {
        String mapped = routes.register(importer, "inbox.1", ResponseType.SINGLETON, THRESHOLD, 0);

        ResponseRoutes.Pending route = routes.take(mapped, 1);

        assertThat(route.importer()).isSameAs(importer);
        assertThat(route.reply()).isEqualTo("inbox.1");
        assertThat(routes.take(mapped, 2)).isNull();
        assertThat(routes.isEmpty()).isTrue();
    }

    @Test
    void streamedResponsesFlowUntilTheThresholdPasses() {
        String mapped = routes.register(importer, "inbox.1", ResponseType.STREAM, THRESHOLD, 0);

        assertThat(routes.take(mapped, 1)).isNotNull();
        assertThat(routes.take(mapped, THRESHOLD)).isNotNull();
        assertThat(routes.take(mapped, THRESHOLD + 1)).as("too late").isNull();
        assertThat(routes.isEmpty()).isTrue();
    }

    @Test
    void unknownSubjectsAreNoResponses() {
        assertThat(routes.take("_R_.nothing.here", 0)).isNull();
    }

    @Test
    void mappingsNeverAnsweredAreSweptAsNewRequestsArrive() {
        for (int i = 0; i < 255; i++) {
            routes.register(importer, "inbox." + i, ResponseType.SINGLETON, THRESHOLD, 0);
        }
        assertThat(routes.size()).isEqualTo(255);

        routes.register(importer, "late", ResponseType.SINGLETON, THRESHOLD, THRESHOLD + 1);

        assertThat(routes.size()).isEqualTo(1);
    }

    @Test
    void theRequestsWaitingForAResponseAreListedUntilAnsweredOrTooLate() {
        String answered = routes.register(importer, "inbox.1", ResponseType.SINGLETON, THRESHOLD, 0);
        String waiting = routes.register(importer, "inbox.2", ResponseType.SINGLETON, THRESHOLD, 0, null, "", true,
                null);
        String late = routes.register(importer, "inbox.3", ResponseType.STREAM, 1, 0);
        routes.take(answered, 1);

        assertThat(routes.waiting(2)).containsOnlyKeys(waiting);
        ResponseRoutes.Pending route = routes.waiting(2).get(waiting);
        assertThat(route.reply()).isEqualTo("inbox.2");
        assertThat(route.share()).isTrue();
        assertThat(late).isNotIn(routes.waiting(2).keySet());
    }
}
