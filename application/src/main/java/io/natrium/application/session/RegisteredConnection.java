package io.natrium.application.session;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.TlsState;
import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.application.server.ConnectDetails;
import io.natrium.application.server.RegisteredClient;
import io.natrium.domain.auth.ConnectionType;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection as the rest of the server sees it from other threads: in the registry of open clients, in monitoring,
 * in the system account's events and requests. Its getters read only what the connection publishes for other
 * threads (final fields, volatiles, counters, the outbound's pending bytes under its lock) and never ask the
 * connection's thread for anything; its requests act nowhere but on that thread, where they are handed.
 */
final class RegisteredConnection implements RegisteredClient {

    // One logger for everything a client connection logs, as log configurations name it.
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private final ClientConnection connection;
    private final SessionExecutor executor;
    private final ClientOutbound outbound;
    private final ConnectionType type;
    private final long id;
    /** The socket's peer, until a PROXY protocol header names the client behind it (set once, before CONNECT). */
    private volatile String remoteHost;
    private volatile int remotePort;
    private final long startNanos;
    private volatile ConnectDetails connectDetails = ConnectDetails.NONE;

    RegisteredConnection(ClientConnection connection, SessionExecutor executor, ClientOutbound outbound,
            ConnectionType type, long id, String remoteHost, int remotePort) {
        this.connection = connection;
        this.executor = executor;
        this.outbound = outbound;
        this.type = type;
        this.id = id;
        this.remoteHost = remoteHost;
        this.remotePort = remotePort;
        this.startNanos = executor.nanoTime();
    }

    /** The client a proxy spoke for; called on the connection's thread. */
    void proxiedFrom(String host, int port) {
        this.remotePort = port;
        this.remoteHost = host;
    }

    /** What monitoring shows of the client's CONNECT; replaced whole on the connection's thread. */
    void connectDetails(ConnectDetails details) {
        this.connectDetails = details;
    }

    @Override
    public long id() {
        return id;
    }

    @Override
    public String remoteHost() {
        return remoteHost;
    }

    @Override
    public int remotePort() {
        return remotePort;
    }

    @Override
    public ConnectionType connectionType() {
        return type;
    }

    @Override
    public long rttNanos() {
        return connection.keepAlive().rttNanos();
    }

    @Override
    public long inMessages() {
        return connection.counters().inMessages();
    }

    @Override
    public long inBytes() {
        return connection.counters().inBytes();
    }

    @Override
    public long outMessages() {
        return connection.deliveryTarget().outMessages();
    }

    @Override
    public long outBytes() {
        return connection.deliveryTarget().outBytes();
    }

    @Override
    public long startNanos() {
        return startNanos;
    }

    @Override
    public long lastActivityNanos() {
        return Math.max(connection.counters().lastActivityNanos(), connection.deliveryTarget().lastDeliveryNanos());
    }

    @Override
    public long stalls() {
        return connection.counters().stalls();
    }

    @Override
    public long pendingBytes() {
        return outbound.pendingBytes();
    }

    @Override
    public ConnectDetails connectDetails() {
        return connectDetails;
    }

    @Override
    public String accountName() {
        return connection.account().name();
    }

    @Override
    public String authenticatedUser() {
        return connection.presented().authenticatedUser();
    }

    @Override
    public TlsState tlsState() {
        return connection.presented().tlsState();
    }

    @Override
    public long clockNanos() {
        return executor.nanoTime();
    }

    /** Called from the lame-duck thread: the client's options and flags are looked at on its own thread. */
    @Override
    public void announceLameDuckMode() {
        executor.execute(connection::announceLameDuckMode);
    }

    @Override
    public void settingsReloaded() {
        executor.execute(() -> connection.settingsReloaded(true));
    }

    @Override
    public void accountJwtsChanged() {
        executor.execute(() -> connection.settingsReloaded(false));
    }

    /** Turns the client away because a reload lowered max_connections below the number of clients. */
    @Override
    public void closeForMaxConnections() {
        executor.execute(() -> connection.closeWithError("maximum connections exceeded",
                CloseReason.MAX_CONNECTIONS_EXCEEDED));
    }

    /** Turns the client away as nats-server's {@code maxAccountConnExceeded}: an error line and the -ERR. */
    @Override
    public void closeForMaxAccountConnections() {
        executor.execute(() -> {
            LOG.error("{} - maximum account active connections exceeded", connection);
            connection.closeWithError("maximum account active connections exceeded",
                    CloseReason.MAX_ACCOUNT_CONNECTIONS_EXCEEDED);
        });
    }

    /** Closes from another thread, e.g. at shutdown. */
    @Override
    public void closeFromServer(CloseReason reason) {
        executor.execute(() -> connection.closeQuietly(reason));
    }

    @Override
    public String toString() {
        return connection.toString();
    }
}
