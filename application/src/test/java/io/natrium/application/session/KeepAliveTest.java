package io.natrium.application.session;

import static io.natrium.application.session.Events.closed;
import static io.natrium.application.session.Events.err;
import static io.natrium.application.session.Events.ping;
import static io.natrium.application.session.Events.pong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.natrium.application.port.CloseReason;
import io.natrium.application.session.SessionFixture.Connect;
import io.natrium.domain.auth.ConnectionType;
import io.natrium.testkit.memory.InMemoryClient;
import io.natrium.testkit.memory.OutboundEvent;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The keep-alive on the manual clock: an early first PING to measure the round trip, then PINGs only to idle
 * clients, and a stale connection after {@code maxPingsOut} unanswered ones.
 */
class KeepAliveTest {

    private static final Duration INTERVAL = Duration.ofSeconds(10);
    private static final Duration STEP = Duration.ofMillis(1);

    private final SessionFixture fixture =
            SessionFixture.with(settings -> settings.pingInterval(INTERVAL).maxPingsOut(2));

    @Test
    void theFirstPingComesAfterTwoSecondsPlusUpToTwentyPercent() {
        List<Duration> firstPings = IntStream.range(0, 20).mapToObj(i -> untilPing(fixture.connect(), INTERVAL))
                .toList();

        assertThat(firstPings).allSatisfy(delay ->
                assertThat(delay).isBetween(Duration.ofMillis(2000), Duration.ofMillis(2400)));
        assertThat(firstPings.stream().distinct().count()).as("the delay is randomized").isGreaterThan(1);
    }

    @Test
    void theFirstPingComesEvenToABusyClient() {
        InMemoryClient client = fixture.connect();

        for (int i = 0; i < 8; i++) {
            client.clock().advance(Duration.ofMillis(300));
            client.publish("foo", null, "busy");
        }

        assertThat(client.received()).containsExactly(ping());
    }

    @Test
    void aPingIntervalShorterThanTwoSecondsIsAlsoTheFirstDelay() {
        SessionFixture quick = SessionFixture.with(settings -> settings.pingInterval(Duration.ofSeconds(1)));

        Duration firstPing = untilPing(quick.connect(), INTERVAL);

        assertThat(firstPing).isBetween(Duration.ofMillis(1000), Duration.ofMillis(1200));
    }

    @Test
    void connectRestartsTheFirstPingTimer() {
        InMemoryClient client = fixture.open();
        client.received();
        client.clock().advance(Duration.ofMillis(1500));

        SessionFixture.connected(client, Connect.quiet());

        assertThat(untilPing(client, INTERVAL)).isBetween(Duration.ofMillis(2000), Duration.ofMillis(2400));
    }

    @Test
    void anMqttClientIsNeverPingedNorStale() {
        // MQTT has no NATS PING: its client keeps itself alive with PINGREQ within its own keep-alive.
        InMemoryClient client = SessionFixture.connected(
                InMemoryClient.connect(fixture.service(), ConnectionType.MQTT), Connect.quiet());

        client.clock().advance(INTERVAL.multipliedBy(5));

        assertThat(client.received()).isEmpty();
        assertThat(client.session().isClosed()).isFalse();
    }

    @Test
    void aPongMeasuresTheRoundTrip() {
        InMemoryClient client = fixture.connect();
        untilPing(client, INTERVAL);

        client.clock().advance(Duration.ofMillis(5));
        client.pong();

        assertThat(SessionFixture.connection(client).rttNanos())
                .isBetween(Duration.ofMillis(5).toNanos(), Duration.ofMillis(6).toNanos());
    }

    @Test
    void anIdleClientIsPingedEveryInterval() {
        InMemoryClient client = fixture.connect();
        untilPing(client, INTERVAL);

        for (int i = 0; i < 5; i++) {
            client.pong();
            client.clock().advance(INTERVAL.minus(STEP));
            assertThat(client.received()).isEmpty();
            client.clock().advance(STEP);
            assertThat(client.received()).containsExactly(ping());
        }
    }

    @Test
    void aClientThatKeepsPublishingIsNotPingedUntilItFallsQuiet() {
        InMemoryClient client = fixture.connect();
        untilPing(client, INTERVAL);
        client.pong();
        // Out of phase with the timer, which fires every interval after the first PING.
        client.clock().advance(Duration.ofMillis(2500));

        for (int i = 0; i < 12; i++) {
            client.publish("foo", null, "still here");
            client.clock().advance(Duration.ofSeconds(5));
        }
        client.publish("foo", null, "last words");
        assertThat(client.received()).isEmpty();

        client.clock().advance(INTERVAL.minus(STEP));
        assertThat(client.received()).as("quiet for less than an interval").isEmpty();
        client.clock().advance(INTERVAL);
        assertThat(client.received()).as("quiet for two intervals").containsExactly(ping());
    }

