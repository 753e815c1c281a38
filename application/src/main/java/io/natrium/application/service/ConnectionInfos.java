package io.natrium.application.service;

import io.natrium.application.account.Account;
import io.natrium.application.port.TlsState;
import io.natrium.application.port.in.monitoring.ConnectionInfo;
import io.natrium.application.port.in.monitoring.IssuedIdentity;
import io.natrium.application.port.in.monitoring.SubscriptionInfo;
import io.natrium.application.port.in.monitoring.SubscriptionListing;
import io.natrium.application.server.ClosedConnection;
import io.natrium.application.server.ConnectDetails;
import io.natrium.application.server.ConnectionView;
import io.natrium.domain.auth.ConnectionType;

import java.time.Duration;
import java.util.List;

/** Builds /connz entries from what open connections publish and from the closed ring. */
final class ConnectionInfos {

    private static final long MICROSECOND = 1_000;
    private static final long MILLISECOND = 1_000_000;

    private ConnectionInfos() {
    }

    /** An open connection, read without its thread; the subscriptions come from the sublist. */
    static ConnectionInfo open(ConnectionView connection, int subscriptionCount, long nowNanos,
            MonitoringClock clock, boolean auth) {
        ConnectDetails details = connection.connectDetails();
        long start = connection.startNanos();
        long last = connection.lastActivityNanos();
        return new ConnectionInfo(connection.id(), connection.remoteHost(), connection.remotePort(),
                clock.toInstant(start), clock.toInstant(last), null, null, rtt(connection.rttNanos()),
                Duration.ofNanos(nowNanos - start), Duration.ofNanos(Math.max(0, nowNanos - last)),
                connection.pendingBytes(), connection.inMessages(), connection.outMessages(), connection.inBytes(),
                connection.outBytes(), connection.stalls(), subscriptionCount, details.name(), details.lang(),
                details.version(), auth ? details.authorizedUser() : "",
                auth ? accountShown(connection.accountName()) : "", null, null, tlsShown(connection.tlsState(), auth,
                        connection.connectionType()), connection.connectionType(), identity(details, auth),
                details.proxyKey());
    }

    /** A closed connection as the ring kept it; uptime and idle end when it closed. */
    static ConnectionInfo closed(ClosedConnection closed, MonitoringClock clock, boolean auth) {
        ConnectDetails details = closed.details();
        return new ConnectionInfo(closed.id(), closed.host(), closed.port(), clock.toInstant(closed.startNanos()),
                clock.toInstant(closed.lastActivityNanos()), clock.toInstant(closed.stopNanos()), closed.reason(),
                rtt(closed.rttNanos()), Duration.ofNanos(closed.stopNanos() - closed.startNanos()),
                Duration.ofNanos(Math.max(0, closed.stopNanos() - closed.lastActivityNanos())),
                closed.pendingBytes(), closed.inMessages(), closed.outMessages(), closed.inBytes(),
                closed.outBytes(), closed.stalls(), closed.subscriptions().size(), details.name(), details.lang(),
                details.version(), auth ? details.authorizedUser() : "", auth ? accountShown(closed.account()) : "",
                null, null, tlsShown(closed.tls(), auth, closed.type()), closed.type(), identity(details, auth),
                details.proxyKey());
    }

    /** The same entry with its subscriptions listed as asked. */
    static ConnectionInfo withSubscriptions(ConnectionInfo info, List<SubscriptionInfo> subscriptions,
            SubscriptionListing listing) {
        if (listing == SubscriptionListing.NONE || subscriptions.isEmpty()) {
            return info;
        }
        List<String> subjects = null;
        List<SubscriptionInfo> detail = null;
        if (listing == SubscriptionListing.DETAIL) {
            detail = List.copyOf(subscriptions);
        } else {
            subjects = subscriptions.stream().map(SubscriptionInfo::subject).toList();
        }
        return new ConnectionInfo(info.cid(), info.ip(), info.port(), info.start(), info.lastActivity(), info.stop(),
                info.reason(), info.rtt(), info.uptime(), info.idle(), info.pendingBytes(), info.inMessages(),
                info.outMessages(), info.inBytes(), info.outBytes(), info.stalls(), info.subscriptionCount(),
                info.name(), info.lang(), info.version(), info.authorizedUser(), info.account(), subjects, detail,
                info.tls(), info.type(), info.identity(), info.proxyKey());
    }

    private static IssuedIdentity identity(ConnectDetails details, boolean auth) {
        return auth ? new IssuedIdentity(details.jwt(), details.issuerKey(), details.nameTag(), details.tags())
                : IssuedIdentity.NONE;
    }

    /** nats-server keeps microseconds of a round trip under a millisecond, and nanoseconds otherwise. */
    static Duration rtt(long nanos) {
        if (nanos > MICROSECOND && nanos < MILLISECOND) {
            return Duration.ofNanos(nanos - nanos % MICROSECOND);
        }
        return Duration.ofNanos(nanos);
    }

    /**
     * nats-server lists the client's certificates only when asked for authentication details, and shows no TLS at
     * all for a wss client: it fills the fields in only for connections whose TLS handshake it made itself, and the
     * HTTP server makes the wss one.
     */
    private static TlsState tlsShown(TlsState tls, boolean auth, ConnectionType type) {
        if (type == ConnectionType.WEBSOCKET) {
            return null;
        }
        if (tls == null || auth || tls.peerCertificates().isEmpty()) {
            return tls;
        }
        return new TlsState(tls.version(), tls.cipherSuite(), List.of(), tls.first());
    }

    /** nats-server names the account of a connection only when it is not the global one. */
    private static String accountShown(String account) {
        return Account.GLOBAL.equals(account) ? "" : account;
    }
}
