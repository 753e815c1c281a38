package io.natrium.application.session;

import io.natrium.application.account.Account;
import io.natrium.application.port.CloseReason;
import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.port.out.ServerInfo;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.application.server.ServerConfiguration;
import io.natrium.application.server.ServerContext;
import io.natrium.domain.auth.ConnectionType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How a connection comes in and counts: greeted with INFO and admitted within {@code max_connections} or turned
 * away, its authentication timer and keep-alive started, and the account it counts in joined, and left at the close
 * (only one it joined: a client turned away never counted). Confined to the connection's thread.
 */
final class ClientAdmission {

    // One logger for everything a client connection logs, as log configurations name it.
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private final ClientConnection connection;
    private final ServerContext server;
    private final ClientOutbound outbound;
    private final SessionExecutor executor;
    private final ClientAuthentication authentication;
    private final KeepAlive keepAlive;
    /** Waiting, input held, for the transport to report the closes that had arrived before it is judged. */
    private boolean settling;
    /** The account this connection counts in, once it joined one: only that one is left at the close. */
    private Account joined;
    /** The INFO the transport sent this client while the server was starting; null when it is greeted here. */
    private ServerInfo alreadySent;

    ClientAdmission(ClientConnection connection, ServerContext server, ClientOutbound outbound,
            SessionExecutor executor, ClientAuthentication authentication, KeepAlive keepAlive) {
        this.connection = connection;
        this.server = server;
        this.outbound = outbound;
        this.executor = executor;
        this.authentication = authentication;
        this.keepAlive = keepAlive;
    }

    /**
     * Greets the client with INFO, or turns it away when the server is full; then starts the keep-alive. A server
     * that looks full first lets the transport report the closes that have already arrived ({@link #greet}).
     * {@code greeting} is the INFO the transport already sent the client, or null.
     */
    void open(ServerInfo greeting) {
        alreadySent = greeting;
        // nats-server counts every connection it greets (totalClients, /varz total_connections), including one it
        // then turns away for max_connections.
        server.statistics().connectionOpened();
        if (server.clients().full(server.settings().maxConnections())) {
            // One of the clients counted may have closed its socket a moment ago, unseen so far by its connection's
            // thread: a readiness probe that connects and closes at once, just before the real client connects.
            // nats-server's read loop sees such an end at once; here the thread of that connection may be busy, or
            // not have polled its sockets yet. So this client waits until every close that has reached the
            // transport has been reported, reading nothing meanwhile, and is judged then.
            settling = true;
            outbound.holdInput();
            executor.afterArrivedEvents(this::greet);
            return;
        }
        greet();
    }

    /** Whether the client waits, input held, to be judged against a full server: nothing it sent is acted on yet. */
    boolean settling() {
        return settling;
    }

    /** Sends INFO and admits the client, or turns it away with {@code maximum connections exceeded}. */
    private void greet() {
        boolean held = settling;
        settling = false;
        if (connection.transportGone()) {
            // Gone while the others' closes were being reported.
            return;
        }
        ServerConfiguration configuration = server.configuration();
        RegisteredConnection registered = connection.registered();
        // Behind a proxy the socket's peer is the proxy, whose address the client must not be told: nats-server
        // leaves client_ip out of the first INFO when the PROXY protocol is on.
        boolean proxied = registered.connectionType() == ConnectionType.STANDARD
                && configuration.settings().network().proxyProtocol();
        ServerInfo info = authentication.infoFor(configuration.info())
                .forClient(registered.id(), proxied ? null : registered.remoteHost())
                .withNonce(authentication.nonce());
        // A client greeted while the server was starting was told what the server tells it now; should anything
        // differ, it is told again, as nats-server tells its clients of changes (a client takes the latest INFO).
        // The null test first: a record's equals is bootstrapped at its first call, which for these 28 components
        // spins ~18 method-handle classes, 30 ms or more that the first client of a started server would wait.
        if (alreadySent == null || !info.equals(alreadySent)) {
            outbound.sendInfo(info);
        }
        alreadySent = null;
        int maxConnections = configuration.settings().maxConnections();
        if (maxConnections < 0 || !server.clients().addWithin(registered, maxConnections)) {
            LOG.error("{} - maximum connections exceeded", connection);
            connection.closeWithError("maximum connections exceeded", CloseReason.MAX_CONNECTIONS_EXCEEDED);
            return;
        }
        // Like nats-server, every client is in the global account until CONNECT says otherwise; it is not limited.
        Account global = connection.account();
        global.join();
        joined(global);
        outbound.flush();
        authentication.start();
        if (KeepAlive.pingsClient(connection.connectionType())) {
            keepAlive.start();
        }
        LOG.debug("{} - Client connection created", connection);
        if (held) {
            outbound.resumeInput();
        }
    }

    /** The connection now counts in {@code home}, which it has joined. */
    void joined(Account home) {
        joined = home;
        server.events().accountJoined(home);
    }

    /** Leaves the account the connection counts in, if it joined one. */
    void leave() {
        if (joined == null) {
            return;
        }
        joined.leave();
        // nats-server reports a client leaving any account but the global one, where every client starts.
        if (joined != server.globalAccount()) {
            server.events().accountLeft(joined);
        }
        joined = null;
    }
}