    @Test
    void theRoundTripIsMeasuredAgainAfterAnHourEvenWhenBusy() {
        InMemoryClient client = fixture.connect();
        untilPing(client, INTERVAL);
        client.pong();
        client.clock().advance(Duration.ofMillis(2500));

        for (int i = 0; i < 710; i++) {
            client.publish("foo", null, "busy");
            client.clock().advance(Duration.ofSeconds(5));
        }
        assertThat(client.received()).as("after 59 minutes").isEmpty();

        for (int i = 0; i < 12; i++) {
            client.publish("foo", null, "busy");
            client.clock().advance(Duration.ofSeconds(5));
        }
        assertThat(client.received()).as("after 60 minutes").containsExactly(ping());
    }

    @Test
    void subscriptionChangesAndClientPingsCountAsActivity() {
        InMemoryClient client = fixture.connect();
        untilPing(client, INTERVAL);
        client.pong();

        for (int i = 0; i < 12; i++) {
            client.clock().advance(Duration.ofSeconds(5));
            switch (i % 3) {
                case 0 -> client.subscribe("foo", null, "1");
                case 1 -> client.unsubscribe("1", -1);
                default -> client.ping();
            }
        }

        assertThat(client.received()).containsExactly(pong(), pong(), pong(), pong());
    }

    @ParameterizedTest(name = "maxPingsOut {0}")
    @ValueSource(ints = {1, 2, 3})
    void afterMaxPingsOutUnansweredPingsTheConnectionIsStale(int maxPingsOut) {
        SessionFixture strict =
                SessionFixture.with(settings -> settings.pingInterval(INTERVAL).maxPingsOut(maxPingsOut));
        InMemoryClient client = strict.connect();
        untilPing(client, INTERVAL);

        for (int i = 1; i < maxPingsOut; i++) {
            client.clock().advance(INTERVAL);
            assertThat(client.received()).containsExactly(ping());
        }
        client.clock().advance(INTERVAL);

        assertThat(client.received()).containsExactly(err("Stale Connection"),
                closed(CloseReason.STALE_CONNECTION));
        assertThat(client.clock().pendingTimers()).isZero();
        assertThat(strict.server().clients().size()).isZero();
    }

    @Test
    void aPongResetsTheCountOfUnansweredPings() {
        InMemoryClient client = fixture.connect();
        untilPing(client, INTERVAL);
        client.clock().advance(INTERVAL);
        assertThat(client.received()).as("two PINGs out").containsExactly(ping());

        client.pong();
        for (int i = 0; i < 2; i++) {
            client.clock().advance(INTERVAL);
            assertThat(client.received()).containsExactly(ping());
        }

        assertThat(client.session().isClosed()).isFalse();
    }

    @Test
    void aClientThatAnswersIsNeverStale() {
        InMemoryClient client = fixture.connect();

        for (int i = 0; i < 10; i++) {
            client.clock().advance(INTERVAL);
            assertThat(client.received()).containsExactly(ping());
            client.pong();
        }

        assertThat(client.session().isClosed()).isFalse();
    }

    @Test
    void aClientPingIsAnsweredAtOnce() {
        InMemoryClient client = fixture.connect();

        client.ping();

        assertThat(client.received()).containsExactly(pong());
    }

    @Test
    void closingCancelsTheTimer() {
        InMemoryClient client = fixture.connect();
        assertThat(client.clock().pendingTimers()).isEqualTo(1);

        client.disconnect();

        assertThat(client.clock().pendingTimers()).isZero();
        client.clock().advance(INTERVAL.multipliedBy(10));
        assertThat(client.received()).isEmpty();
    }

    @Test
    void aClosingSessionSendsNoMorePings() {
        InMemoryClient client = fixture.open();
        client.received();
        client.connect(Connect.empty().protocol(5).build());
        client.received();

        client.clock().advance(INTERVAL.multipliedBy(10));

        assertThat(client.received()).isEmpty();
        assertThat(client.clock().pendingTimers()).isZero();
    }

    /** Advances the clock a millisecond at a time until a PING arrives; returns how long that took. */
    private static Duration untilPing(InMemoryClient client, Duration limit) {
        long start = client.clock().nanoTime();
        while (client.clock().nanoTime() - start < limit.toNanos()) {
            client.clock().advance(STEP);
            List<OutboundEvent> events = client.received();
            if (!events.isEmpty()) {
                assertThat(events).containsExactly(ping());
                return Duration.ofNanos(client.clock().nanoTime() - start);
            }
        }
        return fail("no PING within " + limit);
    }
}
