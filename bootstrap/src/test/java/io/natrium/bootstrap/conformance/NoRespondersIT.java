package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.Wire.PING;
import static io.natrium.bootstrap.conformance.Wire.PONG;

import io.natrium.testkit.RawClient;

import java.io.IOException;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The 503 status a no_responders client gets for a request nobody subscribed to. Its header carries the request
 * subject in {@code Nats-Subject}, as current nats-server sends it (2.9.10 sent {@code NATS/1.0 503} alone).
 */
class NoRespondersIT {

    @RegisterExtension
    static final ConformanceServer SERVER = ConformanceServer.withDefaults();

    private static final String NO_RESPONDERS =
            "{\"verbose\":false,\"pedantic\":false,\"headers\":true,\"no_responders\":true}";

    @ParameterizedTest(name = "request {0} with reply {2} to a subscription on {1}")
    @CsvSource({
        "foo,   reply,     reply,       35",
        "a.b.c, _INBOX.*,  _INBOX.x,    37",
        "svc,   _INBOX.>,  _INBOX.a.b,  35",
    })
    void aRequestNobodyReceivesIsAnsweredWith503OnTheReplySubscription(String subject, String replyFilter,
            String reply, int headerLength) throws IOException {
        SERVER.session(NO_RESPONDERS).send("SUB " + replyFilter + " 9\r\nPUB " + subject + " " + reply + " 0\r\n\r\n"
                + PING).expect("HMSG " + reply + " 9 " + headerLength + " " + headerLength
                + "\r\nNATS/1.0 503\r\nNats-Subject: " + subject + "\r\n\r\n\r\n" + PONG);
    }

    @Test
    void aHeaderRequestNobodyReceivesIsAnsweredTheSameWay() throws IOException {
        SERVER.session(NO_RESPONDERS).send("SUB r 9\r\nHPUB foo r 12 14\r\nNATS/1.0\r\n\r\nhi\r\n" + PING)
                .expect("HMSG r 9 35 35\r\nNATS/1.0 503\r\nNats-Subject: foo\r\n\r\n\r\n" + PONG);
    }

    @Test
    void withEchoOffTheRequestersOwnSubscriptionIsNoResponder() throws IOException {
        SERVER.session("{\"verbose\":false,\"headers\":true,\"no_responders\":true,\"echo\":false}")
                .send("SUB foo 1\r\nSUB reply 9\r\nPUB foo reply 0\r\n\r\n" + PING)
                .expect("HMSG reply 9 35 35\r\nNATS/1.0 503\r\nNats-Subject: foo\r\n\r\n\r\n" + PONG);
    }

    @Test
    void aRequestWithASubscriberGetsNo503() throws IOException {
        RawClient responder = SERVER.quiet().send("SUB svc 1\r\n" + PING).expect(PONG);

        SERVER.session(NO_RESPONDERS).send("SUB reply 9\r\nPUB svc reply 2\r\nhi\r\n" + PING).expect(PONG);

        responder.send(PING).expect("MSG svc 1 reply 2\r\nhi\r\n" + PONG);
    }

    static Stream<Arguments> requestsThatGetNo503() {
        return Stream.of(
                Arguments.of("no subscription on the reply", "PUB foo reply 0\r\n\r\n"),
                Arguments.of("only a queue subscription on the reply", "SUB reply q 9\r\nPUB foo reply 0\r\n\r\n"),
                Arguments.of("no reply subject", "SUB reply 9\r\nPUB foo 0\r\n\r\n"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requestsThatGetNo503")
    void noRespondersNeedsAReplyAndThePublishersOwnPlainSubscriptionOnIt(String description, String exchange)
            throws IOException {
        SERVER.session(NO_RESPONDERS).send(exchange + PING).expect(PONG);
    }

    @Test
    void anotherClientsReplySubscriptionGetsNo503() throws IOException {
        RawClient other = SERVER.quiet().send("SUB reply 1\r\n" + PING).expect(PONG);

        SERVER.session(NO_RESPONDERS).send("PUB foo reply 0\r\n\r\n" + PING).expect(PONG);

        other.send(PING).expect(PONG);
    }

    @Test
    void withoutNoRespondersThereIsNo503() throws IOException {
        SERVER.withHeaders().send("SUB reply 9\r\nPUB foo reply 0\r\n\r\n" + PING).expect(PONG);
    }
}
