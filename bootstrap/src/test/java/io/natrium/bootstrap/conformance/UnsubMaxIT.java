package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.Wire.OK;
import static io.natrium.bootstrap.conformance.Wire.PING;
import static io.natrium.bootstrap.conformance.Wire.PONG;
import static io.natrium.bootstrap.conformance.Wire.msg;
import static io.natrium.bootstrap.conformance.Wire.pub;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.conformance.Wire.Msg;
import io.natrium.testkit.RawClient;

import java.io.IOException;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code UNSUB <sid> <max>}: removal after max deliveries, or at once when max is already reached. */
class UnsubMaxIT {

    @RegisterExtension
    static final ConformanceServer SERVER = ConformanceServer.withDefaults();

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 10})
    void theSubscriptionEndsAfterMaxDeliveries(int max) throws IOException {
        RawClient subscriber = SERVER.quiet().send("SUB foo 1\r\nUNSUB 1 " + max + "\r\n" + PING).expect(PONG);

        SERVER.quiet().send(publications(0, 10) + PING).expect(PONG);

        subscriber.send(PING).expect(messages(0, max) + PONG);
        subscriber.send(pub("foo", "later") + PING).expect(PONG);
    }

    @Test
    void theSidIsFreeOnceTheMaxIsReached() throws IOException {
        SERVER.quiet().send("SUB foo 1\r\nUNSUB 1 1\r\n" + pub("foo", "a") + "SUB bar 1\r\n" + pub("bar", "b")
                + pub("foo", "c") + PING).expect(msg("foo", "1", "a") + msg("bar", "1", "b") + PONG);
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2})
    void aMaxAtOrBelowTheDeliveredCountRemovesAtOnce(int max) throws IOException {
        SERVER.quiet().send("SUB foo 1\r\n" + publications(0, 2) + "UNSUB 1 " + max + "\r\n" + publications(2, 3)
                + PING).expect(messages(0, 2) + PONG);
    }

    @Test
    void aMaxAboveTheDeliveredCountAllowsTheDifference() throws IOException {
        SERVER.quiet().send("SUB foo 1\r\n" + publications(0, 2) + "UNSUB 1 3\r\n" + publications(2, 6) + PING)
                .expect(messages(0, 3) + PONG);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "x", "-1"})
    void aMaxThatIsZeroOrNotANumberUnsubscribesAtOnce(String max) throws IOException {
        SERVER.quiet().send("SUB foo 1\r\nUNSUB 1 " + max + "\r\n" + publications(0, 2) + PING).expect(PONG);
    }

    @Test
    void unsubWithMaxIsAcknowledgedWhenVerbose() throws IOException {
        SERVER.greeted().send("SUB foo 1\r\nUNSUB 1 1\r\n" + pub("foo", "0") + "UNSUB 1\r\n" + PING)
                .expect(OK + OK + OK + msg("foo", "1", "0") + OK + PONG);
    }

    @Test
    void aQueueMemberWithAMaxLeavesTheRestToTheOtherMembers() throws IOException {
        RawClient limited = SERVER.quiet().send("SUB job q 1\r\nUNSUB 1 2\r\n" + PING).expect(PONG);
        RawClient unlimited = SERVER.quiet().send("SUB job q 2\r\n" + PING).expect(PONG);

        SERVER.quiet().send(IntStream.range(0, 40).mapToObj(i -> pub("job", Integer.toString(i)))
                .collect(Collectors.joining()) + PING).expect(PONG);

        List<Msg> first = Wire.messagesUntilPong(limited);
        List<Msg> second = Wire.messagesUntilPong(unlimited);
        assertThat(first).hasSize(2);
        assertThat(second).hasSize(38);
    }

    private static String publications(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> pub("foo", Integer.toString(i))).collect(Collectors.joining());
    }

    private static String messages(int from, int to) {
        return IntStream.range(from, to).mapToObj(i -> msg("foo", "1", Integer.toString(i)))
                .collect(Collectors.joining());
    }
}
