package io.natrium.application.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.CloseReason;
import io.natrium.application.session.SessionFixture.Connect;
import io.natrium.testkit.RecordingTracer;
import io.natrium.testkit.memory.InMemoryClient;

import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the session adds to protocol tracing: the client's log prefix, which gains its version, language and name at
 * the first CONNECT as in nats-server, and the {@code <-> [DELSUB sid]} line for every subscription it removes.
 */
class TracingTest {

    private static final String CLIENT = "127.0.0.1:40000 - cid:" + SessionFixture.FIRST_CLIENT_ID;

    private final RecordingTracer tracer = new RecordingTracer();
    private final SessionFixture fixture = SessionFixture.tracedBy(tracer);

    static Stream<Arguments> descriptions() {
        return Stream.of(
                Arguments.of(Connect.quiet(), CLIENT),
                Arguments.of(Connect.quiet().version("2.24.1").lang("java").name("app"),
                        CLIENT + " - \"v2.24.1:java:app\""),
                Arguments.of(Connect.quiet().version("1.2.3"), CLIENT + " - \"v1.2.3\""),
                Arguments.of(Connect.quiet().lang("go"), CLIENT + " - \"go\""),
                Arguments.of(Connect.quiet().name("only"), CLIENT + " - \"only\""),
                Arguments.of(Connect.quiet().lang("go").name("n"), CLIENT + " - \"go:n\""),
                Arguments.of(Connect.quiet().name("say \"hi\""), CLIENT + " - \"say \\\"hi\\\"\""));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("descriptions")
    void theFirstConnectAddsTheClientsDescriptionToItsLogPrefix(Connect options, String prefix) {
        InMemoryClient client = fixture.open();
        assertThat(client.session()).hasToString(CLIENT);

        client.connect(options.build());

        assertThat(client.session()).hasToString(prefix);
    }

    @Test
    void laterConnectsLeaveTheLogPrefixAlone() {
        InMemoryClient client = fixture.connect(Connect.quiet().name("first"));

        client.connect(Connect.quiet().name("second").build());

        assertThat(client.session()).hasToString(CLIENT + " - \"first\"");
    }

    @Test
    void anIpv6ClientIsWrittenInBrackets() {
        InMemoryClient client = InMemoryClient.connect(fixture.service(), "::1", Integer.MAX_VALUE);

        assertThat(client.session()).hasToString("[::1]:40000 - cid:" + SessionFixture.FIRST_CLIENT_ID);
    }

    @Test
    void unsubscribeTracesTheRemovalAfterCountingItsLimit() {
        InMemoryClient client = fixture.connect(Connect.quiet().name("c"));
        client.subscribe("foo", null, "1").subscribe("bar", null, "2");

        client.unsubscribe("1", -1);
        client.unsubscribe("2", 5);
        client.unsubscribe("3", -1);

        assertThat(tracer.lines()).containsExactly(CLIENT + " - \"c\" - <-> [DELSUB 1]");
    }

    @Test
    void reachingTheLimitTracesTheRemovalAsTheSubscribersOwn() {
        InMemoryClient subscriber = fixture.connect(Connect.quiet().name("sub"));
        subscriber.subscribe("foo", null, "7").unsubscribe("7", 1);
        InMemoryClient publisher = fixture.connect(Connect.quiet().name("pub"));

        publisher.publish("foo", "", "one");
        publisher.publish("foo", "", "two");

        assertThat(tracer.lines()).containsExactly(CLIENT + " - \"sub\" - <-> [DELSUB 7]");
    }

    @Test
    void aCloseTracesEverySubscriptionStillOpen() {
        InMemoryClient client = fixture.connect(Connect.quiet());
        client.subscribe("foo", null, "1").subscribe("bar", "q", "2").subscribe("baz", null, "3");
        client.unsubscribe("3", -1);
        tracer.clear();

        client.disconnect();

        assertThat(tracer.lines()).containsExactlyInAnyOrder(CLIENT + " - <-> [DELSUB 1]", CLIENT + " - <-> [DELSUB 2]");
    }

    @Test
    void aShutdownClosesWithoutTracingRemovals() {
        InMemoryClient client = fixture.connect(Connect.quiet());
        client.subscribe("foo", null, "1");
        Sessions.beginShutdown(fixture.server());

        client.session().transportClosed(CloseReason.SERVER_SHUTDOWN);

        assertThat(tracer.lines()).isEmpty();
    }

    @Test
    void tracesNothingWhenTracingIsOff() {
        tracer.enabled(false);
        InMemoryClient client = fixture.connect(Connect.quiet());
        client.subscribe("foo", null, "1").subscribe("bar", null, "2").unsubscribe("1", -1);

        client.disconnect();

        assertThat(tracer.lines()).isEmpty();
    }
}
