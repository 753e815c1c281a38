package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.Wire.OK;
import static io.natrium.bootstrap.conformance.Wire.PING;
import static io.natrium.bootstrap.conformance.Wire.PONG;
import static io.natrium.bootstrap.conformance.Wire.err;
import static io.natrium.bootstrap.conformance.Wire.msg;
import static io.natrium.bootstrap.conformance.Wire.pub;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.conformance.Wire.Msg;
import io.natrium.testkit.RawClient;

import java.io.IOException;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** PUB, SUB, UNSUB and MSG between plain subscribers: exact frames, wildcards, echo and subscription ids. */
class PubSubIT {

    @RegisterExtension
    static final ConformanceServer SERVER = ConformanceServer.withDefaults();

    @Test
    void aPublishReachesASubscriberOnAnotherConnectionAsMsg() throws IOException {
        RawClient subscriber = SERVER.quiet().send("SUB foo 1\r\n" + PING).expect(PONG);

        SERVER.quiet().send("PUB foo 5\r\nhello\r\n" + PING).expect(PONG);

        subscriber.send(PING).expect("MSG foo 1 5\r\nhello\r\n" + PONG);
    }

    @Test
    void theReplySubjectComesBetweenSidAndSize() throws IOException {
        RawClient subscriber = SERVER.quiet().send("SUB foo 1\r\n" + PING).expect(PONG);

        SERVER.quiet().send("PUB foo bar.baz 5\r\nhello\r\n" + PING).expect(PONG);

        subscriber.send(PING).expect("MSG foo 1 bar.baz 5\r\nhello\r\n" + PONG);
    }

    @Test
    void anEmptyPayloadIsAnEmptyBody() throws IOException {
        SERVER.quiet().send("SUB foo 1\r\nPUB foo 0\r\n\r\n" + PING).expect("MSG foo 1 0\r\n\r\n" + PONG);
    }

    @Test
    void aPayloadThatLooksLikeProtocolIsPassedThroughUntouched() throws IOException {
        SERVER.quiet().send("SUB foo 1\r\nPUB foo 11\r\nPING\r\nMSG\r\n\r\n" + PING)
                .expect("MSG foo 1 11\r\nPING\r\nMSG\r\n\r\n" + PONG);
    }

    @ParameterizedTest(name = "{0} receives {1}: {2}")
    @CsvSource({
        "foo.*,     foo.bar,      true",
        "foo.*,     foo.bar.baz,  false",
        "foo.*,     foo,          false",
        "*.bar,     foo.bar,      true",
        "foo.*.baz, foo.x.baz,    true",
        "foo.*.baz, foo.x.y.baz,  false",
        "*,         foo,          true",
        "*,         foo.bar,      false",
        "foo.>,     foo.bar,      true",
        "foo.>,     foo.bar.baz,  true",
        "foo.>,     foo,          false",
        ">,         foo,          true",
        ">,         a.b.c.d,      true",
        "*.>,       a.b,          true",
        "*.>,       a,            false",
        "foo*,      foox,         false",
        "foo*,      foo*,         true",
        "f>,        f.x,          false",
        "f>,        f>,           true",
        "FOO,       foo,          false",
    })
    void wildcardsAreWholeTokens(String filter, String subject, boolean delivered) throws IOException {
        String expected = delivered ? msg(subject, "1", "x") + PONG : PONG;

        SERVER.quiet().send("SUB " + filter + " 1\r\n" + pub(subject, "x") + PING).expect(expected);
    }

