package io.natrium.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.in.monitoring.ConnectionInfo;
import io.natrium.application.port.in.monitoring.ConnectionSort;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each /connz sort key orders as nats-server's: three connections whose every field differs, so each key gives
 * its own order.
 */
class ConnectionOrderTest {

    private static final Instant NOW = Instant.parse("2026-01-01T12:00:00Z");

    // cid, start (s before now), last (s before now), stop (s before now), reason, rtt ms, subs, pending, msgs
    // to/from, bytes to/from
    private static final ConnectionInfo FIRST = info(1, 300, 260, 250, CloseReason.STALE_CONNECTION, 5, 2, 10, 30, 1,
            100, 3000);
    private static final ConnectionInfo SECOND = info(2, 200, 150, 30, CloseReason.CLIENT_CLOSED, 9, 3, 5, 10, 2,
            300, 2000);
    private static final ConnectionInfo THIRD = info(3, 100, 50, 20, CloseReason.AUTHENTICATION_VIOLATION, 1, 1, 20,
            20, 3, 200, 1000);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "CID, 1 2 3",
        "START, 1 2 3",
        "SUBS, 2 1 3",
        "PENDING, 3 1 2",
        "MSGS_TO, 1 3 2",
        "MSGS_FROM, 3 2 1",
        "BYTES_TO, 2 3 1",
        "BYTES_FROM, 1 2 3",
        "LAST, 3 2 1",
        "IDLE, 1 2 3",
        "UPTIME, 1 3 2",
        "STOP, 3 2 1",
        "REASON, 3 2 1",
        "RTT, 2 1 3"})
    void sortsAsNatsServerDoes(ConnectionSort sort, String expected) {
        List<ConnectionInfo> infos = new ArrayList<>(List.of(SECOND, THIRD, FIRST));
        infos.sort(ConnectionOrder.of(sort, NOW));
        assertThat(infos).extracting(info -> String.valueOf(info.cid())).containsExactly(expected.split(" "));
    }

    /**
     * Uptime of a closed connection runs up to its stop: the first started earliest but stopped soon after, so its
     * uptime is the shortest.
     */
    private static ConnectionInfo info(long cid, int startAgo, int lastAgo, int stopAgo, CloseReason reason,
            int rttMillis, int subscriptions, long pending, long outMessages, long inMessages, long outBytes,
            long inBytes) {
        return new ConnectionInfo(cid, "127.0.0.1", 4000 + (int) cid, NOW.minusSeconds(startAgo),
                NOW.minusSeconds(lastAgo), NOW.minusSeconds(stopAgo), reason, Duration.ofMillis(rttMillis),
                Duration.ofSeconds(startAgo - stopAgo), Duration.ofSeconds(lastAgo - stopAgo), pending, inMessages,
                outMessages, inBytes, outBytes, 0, subscriptions, "", "", "", "", "", null, null, null);
    }
}
