package io.natrium.application.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.in.ConnectRequest;
import io.natrium.application.port.in.monitoring.SubscriptionInfo;
import io.natrium.application.server.ClosedConnection;
import io.natrium.application.server.ConnectDetails;
import io.natrium.application.session.SessionFixture.Connect;
import io.natrium.testkit.memory.BytesMessage;
import io.natrium.testkit.memory.InMemoryClient;

import java.time.Duration;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

/**
 * What a connection publishes for monitoring on other threads: its CONNECT details, last activity, stalls, and the
 * record it leaves in the closed ring; and the stale-connection count.
 */
class MonitoringStateTest {

    private final SessionFixture fixture = SessionFixture.withDefaults();

    @Test
    void connectDetailsAreEmptyUntilConnectThenWhatTheClientSaid() {
        InMemoryClient client = fixture.open();
        assertThat(SessionFixture.connection(client).connectDetails()).isEqualTo(ConnectDetails.NONE);

        client.connect(new ConnectRequest(false, false, null, "secret", "bob", "pw", "probe", "java", "2.24.1", 1,
                null, null, null, null, null, null, null, null));

        assertThat(SessionFixture.connection(client).connectDetails())
                .isEqualTo(new ConnectDetails("probe", "java", "2.24.1", "bob"));
    }

    @Test
    void theAuthorizedUserIsTheNkeyElseTheUserElseNothingForAJwtElseARedactedToken() {
        assertThat(details(null, null, null, "tok")).isEqualTo("[REDACTED]");
        assertThat(details("bob", null, null, "tok")).isEqualTo("bob");
        assertThat(details("bob", "UNKEY", null, "tok")).isEqualTo("UNKEY");
        assertThat(details(null, null, "eyJ.jwt", "tok")).isEmpty();
        assertThat(details(null, null, null, null)).isEmpty();
    }

    @Test
    void lastActivityIsConnectMessagesAndSubscriptionChangesButNotPings() {
        InMemoryClient client = fixture.open();
        RegisteredConnection connection = SessionFixture.connection(client);
        long start = connection.startNanos();
        assertThat(connection.lastActivityNanos()).isEqualTo(start);

        client.clock().advance(Duration.ofSeconds(1));
        SessionFixture.connected(client, Connect.quiet());
        assertThat(connection.lastActivityNanos()).isEqualTo(start + Duration.ofSeconds(1).toNanos());

        client.clock().advance(Duration.ofSeconds(1));
        client.subscribe("foo", null, "1");
        assertThat(connection.lastActivityNanos()).isEqualTo(start + Duration.ofSeconds(2).toNanos());

        client.clock().advance(Duration.ofSeconds(1));
        client.ping();
        assertThat(connection.lastActivityNanos()).isEqualTo(start + Duration.ofSeconds(2).toNanos());

        client.clock().advance(Duration.ofSeconds(1));
        client.publish("bar", null, "x");
        assertThat(connection.lastActivityNanos()).isEqualTo(start + Duration.ofSeconds(4).toNanos());
    }

    @Test
    void aSlowedDownPublisherCountsItsStalls() {
        long eightMessages = 8 * "MSG foo 1 2\r\nm0\r\n".length();
        SessionFixture.connected(fixture.open(eightMessages), Connect.quiet()).subscribe("foo", null, "1");
        InMemoryClient publisher = fixture.connect();

        SessionFixture.publishInOneRead(publisher, IntStream.range(0, 7)
                .mapToObj(i -> new BytesMessage("foo", null, null, "m" + i)).toArray(BytesMessage[]::new));

        assertThat(SessionFixture.connection(publisher).stalls()).isEqualTo(1);
    }

    @Test
    void aClosingConnectionLeavesItsStateInTheClosedRing() {
        InMemoryClient client = SessionFixture.connected(fixture.open(), Connect.quiet().name("leaving"));
        client.subscribe("foo", null, "1").subscribe("bar", "q", "2").unsubscribe("2", 3);
        fixture.connect().publish("foo", null, "hello");
        client.clock().advance(Duration.ofSeconds(5));

        client.disconnect();

        assertThat(fixture.server().closedConnections().snapshot()).singleElement().satisfies(closed -> {
            assertThat(closed.id()).isEqualTo(SessionFixture.FIRST_CLIENT_ID);
            assertThat(closed.reason()).isEqualTo(CloseReason.CLIENT_CLOSED);
            assertThat(closed.stopNanos() - closed.startNanos()).isEqualTo(Duration.ofSeconds(5).toNanos());
            assertThat(closed.details().name()).isEqualTo("leaving");
            assertThat(closed.account()).isEqualTo("$G");
            assertThat(closed.outMessages()).isEqualTo(1);
            assertThat(closed.outBytes()).isEqualTo(5);
            assertThat(closed.subscriptions()).containsExactlyInAnyOrder(
                    new SubscriptionInfo("$G", "foo", null, "1", 1, 0, SessionFixture.FIRST_CLIENT_ID),
                    new SubscriptionInfo("$G", "bar", "q", "2", 0, 3, SessionFixture.FIRST_CLIENT_ID));
        });
        client.disconnect();
        assertThat(fixture.server().closedConnections().snapshot()).as("recorded once").hasSize(1);
    }

    @Test
    void staleConnectionsAreCounted() {
        SessionFixture strict = SessionFixture.with(settings -> settings.pingInterval(Duration.ofSeconds(1))
                .maxPingsOut(1));
        InMemoryClient client = strict.connect();

        client.clock().advance(Duration.ofSeconds(5));

        assertThat(strict.statistics().staleConnections()).isEqualTo(1);
        assertThat(strict.server().closedConnections().snapshot()).extracting(ClosedConnection::reason)
                .containsExactly(CloseReason.STALE_CONNECTION);
    }

    @Test
    void aReloadRecordsWhenTheNewSettingsWereApplied() {
        assertThat(fixture.server().settingsReloadedAt()).as("the settings loaded at start").isNull();
        java.time.Instant before = java.time.Instant.now();

        fixture.server().applySettings(fixture.server().settings().toBuilder().maxPayload(4096).build());

        assertThat(fixture.server().settingsReloadedAt()).isBetween(before, java.time.Instant.now());
    }

    private String details(String user, String nkey, String jwt, String token) {
        InMemoryClient client = fixture.open();
        client.connect(new ConnectRequest(false, false, null, token, user, null, null, null, null, null, null, null,
                null, nkey, jwt, null, null, null));
        return SessionFixture.connection(client).connectDetails().authorizedUser();
    }
}
