package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.Wire.OK;
import static io.natrium.bootstrap.conformance.Wire.PING;
import static io.natrium.bootstrap.conformance.Wire.PONG;
import static io.natrium.bootstrap.conformance.Wire.connect;
import static io.natrium.bootstrap.conformance.Wire.err;
import static io.natrium.bootstrap.conformance.Wire.msg;
import static io.natrium.bootstrap.conformance.Wire.pub;

import io.natrium.testkit.RawClient;

import java.io.IOException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** verbose ({@code +OK} after each accepted operation) and pedantic (publish subjects must be literal). */
class VerbosePedanticIT {

    @RegisterExtension
    static final ConformanceServer SERVER = ConformanceServer.withDefaults();

    private static final String VERBOSE = connect("{\"verbose\":true,\"pedantic\":false}");
    private static final String PEDANTIC = connect("{\"verbose\":true,\"pedantic\":true}");
    private static final String INVALID_PUBLISH_SUBJECT = err("Invalid Publish Subject");

    @Test
    void okFollowsConnectSubPubAndUnsubBeforeAnyDelivery() throws IOException {
        SERVER.greeted().send(VERBOSE + "SUB foo 1\r\n" + pub("foo", "hi") + "UNSUB 1\r\n" + PING)
                .expect(OK + OK + OK + msg("foo", "1", "hi") + OK + PONG);
    }

    @Test
    void pingPongAndOkGetNoOk() throws IOException {
        SERVER.greeted().send(VERBOSE + PING + "PONG\r\n+OK\r\n" + PING).expect(OK + PONG + PONG);
    }

    @Test
    void hpubQueueSubAndUnsubWithMaxAreAcknowledged() throws IOException {
        SERVER.greeted().send(connect("{\"verbose\":true,\"pedantic\":false,\"headers\":true}")
                        + "SUB foo q 1\r\nUNSUB 1 5\r\nHPUB bar 12 14\r\nNATS/1.0\r\n\r\nhi\r\n" + PING)
                .expect(OK + OK + OK + OK + PONG);
    }

    @Test
    void aRefusedSubscriptionGetsAnErrorInsteadOfOk() throws IOException {
        SERVER.greeted().send(VERBOSE + "SUB foo.. 1\r\n" + PING).expect(OK + err("Invalid Subject") + PONG);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"foo.*", "foo.>", "*", ">", "*.bar.>"})
    void aWildcardPublishSubjectIsAnErrorWhenPedanticButIsStillDelivered(String subject) throws IOException {
        RawClient subscriber = SERVER.quiet().send("SUB > 1\r\n" + PING).expect(PONG);

        SERVER.greeted().send(PEDANTIC + pub(subject, "hi") + PING).expect(OK + INVALID_PUBLISH_SUBJECT + OK + PONG);

        subscriber.send(PING).expect(msg(subject, "1", "hi") + PONG);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"foo..bar", ".foo", "foo."})
    void anEmptyTokenInThePublishSubjectIsAnErrorWhenPedanticAndMatchesNothing(String subject) throws IOException {
        SERVER.greeted().send(PEDANTIC + "SUB > 1\r\n" + pub(subject, "hi") + PING)
                .expect(OK + OK + INVALID_PUBLISH_SUBJECT + OK + PONG);
    }

    @Test
    void theErrorComesBeforeTheOkAndBeforeTheOwnDelivery() throws IOException {
        SERVER.greeted().send(PEDANTIC + "SUB foo.* 1\r\n" + pub("foo.*", "hi") + PING)
                .expect(OK + OK + INVALID_PUBLISH_SUBJECT + OK + msg("foo.*", "1", "hi") + PONG);
    }

    @Test
    void pedanticWithoutVerboseSendsTheErrorAlone() throws IOException {
        SERVER.greeted().send(connect("{\"verbose\":false,\"pedantic\":true}") + "SUB foo.* 1\r\n"
                + pub("foo.*", "hi") + PING).expect(INVALID_PUBLISH_SUBJECT + msg("foo.*", "1", "hi") + PONG);
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
        "PUB foo.bar 2     | a literal subject",
        "PUB foo r.* 2     | a wildcard reply subject",
        "PUB foo r.> 2     | a full wildcard reply subject",
    })
    void pedanticAcceptsLiteralSubjectsAndDoesNotCheckReplies(String pubLine, String description)
            throws IOException {
        SERVER.greeted().send(PEDANTIC + pubLine + "\r\nhi\r\n" + PING).expect(OK + OK + PONG);
    }

    @Test
    void pedanticDoesNotCheckSubscriptionSubjects() throws IOException {
        SERVER.greeted().send(PEDANTIC + "SUB foo.* 1\r\nSUB > 2\r\n" + PING).expect(OK + OK + OK + PONG);
    }

    @Test
    void withoutPedanticAWildcardPublishSubjectIsAccepted() throws IOException {
        SERVER.greeted().send(VERBOSE + "SUB foo.* 1\r\n" + pub("foo.*", "hi") + PING)
                .expect(OK + OK + OK + msg("foo.*", "1", "hi") + PONG);
    }

    @Test
    void pedanticChecksHpubSubjectsToo() throws IOException {
        SERVER.greeted().send(connect("{\"verbose\":true,\"pedantic\":true,\"headers\":true}")
                + "HPUB foo.* 12 14\r\nNATS/1.0\r\n\r\nhi\r\n" + PING).expect(OK + INVALID_PUBLISH_SUBJECT + OK + PONG);
    }
}
