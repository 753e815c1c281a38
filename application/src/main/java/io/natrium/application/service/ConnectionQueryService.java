package io.natrium.application.service;

import io.natrium.application.account.Account;
import io.natrium.application.account.ClientSubscription;
import io.natrium.application.port.in.ConnectionQueryUseCase;
import io.natrium.application.port.in.monitoring.ConnectionInfo;
import io.natrium.application.port.in.monitoring.ConnectionPage;
import io.natrium.application.port.in.monitoring.ConnectionQuery;
import io.natrium.application.port.in.monitoring.ConnectionSort;
import io.natrium.application.port.in.monitoring.ConnectionState;
import io.natrium.application.port.in.monitoring.QueryResult;
import io.natrium.application.port.in.monitoring.SubscriptionInfo;
import io.natrium.application.server.ClosedConnection;
import io.natrium.application.server.ConnectDetails;
import io.natrium.application.server.ConnectionView;
import io.natrium.application.server.ServerContext;
import io.natrium.domain.auth.ConnectionType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Answers /connz as nats-server's {@code Connz} does: filter by state, cid, account, user and MQTT client id, sort,
 * then page. Open connections are read through what they publish for other threads (volatile fields, atomic
 * counters, the thread-safe outbound and sublist), so the query never waits for, or runs on, a client event loop.
 */
public final class ConnectionQueryService implements ConnectionQueryUseCase {

    private final ServerContext server;
    private final MonitoringClock clock;

    public ConnectionQueryService(ServerContext server, MonitoringClock clock) {
        this.server = server;
        this.clock = clock;
    }

    @Override
    public QueryResult<ConnectionPage> connections(ConnectionQuery query) {
        ConnectionSort sort = ConnectionSort.CID;
        if (!query.sort().isEmpty()) {
            sort = ConnectionSort.forKey(query.sort());
            if (sort == null) {
                return QueryResult.rejected("invalid sorting option: " + query.sort());
            }
        }
        ConnectionState state = query.state();
        if (sort == ConnectionSort.STOP && state != ConnectionState.CLOSED) {
            return QueryResult.rejected("sort by stop only valid on closed connections");
        }
        if (sort == ConnectionSort.REASON && state != ConnectionState.CLOSED) {
            return QueryResult.rejected("sort by reason only valid on closed connections");
        }
        int offset = Math.max(0, query.offset());
        int limit = query.limit() <= 0 ? ConnectionQuery.DEFAULT_LIMIT : query.limit();
        if (query.cid() > 0) {
            limit = 1;
        }
        Instant now = clock.now();
        long nowNanos = clock.nanoTime();
        String account = query.account();
        if (!account.isEmpty() && server.accounts().find(account) == null) {
            // nats-server answers an unknown account before it fills in even its own id.
            return QueryResult.answer(new ConnectionPage("", now, 0, offset, limit, null));
        }

        List<? extends ConnectionView> open = state == ConnectionState.CLOSED ? List.of()
                : openOfAccount(server.clients().snapshot(), account);
        List<ClosedConnection> closed =
                state == ConnectionState.OPEN ? List.of() : closedOfAccount(server.closedConnections().snapshot(),
                        account);
        int total = open.size() + closed.size();

        if (query.cid() > 0) {
            open = open.stream().filter(connection -> connection.id() == query.cid()).toList();
            closed = open.isEmpty()
                    ? closed.stream().filter(connection -> connection.id() == query.cid()).limit(1).toList()
                    : List.of();
        }
        open = open.stream().filter(connection -> matches(query, connection)).toList();
        closed = closed.stream().filter(connection -> matches(query, connection)).toList();

        Map<Long, List<SubscriptionInfo>> subscriptionsByClient = openSubscriptions(server.accounts().all());
        List<ConnectionInfo> infos = new ArrayList<>(open.size() + closed.size());
        for (ConnectionView connection : open) {
            int count = subscriptionsByClient.getOrDefault(connection.id(), List.of()).size();
            infos.add(ConnectionInfos.open(connection, count, nowNanos, clock, query.auth()));
        }
        Map<Long, List<SubscriptionInfo>> closedSubscriptions = new HashMap<>();
        for (ClosedConnection connection : closed) {
            infos.add(ConnectionInfos.closed(connection, clock, query.auth()));
            closedSubscriptions.put(connection.id(), connection.subscriptions());
        }
        infos.sort(ConnectionOrder.of(sort, now));

        int from = Math.min(offset, infos.size());
        int to = from + Math.min(limit, infos.size() - from);
        List<ConnectionInfo> page = new ArrayList<>(to - from);
        for (ConnectionInfo info : infos.subList(from, to)) {
            List<SubscriptionInfo> subscriptions = info.stop() == null
                    ? subscriptionsByClient.getOrDefault(info.cid(), List.of())
                    : closedSubscriptions.getOrDefault(info.cid(), List.of());
            page.add(ConnectionInfos.withSubscriptions(info, subscriptions, query.subscriptions()));
        }
        return QueryResult.answer(new ConnectionPage(server.identity().id(), now, total, offset, limit, page));
    }

    /** The open connections of the account asked for; nats-server counts only those in its total. */
    private static List<? extends ConnectionView> openOfAccount(List<? extends ConnectionView> open,
            String account) {
        if (account.isEmpty()) {
            return open;
        }
        return open.stream().filter(connection -> connection.accountName().equals(account)).toList();
    }

    /**
     * The closed connections of the account asked for. nats-server remembers the account of a closed connection
     * only when it is not the global account, so asking for {@code $G} finds no closed connection there either.
     */
    private static List<ClosedConnection> closedOfAccount(List<ClosedConnection> closed, String account) {
        if (account.isEmpty()) {
            return closed;
        }
        return closed.stream().filter(connection -> !Account.GLOBAL.equals(connection.account())
                && connection.account().equals(account)).toList();
    }

    private static boolean matches(ConnectionQuery query, ConnectionView connection) {
        return (query.user().isEmpty() || query.user().equals(connection.connectDetails().authorizedUser()))
                && mqttClientMatches(query, connection.connectionType(), connection.connectDetails());
    }

    private static boolean matches(ConnectionQuery query, ClosedConnection connection) {
        return (query.user().isEmpty() || query.user().equals(connection.details().authorizedUser()))
                && mqttClientMatches(query, connection.type(), connection.details());
    }

    /** An MQTT client's id is the name its CONNECT gave the session. */
    private static boolean mqttClientMatches(ConnectionQuery query, ConnectionType type, ConnectDetails details) {
        return query.mqttClient().isEmpty()
                || (type == ConnectionType.MQTT || type == ConnectionType.MQTT_WS)
                && query.mqttClient().equals(details.name());
    }

    /**
     * Every open connection's subscriptions, by connection id, without their account (as /connz lists them). Each
     * account has its own sublist, and a connection's subscriptions are in its account's.
     */
    private static Map<Long, List<SubscriptionInfo>> openSubscriptions(List<Account> accounts) {
        Map<Long, List<SubscriptionInfo>> byClient = new HashMap<>();
        for (Account account : accounts) {
            for (ClientSubscription subscription : account.sublist().all()) {
                byClient.computeIfAbsent(subscription.clientId(), id -> new ArrayList<>()).add(new SubscriptionInfo(
                        null, subscription.subject(), subscription.queue(), subscription.sid(),
                        subscription.delivered(), subscription.max(), subscription.clientId()));
            }
        }
        return byClient;
    }
}
