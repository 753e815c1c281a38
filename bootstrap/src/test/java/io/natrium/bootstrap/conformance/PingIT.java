package io.natrium.bootstrap.conformance;

import static io.natrium.bootstrap.conformance.Wire.PING;
import static io.natrium.bootstrap.conformance.Wire.PONG;
import static io.natrium.bootstrap.conformance.Wire.err;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.settings.ServerSettings;
import io.natrium.bootstrap.EmbeddedServer;
import io.natrium.testkit.RawClient;

import java.io.IOException;
import java.time.Duration;
import java.util.stream.Stream;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Keep-alive: the server pings idle clients, closes those that stop answering, and answers PING at once. */
class PingIT {

    private static final Duration INTERVAL = Duration.ofMillis(200);

    @RegisterExtension
    static final ConformanceServer SERVER =
            ConformanceServer.with(ServerSettings.builder().pingInterval(INTERVAL).maxPingsOut(2));

    @Test
    void anIdleClientIsPinged() throws IOException {
        SERVER.quiet().expect(PING);
    }

    @Test
    void aClientThatNeverSentConnectIsPingedToo() throws IOException {
        SERVER.greeted().expect(PING);
    }

    /**
     * nats-server arms the short first PING (at most 2 s, for the round-trip time) only when CONNECT arrives; before
     * that a connection's timer runs for the whole ping interval.
     */
    @Test
    void beforeConnectTheFirstPingWaitsForTheWholeInterval() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start(ServerSettings.builder().pingInterval(Duration.ofSeconds(3)));
                RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
            assertThat(client.drain(Duration.ofMillis(2600))).as("received within 2.6 s of connecting").isEmpty();

            client.expect(PING);
        }
    }

    @Test
    void aClientThatLeavesMaxPingsOutUnansweredIsStale() throws IOException {
        SERVER.quiet().expectClose(PING + PING + err("Stale Connection"));
    }

    @Test
    void answeredPingsKeepTheConnectionAlive() throws IOException {
        RawClient client = SERVER.quiet();
        for (int i = 0; i < 5; i++) {
            client.expect(PING).send(PONG);
        }

        client.send("SUB foo 1\r\nPUB foo 2\r\nhi\r\n").expect("MSG foo 1 2\r\nhi\r\n");
    }

    static Stream<Arguments> activities() {
        return Stream.of(Arguments.of(Named.of("messages", "PUB foo 0\r\n\r\n"), ""),
                Arguments.of(Named.of("subscriptions", "SUB foo 1\r\nUNSUB 1\r\n"), ""),
                Arguments.of(Named.of("pings", PING), PONG));
    }

    /** After the first (round-trip) PING, a client that keeps sending messages, subscriptions or PINGs is let be. */
    @ParameterizedTest
    @MethodSource("activities")
    void activityWithinTheIntervalHoldsOffThePing(String activity, String reply) throws IOException {
        RawClient client = SERVER.quiet().expect(PING).send(PONG);

        for (int i = 0; i < 5; i++) {
            client.send(activity).expect(reply).expectNothing();
        }
    }

    @Test
    void aClientPingIsAnsweredBeforeTheServersNextPing() throws IOException {
        RawClient client = SERVER.quiet().expect(PING);

        client.send(PING).expect(PONG);
    }
}
