package io.natrium.application.server;

import io.natrium.application.account.ClientSubscription;
import io.natrium.application.port.CloseReason;
import io.natrium.application.port.TlsState;
import io.natrium.application.port.in.monitoring.SubscriptionInfo;
import io.natrium.domain.auth.ConnectionType;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A connection as it was when it closed, kept for /connz?state=closed. Times are on the connection's executor clock.
 *
 * @param subscriptions the subscriptions it held when it closed, each with its account, as nats-server keeps them
 * @param tls           what its TLS handshake agreed; null without TLS
 * @param type          how it connected (plain NATS or WebSocket)
 */
public record ClosedConnection(
        long id,
        String host,
        int port,
        long startNanos,
        long lastActivityNanos,
        long stopNanos,
        CloseReason reason,
        long rttNanos,
        long pendingBytes,
        long inMessages,
        long outMessages,
        long inBytes,
        long outBytes,
        long stalls,
        ConnectDetails details,
        String account,
        List<SubscriptionInfo> subscriptions,
        TlsState tls,
        ConnectionType type) {

    public ClosedConnection {
        subscriptions = List.copyOf(subscriptions);
        type = type == null ? ConnectionType.STANDARD : type;
    }

    /** A plain NATS client's entry. */
    public ClosedConnection(long id, String host, int port, long startNanos, long lastActivityNanos, long stopNanos,
            CloseReason reason, long rttNanos, long pendingBytes, long inMessages, long outMessages, long inBytes,
            long outBytes, long stalls, ConnectDetails details, String account, List<SubscriptionInfo> subscriptions,
            TlsState tls) {
        this(id, host, port, startNanos, lastActivityNanos, stopNanos, reason, rttNanos, pendingBytes, inMessages,
                outMessages, inBytes, outBytes, stalls, details, account, subscriptions, tls, ConnectionType.STANDARD);
    }

    /** Captures a connection on its own thread as it closes, before its subscriptions are dropped. */
    public static ClosedConnection capture(ConnectionView connection, CloseReason reason,
            Collection<ClientSubscription> subscriptions) {
        List<SubscriptionInfo> held = new ArrayList<>(subscriptions.size());
        for (ClientSubscription subscription : subscriptions) {
            held.add(new SubscriptionInfo(connection.accountName(), subscription.subject(), subscription.queue(),
                    subscription.sid(), subscription.delivered(), subscription.max(), connection.id()));
        }
        return new ClosedConnection(connection.id(), connection.remoteHost(), connection.remotePort(),
                connection.startNanos(), connection.lastActivityNanos(), connection.clockNanos(), reason,
                connection.rttNanos(), connection.pendingBytes(), connection.inMessages(), connection.outMessages(),
                connection.inBytes(), connection.outBytes(), connection.stalls(), connection.connectDetails(),
                connection.accountName(), held, connection.tlsState(), connection.connectionType());
    }
}
