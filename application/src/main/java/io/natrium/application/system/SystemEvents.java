package io.natrium.application.system;

import io.natrium.application.account.Account;
import io.natrium.application.account.TrafficCounters;
import io.natrium.application.port.CloseReason;
import io.natrium.application.port.out.AccountConnections;
import io.natrium.application.port.out.ClientEvent;
import io.natrium.application.port.out.ClientInfo;
import io.natrium.application.port.out.DataStats;
import io.natrium.application.port.out.OcspPeerEvent;
import io.natrium.application.port.out.ScheduledTask;
import io.natrium.application.port.out.ServerMessageEncoder;
import io.natrium.application.server.ConnectDetails;
import io.natrium.application.server.ConnectionView;
import io.natrium.application.server.RegisteredClient;
import io.natrium.application.server.ServerContext;
import io.natrium.application.server.ServerEvents;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The events connections cause, as nats-server publishes them ({@code server/events.go}): an account's connection
 * count on every change and every 30 s while it has clients ({@code $SYS.ACCOUNT.<acc>.SERVER.CONNS} and the legacy
 * {@code $SYS.SERVER.ACCOUNT.<acc>.CONNS}), CONNECT and DISCONNECT of clients outside the global account, and
 * CLIENT.AUTH.ERR. The calling connection only describes the client; the rest runs on the system client's thread.
 */
final class SystemEvents implements ServerEvents {

    /** nats-server's {@code eventsHBInterval}. */
    static final long HEARTBEAT_NANOS = TimeUnit.SECONDS.toNanos(30);

    private final ServerContext server;
    private final SystemSendQueue queue;
    private final ServerMessageEncoder messages;
    /** The heartbeat of each account with clients; only touched on the system client's thread. */
    private final Map<Account, ScheduledTask> heartbeats = new HashMap<>();
    private final io.natrium.application.port.out.SessionExecutor executor;

    SystemEvents(ServerContext server, SystemSendQueue queue, io.natrium.application.port.out.SessionExecutor executor) {
        this.server = server;
        this.queue = queue;
        this.messages = server.messages();
        this.executor = executor;
    }

    @Override
    public void accountJoined(Account account) {
        int count = account.connections();
        queue.offer(() -> connections(account, count));
    }

    @Override
    public void accountLeft(Account account) {
        int count = account.connections();
        queue.offer(() -> connections(account, count));
    }

    @Override
    public void clientConnected(ConnectionView client) {
        if (isGlobal(client)) {
            return;
        }
        ClientInfo info = describe(client, null);
        String id = EventIds.next();
        Instant now = Instant.now();
        String subject = "$SYS.ACCOUNT." + client.accountName() + ".CONNECT";
        queue.offer(() -> queue.publish(subject, null, server -> messages.clientEvent(
                new ClientEvent(true, id, now, server, info, null, null, null))));
    }

    @Override
    public void clientClosed(ConnectionView client, CloseReason reason) {
        if (isGlobal(client)) {
            return;
        }
        disconnect("$SYS.ACCOUNT." + client.accountName() + ".DISCONNECT", client, reason.text());
    }

    /**
     * What nats-server 2.9.10 publishes when a reload makes its configured accounts anew: each account's CONNS
     * request to the other servers ({@code enableAccountTracking}, the reply to its own inbox), then, as every client
     * is registered with its new account, that account's CONNS and the client's CONNECT. nats-server goes through
     * its maps in a varying order; Natrium takes accounts by name and clients by id.
     */
    @Override
    public void reloaded() {
        String reply = "$SYS._INBOX_." + server.identity().id();
        for (Account account : server.accounts().all()) {
            String subject = "$SYS.REQ.ACCOUNT." + account.name() + ".CONNS";
            queue.offer(() -> queue.publish(subject, reply,
                    header -> messages.accountConnectionsRequest(header, account.name())));
        }
        List<RegisteredClient> clients = server.clients().snapshot();
        clients.sort(Comparator.comparingLong(RegisteredClient::id));
        for (RegisteredClient client : clients) {
            Account account = server.accounts().find(client.accountName());
            if (account != null) {
                accountJoined(account);
                clientConnected(client);
            }
        }
    }

