package io.natrium.application.session;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.port.out.ScheduledTask;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.domain.auth.ConnectionType;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * nats-server's ping timer for one client: pings a client that has been quiet, gives up on one that stopped answering,
 * and measures the round-trip time. Confined to the connection's thread but for {@link #rttNanos()}.
 */
final class KeepAlive {

    // One logger for everything a client connection logs, as log configurations name it.
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);
    /** nats-server pings a new client after at most two seconds, to learn its round-trip time early. */
    private static final long FIRST_PING_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long RTT_MEASUREMENT_NANOS = TimeUnit.HOURS.toNanos(1);

    private final ClientConnection connection;
    private final ClientOutbound outbound;
    private final SessionExecutor executor;
    private ScheduledTask pingTask;
    private int pingsOut;
    private long lastInNanos;
    private long rttStartNanos;
    private boolean rttPingSent;
    private volatile long rttNanos;

    KeepAlive(ClientConnection connection, ClientOutbound outbound, SessionExecutor executor, long startNanos) {
        this.connection = connection;
        this.outbound = outbound;
        this.executor = executor;
        this.lastInNanos = startNanos;
    }

    /**
     * Until CONNECT the client gets the full interval; CONNECT arms the short first ping (nats-server's setPingTimer
     * at accept, setFirstPingTimer in processConnect).
     */
    void start() {
        schedulePing(pingIntervalNanos());
    }

    /** Until the first PONG, the time the CONNECT took to come stands for the round trip. */
    void connectReceived(long connectDelayNanos) {
        rttNanos = Math.max(1, connectDelayNanos);
    }

    /** An accepted CONNECT: the first ping comes soon, to measure the round trip. */
    void armFirstPing() {
        long interval = pingIntervalNanos();
        long delay = Math.min(interval, FIRST_PING_NANOS);
        restart(delay + ThreadLocalRandom.current().nextLong(Math.max(1, delay / 5)));
    }

    /** The client sent something: it is alive, no ping is needed for a while. */
    void heardFrom(long nowNanos) {
        lastInNanos = nowNanos;
    }

    void pong() {
        pingsOut = 0;
        if (rttStartNanos != 0) {
            rttNanos = Math.max(1, executor.nanoTime() - rttStartNanos);
        }
    }

    long rttNanos() {
        return rttNanos;
    }

    void stop() {
        if (pingTask != null) {
            pingTask.cancel();
            pingTask = null;
        }
    }

    private void restart(long delayNanos) {
        stop();
        schedulePing(delayNanos);
    }

    private void schedulePing(long delayNanos) {
        pingTask = executor.schedule(this::pingTimerFired, delayNanos, TimeUnit.NANOSECONDS);
    }

    private void pingTimerFired() {
        pingTask = null;
        if (connection.isClosed()) {
            return;
        }
        long now = executor.nanoTime();
        long interval = pingIntervalNanos();
        boolean needRtt = !rttPingSent || now - rttStartNanos > RTT_MEASUREMENT_NANOS;
        if (now - lastInNanos >= interval || needRtt) {
            if (pingsOut + 1 > connection.settings().maxPingsOut()) {
                LOG.debug("{} - Stale Client Connection - Closing", connection);
                connection.closeWithError("Stale Connection", CloseReason.STALE_CONNECTION);
                return;
            }
            rttStartNanos = now;
            rttPingSent = true;
            pingsOut++;
            outbound.sendPing();
            outbound.flush();
        }
        schedulePing(interval);
    }

    /** The {@code websocket} block's {@code ping_interval} (nats-server 2.10 on), when set, for its clients. */
    private long pingIntervalNanos() {
        if (connection.connectionType() == ConnectionType.WEBSOCKET) {
            Duration websocket = connection.settings().websocket().pingInterval();
            if (websocket != null && websocket.compareTo(Duration.ZERO) > 0) {
                return websocket.toNanos();
            }
        }
        return connection.settings().pingInterval().toNanos();
    }

    /**
     * Whether the server pings this client: not an MQTT client, which has no NATS PING and keeps itself alive with
     * its own PINGREQ within the keep-alive it asked for (nats-server sets no ping timer for it either).
     */
    static boolean pingsClient(ConnectionType type) {
        return type != ConnectionType.MQTT && type != ConnectionType.MQTT_WS;
    }
}