    @Test
    void everySubscriptionGetsItsOwnCopy() throws IOException {
        RawClient first = SERVER.quiet().send("SUB foo 1\r\n" + PING).expect(PONG);
        RawClient second = SERVER.quiet().send("SUB foo 7\r\n" + PING).expect(PONG);
        RawClient both = SERVER.quiet().send("SUB foo a\r\nSUB f* b\r\nSUB *  c\r\n" + PING).expect(PONG);

        SERVER.quiet().send(pub("foo", "hi") + PING).expect(PONG);

        first.send(PING).expect(msg("foo", "1", "hi") + PONG);
        second.send(PING).expect(msg("foo", "7", "hi") + PONG);
        assertThat(Wire.messagesUntilPong(both)).extracting(Msg::sid).containsExactlyInAnyOrder("a", "c");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ab-9_x", "0001", "sid.with.dots", "\u00e9t\u00e9",
        "a-very-long-sid-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789-0123456789"})
    void theSidIsEchoedVerbatim(String sid) throws IOException {
        SERVER.quiet().send("SUB foo " + sid + "\r\n" + pub("foo", "hi") + PING).expect(msg("foo", sid, "hi") + PONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"005", "0005", "000000005"})
    void theSizeIsEchoedVerbatim(String size) throws IOException {
        SERVER.quiet().send("SUB foo 1\r\nPUB foo " + size + "\r\nhello\r\n" + PING)
                .expect("MSG foo 1 " + size + "\r\nhello\r\n" + PONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "sub foo 1\r\npub foo 2\r\nhi\r\nping\r\n",
        "Sub foo 1\r\nPuB foo 2\r\nhi\r\npInG\r\n",
        "SUB\tfoo \t 1\r\nPUB  foo\t\t2\r\nhi\r\nPING\r\n",
        "SUB foo 1\nPUB foo 2\nhi\r\nPING\n",
        "SUB foo 1   \r\nPUB foo 2 \r\nhi\r\nPING  \r\n",
    })
    void theGrammarIsLenient(String exchange) throws IOException {
        SERVER.quiet().send(exchange).expect(msg("foo", "1", "hi") + PONG);
    }

    @Test
    void aPublishersMessagesArriveInOrder() throws IOException {
        RawClient subscriber = SERVER.quiet().send("SUB order 1\r\n" + PING).expect(PONG);
        String published = IntStream.range(0, 500).mapToObj(i -> pub("order", Integer.toString(i)))
                .collect(Collectors.joining());
        String expected = IntStream.range(0, 500).mapToObj(i -> msg("order", "1", Integer.toString(i)))
                .collect(Collectors.joining());

        SERVER.quiet().send(published + PING).expect(PONG);

        subscriber.send(PING).expect(expected + PONG);
    }

    @Test
    void echoFalseSkipsOnlyThePublishersOwnSubscriptions() throws IOException {
        RawClient noEcho = SERVER.session("{\"verbose\":false,\"pedantic\":false,\"echo\":false}")
                .send("SUB foo 1\r\n" + PING).expect(PONG);
        RawClient other = SERVER.quiet().send("SUB foo 2\r\n" + PING).expect(PONG);

        noEcho.send(pub("foo", "hi") + PING).expect(PONG);

        other.send(pub("foo", "back") + PING).expect(msg("foo", "2", "hi") + msg("foo", "2", "back") + PONG);
        noEcho.send(PING).expect(msg("foo", "1", "back") + PONG);
    }

    @Test
    void afterUnsubNothingIsDelivered() throws IOException {
        SERVER.quiet().send("SUB foo 1\r\nSUB foo 2\r\nUNSUB 1\r\n" + pub("foo", "hi") + PING)
                .expect(msg("foo", "2", "hi") + PONG);
    }

    @Test
    void aSidCanBeReusedAfterUnsub() throws IOException {
        SERVER.quiet().send("SUB foo 1\r\nUNSUB 1\r\nSUB bar 1\r\n" + pub("foo", "no") + pub("bar", "yes") + PING)
                .expect(msg("bar", "1", "yes") + PONG);
    }

    @Test
    void unsubOfAnUnknownSidIsStillAcknowledgedWhenVerbose() throws IOException {
        SERVER.greeted().send("UNSUB 99\r\nUNSUB 98 5\r\n" + PING).expect(OK + OK + PONG);
    }

    @Test
    void aSubWithAnExistingSidIsIgnored() throws IOException {
        SERVER.greeted().send("CONNECT {\"verbose\":true,\"pedantic\":false}\r\nSUB foo 1\r\nSUB foo 1\r\nSUB bar 1\r\n"
                + pub("bar", "no") + pub("foo", "once") + PING)
                .expect(OK + OK + OK + OK + OK + OK + msg("foo", "1", "once") + PONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"foo..", "foo..bar", ".foo", "foo.", "foo.>.bar", ">.foo", "."})
    void anInvalidSubjectIsRefusedAndTheConnectionStaysOpen(String subject) throws IOException {
        RawClient client = SERVER.quiet().send("SUB " + subject + " 1\r\n" + PING)
                .expect(err("Invalid Subject") + PONG);

        client.send("SUB foo 1\r\n" + pub("foo", "hi") + PING).expect(msg("foo", "1", "hi") + PONG);
    }
}