    /**
     * nats-server 2.9.10 publishes a refusal on {@code $SYS.SERVER.<id>.CLIENT.AUTH.ERR}; later versions also on
     * {@code $SYS.ACCOUNT.CLIENT.AUTH.ERR}, which Natrium publishes too.
     */
    @Override
    public void authenticationFailed(ConnectionView client) {
        String reason = CloseReason.AUTHENTICATION_VIOLATION.text();
        disconnect("$SYS.SERVER." + server.identity().id() + ".CLIENT.AUTH.ERR", client, reason);
        disconnect("$SYS.ACCOUNT.CLIENT.AUTH.ERR", client, reason);
    }

    @Override
    public void ocspPeer(OcspPeerEvent event) {
        String subject = "$SYS.SERVER." + server.identity().id() + (event.link() == null ? ".OCSP.PEER.CONN.REJECT"
                : ".OCSP.PEER.LINK.INVALID");
        OcspPeerEvent numbered = event.withId(EventIds.next());
        queue.offer(() -> queue.publish(subject, null, in -> messages.ocspPeerEvent(numbered.withServer(in))));
    }

    private void disconnect(String subject, ConnectionView client, String reason) {
        Instant now = Instant.now();
        ClientInfo info = describe(client, now);
        DataStats sent = new DataStats(client.inMessages(), client.inBytes());
        DataStats received = new DataStats(client.outMessages(), client.outBytes());
        String id = EventIds.next();
        queue.offer(() -> queue.publish(subject, null, server -> messages.clientEvent(
                new ClientEvent(false, id, now, server, info, sent, received, reason))));
    }

    /**
     * The account's CONNS on both subjects, under one id, with the count {@code connections} the change left (taken
     * when it happened, as nats-server does, not when the system thread gets to it); the heartbeat runs while it
     * has clients.
     */
    private void connections(Account account, int connections) {
        publishConnections(account, connections, "$SYS.SERVER.ACCOUNT." + account.name() + ".CONNS",
                "$SYS.ACCOUNT." + account.name() + ".SERVER.CONNS");
        ScheduledTask running = heartbeats.remove(account);
        if (running != null) {
            running.cancel();
        }
        if (connections > 0) {
            heartbeats.put(account, executor.schedule(
                    () -> queue.offer(() -> connections(account, account.connections())),
                    HEARTBEAT_NANOS, TimeUnit.NANOSECONDS));
        }
    }

    /** The account's CONNS to {@code subject} alone (a CONNS request's reply); on the system thread. */
    void connectionsTo(Account account, String subject) {
        publishConnections(account, account.connections(), subject);
    }

    private void publishConnections(Account account, int connections, String... subjects) {
        String id = EventIds.next();
        Instant now = Instant.now();
        TrafficCounters traffic = account.traffic();
        DataStats sent = new DataStats(traffic.outMessages(), traffic.outBytes());
        DataStats received = new DataStats(traffic.inMessages(), traffic.inBytes());
        long slow = account.slowConsumers();
        for (String subject : subjects) {
            queue.publish(subject, null, server -> messages.accountConnections(new AccountConnections(id, now,
                    server, account.name(), connections, 0, connections, sent, received, slow)));
        }
    }

    /** The client as nats-server's events describe it: no server id, a stop time once it closed. */
    private static ClientInfo describe(ConnectionView client, Instant stop) {
        ConnectDetails details = client.connectDetails();
        Instant start = Instant.now().minusNanos(client.clockNanos() - client.startNanos());
        return new ClientInfo(start, client.remoteHost(), client.id(), client.accountName(),
                client.authenticatedUser(), details.name(), details.lang(), details.version(),
                stop == null ? 0 : client.rttNanos(), null, "Client", "nats", stop);
    }

    private boolean isGlobal(ConnectionView client) {
        return client.accountName().equals(server.globalAccount().name());
    }

    /** Stops the heartbeats; on the system client's thread. */
    void stop() {
        heartbeats.values().forEach(ScheduledTask::cancel);
        heartbeats.clear();
    }
}
