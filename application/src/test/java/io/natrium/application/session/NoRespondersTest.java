package io.natrium.application.session;

import static io.natrium.application.session.Events.msg;
import static io.natrium.application.session.Events.noResponders;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.session.SessionFixture.Connect;
import io.natrium.testkit.memory.BytesMessage;
import io.natrium.testkit.memory.InMemoryClient;

import org.junit.jupiter.api.Test;

/**
 * The 503 no-responders message: nats-server sends it when a request with a reply subject reached nobody, the
 * requester asked for it (no_responders with headers), and the requester itself has a plain subscription matching
 * the reply subject, whose sid the message carries.
 */
class NoRespondersTest {

    private final SessionFixture fixture = SessionFixture.withDefaults();

    private InMemoryClient requester(Connect options) {
        return fixture.connect(options).subscribe("_INBOX.r1", null, "9");
    }

    private InMemoryClient requester() {
        return requester(Connect.quiet().headers(true).noResponders(true));
    }

    @Test
    void aRequestNobodyServesIsAnsweredWithNoResponders() {
        InMemoryClient requester = requester();

        requester.publish("service", "_INBOX.r1", "request");

        assertThat(requester.received()).containsExactly(noResponders("_INBOX.r1", "9", "service"));
    }

    @Test
    void theSidIsThatOfTheSubscriptionMatchingTheReply() {
        InMemoryClient requester = fixture.connect(Connect.quiet().headers(true).noResponders(true))
                .subscribe("_INBOX.>", null, "inbox");

        requester.publish("service.echo", "_INBOX.abc.1", "request");

        assertThat(requester.received()).containsExactly(noResponders("_INBOX.abc.1", "inbox", "service.echo"));
    }

    @Test
    void uniqueReplySubjectsAreLookedUpWithoutFillingTheAccountsSharedCache() {
        InMemoryClient requester = fixture.connect(Connect.quiet().headers(true).noResponders(true))
                .subscribe("_INBOX.>", null, "inbox");

        for (int i = 0; i < 100; i++) {
            requester.publish("service", "_INBOX.request." + i, "request");
        }

        assertThat(requester.received()).hasSize(100).contains(noResponders("_INBOX.request.99", "inbox", "service"));
        assertThat(fixture.server().globalAccount().sublist().stats().numCache())
                .as("only the request subject, not the replies").isEqualTo(1);
    }

    @Test
    void notWhenSomebodyServesTheSubject() {
        InMemoryClient requester = requester();
        InMemoryClient responder = fixture.connect().subscribe("service", null, "1");

        requester.publish("service", "_INBOX.r1", "request");

        assertThat(requester.received()).isEmpty();
        assertThat(responder.received()).containsExactly(msg("service", "1", "_INBOX.r1", "request"));
    }

    @Test
    void notWhenAQueueMemberServesTheSubject() {
        InMemoryClient requester = requester();
        fixture.connect().subscribe("service", "workers", "1");

        requester.publish("service", "_INBOX.r1", "request");

        assertThat(requester.received()).isEmpty();
    }

    @Test
    void whenTheOnlyServerIsTheRequesterItselfWithEchoOffTheRequestReachedNobody() {
        InMemoryClient requester = requester(Connect.quiet().headers(true).noResponders(true).echo(false))
                .subscribe("service", null, "self");

        requester.publish("service", "_INBOX.r1", "request");

        assertThat(requester.received()).containsExactly(noResponders("_INBOX.r1", "9", "service"));
    }

    @Test
    void whenTheRequesterServesItselfWithEchoOnItGetsItsOwnRequest() {
        InMemoryClient requester = requester().subscribe("service", null, "self");

        requester.publish("service", "_INBOX.r1", "request");

        assertThat(requester.received()).containsExactly(msg("service", "self", "_INBOX.r1", "request"));
    }

    @Test
    void notWithoutNoResponders() {
        InMemoryClient requester = requester(Connect.quiet().headers(true));

        requester.publish("service", "_INBOX.r1", "request");

        assertThat(requester.received()).isEmpty();
    }

    @Test
    void notWithoutAReplySubject() {
        InMemoryClient requester = requester();

        requester.publish("service", null, "fire and forget");

        assertThat(requester.received()).isEmpty();
    }

    @Test
    void notWhenOnlyAnotherClientListensOnTheReply() {
        InMemoryClient requester = fixture.connect(Connect.quiet().headers(true).noResponders(true));
        InMemoryClient listener = fixture.connect().subscribe("_INBOX.r1", null, "1");

        requester.publish("service", "_INBOX.r1", "request");

        assertThat(requester.received()).isEmpty();
        assertThat(listener.received()).isEmpty();
    }

    @Test
    void notWhenTheRequesterListensOnTheReplyOnlyThroughAQueueGroup() {
        InMemoryClient requester = fixture.connect(Connect.quiet().headers(true).noResponders(true))
                .subscribe("_INBOX.r1", "q", "1");

        requester.publish("service", "_INBOX.r1", "request");

        assertThat(requester.received()).isEmpty();
    }

    @Test
    void theAnswerIsFlushedWithTheRead() {
        InMemoryClient requester = requester();

        requester.session().publish(new BytesMessage("service", "_INBOX.r1", null, "r"));
        assertThat(requester.received()).isEmpty();
        requester.session().readBatchComplete();

        assertThat(requester.received()).containsExactly(noResponders("_INBOX.r1", "9", "service"));
    }
}
