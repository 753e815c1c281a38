package io.natrium.application.session;

import io.natrium.application.account.Account;
import io.natrium.application.account.ClientSubscription;
import io.natrium.application.account.DeliveryProfile;
import io.natrium.application.account.DeliveryTarget;
import io.natrium.application.port.CloseReason;
import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.TlsHandshake;
import io.natrium.application.port.TlsState;
import io.natrium.application.settings.TlsSettings;
import io.natrium.domain.auth.CertificateIdentity;
import io.natrium.application.port.in.ClientSession;
import io.natrium.application.port.in.ConnectRequest;
import io.natrium.application.port.in.ProtocolError;
import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.application.server.ClosedConnection;
import io.natrium.application.server.ConnectDetails;
import io.natrium.application.server.RegisteredClient;
import io.natrium.application.server.ServerConfiguration;
import io.natrium.application.server.ServerContext;
import io.natrium.application.settings.ServerSettings;
import io.natrium.domain.HotPath;
import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.auth.ConnectionType;
import io.natrium.domain.auth.JwtGrant;
import io.natrium.domain.permission.ClientPermissions;
import io.natrium.domain.subject.SubjectView;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection as the transport drives it: the facade that takes each operation and hands it to the part
 * that owns it ({@link ClientAuthentication}, {@link PublishPath}, {@link SubscriptionTable}, {@link KeepAlive},
 * {@link ConnectionCounters}), and the lifecycle that ties them together: greeting, CONNECT, closing. Everything runs
 * on the connection's own thread; other threads reach the connection only through its {@link DeliveryTarget} and the
 * read-only {@link ConnectionView}. Its length (about 500 lines) is the width of the two interfaces it implements,
 * some thirty methods of a few lines that each hand over to a part; the logic lives in the parts.
 */
@HotPath
public final class ClientConnection implements ClientSession, RegisteredClient {

    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);
    private static final String UNKNOWN_OPERATION = "Unknown Protocol Operation";

    private final ServerContext server;
    private final ProtocolTracer tracer;
    private final ClientOutbound outbound;
    private final SessionExecutor executor;
    private final ConnectionType type;
    private final long id;
    private final String remoteHost;
    private final int remotePort;
    private final long startNanos;
    private final ClientOptions options = new ClientOptions();
    private final ClientLogPrefix logPrefix;
    /** Credentials the transport found outside CONNECT (WebSocket cookies), used where CONNECT has none. */
    private final ClientCredentials cookies;
    private final ConnectionCounters counters;
    private final KeepAlive keepAlive;
    private final ClientAuthentication authentication;
    private final SubscriptionTable subscriptions;
    private final DeliveryTarget target;
    private final PublishPath publishPath;
    // Changes only at CONNECT and reload, on the connection's thread; monitoring reads it from other threads.
    private volatile Account account;
    /** The account this connection counts in, once it joined one: only that one is left at the close. */
    private Account joined;
    private boolean firstPongSent;
    /** Waiting, input held, for the transport to report the closes that had arrived before it is judged. */
    private boolean settling;
    private boolean closed;
    private boolean transportGone;
    private volatile ConnectDetails connectDetails = ConnectDetails.NONE;
    private volatile TlsState tlsState;
    /** What the client's user JWT granted (operator mode); null otherwise. */
    private volatile JwtGrant jwtGrant;

    ClientConnection(ServerContext server, ClientOutbound outbound, SessionExecutor executor, ConnectionType type,
            long id, String remoteHost, int remotePort) {
        this(server, outbound, executor, type, id, remoteHost, remotePort, ClientCredentials.none(), null);
    }

    ClientConnection(ServerContext server, ClientOutbound outbound, SessionExecutor executor, ConnectionType type,
            long id, String remoteHost, int remotePort, ClientCredentials cookies, String forwardedFor) {
        this.server = server;
        this.tracer = server.tracer();
        this.outbound = outbound;
        this.executor = executor;
        this.type = type;
        this.id = id;
        this.remoteHost = remoteHost;
        this.remotePort = remotePort;
        this.account = server.globalAccount();
        this.startNanos = executor.nanoTime();
        this.logPrefix = new ClientLogPrefix(remoteHost, remotePort, id, type == ConnectionType.WEBSOCKET,
                forwardedFor);
        this.cookies = cookies;
        this.counters = new ConnectionCounters(startNanos);
        this.keepAlive = new KeepAlive(this, outbound, executor, startNanos);
        this.authentication = new ClientAuthentication(this, outbound, executor, server);
        this.subscriptions = new SubscriptionTable(this, executor, tracer);
        this.target = new DeliveryTarget(id, outbound, executor, subscriptions);
        this.publishPath = new PublishPath(this, outbound, executor, tracer, counters, account);
    }

    /**
     * Greets the client with INFO, or turns it away when the server is full; then starts the keep-alive. A server
     * that looks full first lets the transport report the closes that have already arrived ({@link #greet}).
     */
    void open() {
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

    /** Sends INFO and admits the client, or turns it away with {@code maximum connections exceeded}. */
    private void greet() {
        boolean held = settling;
        settling = false;
        if (transportGone) {
            // Gone while the others' closes were being reported.
            return;
        }
        ServerConfiguration configuration = server.configuration();
        outbound.sendInfo(authentication.infoFor(configuration.info()).forClient(id, remoteHost)
                .withNonce(authentication.nonce()));
        int maxConnections = configuration.settings().maxConnections();
        if (maxConnections < 0 || !server.clients().addWithin(this, maxConnections)) {
            LOG.error("{} - maximum connections exceeded", this);
            closeWithError("maximum connections exceeded", CloseReason.MAX_CONNECTIONS_EXCEEDED);
            return;
        }
        // Like nats-server, every client is in the global account until CONNECT says otherwise; it is not limited.
        account.join();
        joined = account;
        server.events().accountJoined(account);
        outbound.flush();
        authentication.start();
        keepAlive.start();
        LOG.debug("{} - Client connection created", this);
        if (held) {
            outbound.resumeInput();
        }
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
        return keepAlive.rttNanos();
    }

    @Override
    public long inMessages() {
        return counters.inMessages();
    }

    @Override
    public long inBytes() {
        return counters.inBytes();
    }

    @Override
    public long outMessages() {
        return target.outMessages();
    }

    @Override
    public long outBytes() {
        return target.outBytes();
    }

    @Override
    public long startNanos() {
        return startNanos;
    }

    @Override
    public long lastActivityNanos() {
        return Math.max(counters.lastActivityNanos(), target.lastDeliveryNanos());
    }

    @Override
    public long stalls() {
        return counters.stalls();
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
        return account.name();
    }

    @Override
    public String authenticatedUser() {
        return options.nkey.isEmpty() ? orCookie(options.user, cookies.user()) : options.nkey;
    }

    @Override
    public TlsState tlsState() {
        return tlsState;
    }

    @Override
    public long clockNanos() {
        return executor.nanoTime();
    }

    /** The server's max_payload, or the account's when that is lower. */
    @Override
    public int maxPayload() {
        int limit = Limits.lower(settings().maxPayload(), account.limits().maxPayload());
        JwtGrant grant = jwtGrant;
        return grant == null ? limit : Limits.lower(limit, Limits.ofJwt(grant.payload()));
    }

    /** The most subscriptions: the server's, the account's and the user JWT's, whichever is lowest. */
    int maxSubscriptions() {
        int limit = Limits.lower(settings().maxSubscriptions(), account.limits().maxSubscriptions());
        JwtGrant grant = jwtGrant;
        return grant == null ? limit : Limits.lower(limit, Limits.ofJwt(grant.subscriptions()));
    }

    JwtGrant jwtGrant() {
        return jwtGrant;
    }

    void jwtGranted(JwtGrant grant) {
        jwtGrant = grant;
    }

    @Override
    public int maxControlLine() {
        return settings().maxControlLine();
    }

    @Override
    public boolean acceptsHeaders() {
        return target.profile().headers();
    }

    @Override
    public boolean admitBeforeConnect() {
        return authentication.admitBeforeConnect();
    }

    @Override
    public boolean awaitsAuthentication() {
        // Also while the server, full, waits for closes to be reported before judging this client: nothing it sent
        // is acted on before it is admitted.
        return settling || authentication.deciding();
    }

    @Override
    public boolean isClosed() {
        return closed;
    }

    @Override
    public void connect(ConnectRequest request) {
        if (closed) {
            return;
        }
        boolean first = !authentication.connectReceived();
        authentication.connectArrived();
        options.apply(request);
        if (first) {
            logPrefix.describe(options);
        }
        target.profile(target.profile().withHeaders(server.headersSupported() && options.headers));
        long now = executor.nanoTime();
        keepAlive.connectReceived(now - startNanos);
        counters.active(now);
        connectDetails = options.details();
        authentication.authenticate(credentials(), this::admitted);
    }

    /** The options changed after CONNECT (a user found from the certificate): monitoring shows them. */
    void optionsChanged() {
        connectDetails = options.details();
    }

    /** The rest of a CONNECT, once the client is in. */
    private void admitted() {
        if (!options.account.isEmpty() || options.newAccount) {
            authentication.failed(CloseReason.AUTHENTICATION_VIOLATION);
            return;
        }
        if (options.protocol < 0 || options.protocol > 1) {
            closeWithError("invalid client protocol", CloseReason.BAD_CLIENT_PROTOCOL_VERSION);
            return;
        }
        if (options.noResponders && !target.profile().headers()) {
            closeWithError("no responders requires headers support", CloseReason.NO_RESPONDERS_REQUIRES_HEADERS);
            return;
        }
        keepAlive.armFirstPing();
        if (options.verbose) {
            publishPath.queueOk();
        }
        server.events().clientConnected(this);
    }

    @Override
    public void checkPublishSubject(SubjectView subject) {
        if (options.pedantic && !subject.isValidLiteral()) {
            publishPath.queueError("Invalid Publish Subject");
        }
    }

    @Override
    public void publish(InboundMessage message) {
        if (!closed) {
            publishPath.publish(message, account, target);
        }
    }

    /**
     * A message of the server's own client: published and flushed at once, without adding to the server's traffic
     * counters (nats-server counts what its read loops read, and an internal client has none).
     */
    void publishInternal(InboundMessage message) {
        if (!closed) {
            publishPath.publish(message, account, target);
            publishPath.endBatch();
        }
    }

    @Override
    public void subscribe(String subject, String queue, String sid) {
        if (closed) {
            return;
        }
        counters.subscriptionChanged();
        if (subscriptions.subscribe(subject, queue, sid, target) && options.verbose) {
            publishPath.queueOk();
        }
    }

    @Override
    public void unsubscribe(String sid, long max) {
        if (closed) {
            return;
        }
        counters.subscriptionChanged();
        if (options.verbose) {
            publishPath.queueOk();
        }
        subscriptions.unsubscribe(sid, max);
    }

    @Override
    public void ping() {
        if (closed) {
            return;
        }
        outbound.sendPong();
        publishPath.outputQueued();
        keepAlive.heardFrom(executor.nanoTime());
        if (authentication.connectReceived() && !firstPongSent) {
            firstPongSent = true;
            if (options.protocol >= 1) {
                outbound.sendInfo(server.info().forClient(id, remoteHost).asConnectInfo(account.name(), false));
            }
        }
    }

    @Override
    public void pong() {
        keepAlive.pong();
    }

    @Override
    public void clientError(String text) {
        LOG.error("{} - Client Error {}", this, text);
        closeQuietly(CloseReason.PARSE_ERROR);
    }

    @Override
    public void protocolError(ProtocolError error, String detail) {
        switch (error) {
            case UNKNOWN_OPERATION -> {
                closeWithError(UNKNOWN_OPERATION, CloseReason.PROTOCOL_VIOLATION);
                LOG.error("{} - {}", this, detail);
            }
            case MAX_CONTROL_LINE_EXCEEDED -> {
                closeWithError("maximum control line exceeded", CloseReason.MAX_CONTROL_LINE_EXCEEDED);
                LOG.error("{} - {}", this, detail);
            }
            case OPERATION_BEFORE_CONNECT -> authentication.failed(CloseReason.AUTHENTICATION_VIOLATION);
            case MAX_PAYLOAD_EXCEEDED -> {
                LOG.error("{} - {}", this, detail);
                closeWithError("Maximum Payload Violation", CloseReason.MAX_PAYLOAD_EXCEEDED);
            }
            default -> {
                LOG.error("{} - {}", this, detail);
                closeQuietly(CloseReason.PROTOCOL_VIOLATION);
            }
        }
    }

    @Override
    public void readBatchComplete() {
        long now = executor.nanoTime();
        if (counters.endBatch(server.statistics().traffic(), account.traffic(), now)) {
            keepAlive.heardFrom(now);
        }
        if (publishPath.endBatch()) {
            counters.stalled();
            server.statistics().stall();
        }
    }

    @Override
    public void tlsHandshake(TlsHandshake step) {
        if (step instanceof TlsHandshake.Started) {
            LOG.debug("{} - Starting TLS client connection handshake", this);
        } else if (step instanceof TlsHandshake.Completed completed) {
            tlsState = completed.state();
            if (!pinned(tlsState)) {
                if (!closed) {
                    LOG.error("{} - TLS handshake error: certificate not pinned", this);
                    closeQuietly(CloseReason.TLS_HANDSHAKE_ERROR);
                }
                return;
            }
            LOG.debug("{} - TLS handshake complete", this);
            LOG.debug("{} - TLS version {}, cipher suite {}", this, tlsState.version(), tlsState.cipherSuite());
        } else if (step instanceof TlsHandshake.Failed failed && !closed) {
            LOG.error("{} - TLS handshake error: {}", this, failed.error());
            closeQuietly(CloseReason.TLS_HANDSHAKE_ERROR);
        }
    }

    @Override
    public void transportClosed(CloseReason reason) {
        if (transportGone) {
            return;
        }
        transportGone = true;
        closed = true;
        keepAlive.stop();
        authentication.stopTimer();
        // Captured before the subscriptions go, recorded once the connection has left the open ones.
        ClosedConnection record = ClosedConnection.capture(this, reason, subscriptions.all());
        List<ClientSubscription> removed = subscriptions.removeAll();
        server.clients().remove(this);
        if (joined != null) {
            leave(joined);
            joined = null;
        }
        server.closedConnections().add(record);
        if (reason == CloseReason.STALE_CONNECTION) {
            server.statistics().staleConnection();
        }
        if (reason.dropsPendingData()) {
            server.statistics().slowConsumer();
            account.slowConsumer();
            LOG.info("{} - Slow Consumer Detected: {}", this, reason.text());
        }
        LOG.debug("{} - Client connection closed: {}", this, reason.text());
        server.events().clientClosed(this, reason);
        if (tracer.enabled() && !server.isShuttingDown()) {
            removed.forEach(subscriptions::traceRemoved);
        }
    }

    /**
     * Sends the lame-duck INFO to a client that takes asynchronous INFO. Called from the lame-duck thread, so the
     * check runs on the connection's own thread, where its options and flags live.
     */
    @Override
    public void announceLameDuckMode() {
        executor.execute(() -> {
            if (options.protocol >= 1 && firstPongSent && !closed) {
                outbound.sendInfo(server.info().withLameDuckMode().forClient(id, remoteHost));
                outbound.flush();
            }
        });
    }

    /** Closes from another thread, e.g. at shutdown. */
    @Override
    public void closeFromServer(CloseReason reason) {
        executor.execute(() -> closeQuietly(reason));
    }

    /** Turns the client away because a reload lowered max_connections below the number of clients. */
    @Override
    public void closeForMaxConnections() {
        executor.execute(() -> closeWithError("maximum connections exceeded", CloseReason.MAX_CONNECTIONS_EXCEEDED));
    }

    /**
     * Runs on the connection's thread after a reload: a client whose user is gone or now in another account is
     * closed, one whose credentials no longer pass gets {@code Authorization Violation}, and the others get their
     * new permissions, losing the subscriptions those no longer allow.
     */
    @Override
    public void settingsReloaded() {
        executor.execute(() -> {
            if (!closed) {
                authentication.reloaded(credentials(), () -> {
                    subscriptions.removeNoLongerAllowed(target.profile().permissions());
                    publishPath.flush();
                });
            }
        });
    }

    /**
     * nats-server's log prefix for this client: {@code 127.0.0.1:54321 - cid:5}, and after the first CONNECT the
     * client's version, language and name as it gave them, e.g. {@code 127.0.0.1:54321 - cid:5 - "v2.24.1:java:app"}.
     */
    @Override
    public String toString() {
        return logPrefix.toString();
    }

    // --- for the parts of the connection, on its own thread ---

    ServerContext server() {
        return server;
    }

    /** The current settings: a reload may change the limits while the connection is open. */
    ServerSettings settings() {
        return server.settings();
    }

    ClientOptions options() {
        return options;
    }

    Account account() {
        return account;
    }

    DeliveryTarget deliveryTarget() {
        return target;
    }

    DeliveryProfile deliveryProfile() {
        return target.profile();
    }

    ConnectionCounters counters() {
        return counters;
    }

    String authUserForLog() {
        return ClientLogPrefix.authUser(options);
    }

    /** The account's new permissions for this client; null when unrestricted. */
    void permissions(ClientPermissions permissions) {
        target.profile(target.profile().withPermissions(permissions));
    }

    /** Moves the connection into the account it authenticated for, which it has joined, out of the one it was in. */
    void moveTo(Account home) {
        if (joined != null) {
            leave(joined);
        }
        account = home;
        joined = home;
        publishPath.accountChanged(home);
        server.events().accountJoined(home);
    }

    /** nats-server reports a client leaving any account but the global one, where every client starts. */
    private void leave(Account left) {
        left.leave();
        if (left != server.globalAccount()) {
            server.events().accountLeft(left);
        }
    }

    /**
     * Makes this the server's own client in {@code home}, the system account: nats-server's internal client of kind
     * SYSTEM. It gets no INFO, has no socket, keep-alive or authentication, is not registered among the clients
     * (/connz does not show it) nor counted in its account's connections, takes headers, and never receives what it
     * publishes itself.
     */
    void openInternal(Account home) {
        account = home;
        publishPath.accountChanged(home);
        options.verbose = false;
        options.pedantic = false;
        options.echo = false;
        options.headers = true;
        target.profile(target.profile().withHeaders(true));
        authentication.admitInternal();
    }

    void sendError(String text) {
        publishPath.queueError(text);
    }

    /** Sends {@code -ERR}, flushes everything queued this read, then closes. */
    void closeWithError(String text, CloseReason reason) {
        if (closed) {
            return;
        }
        publishPath.queueError(text);
        closeQuietly(reason);
    }

    void closeQuietly(CloseReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        publishPath.flush();
        outbound.close(reason);
    }

    /** What CONNECT gave, each missing user, password, token or JWT taken from the cookies (nats-server's order). */
    ClientCredentials credentials() {
        return new ClientCredentials(orCookie(options.user, cookies.user()),
                orCookie(options.pass, cookies.password()), orCookie(options.authToken, cookies.authToken()),
                options.nkey, options.sig, orCookie(options.jwt, cookies.jwt()), certificate())
                .withClientIp(remoteHost);
    }

    private static String orCookie(String given, String cookie) {
        return given == null || given.isEmpty() ? cookie : given;
    }

    /** What the client's own certificate says of it, for {@code verify_and_map}; null without one. */
    private CertificateIdentity certificate() {
        TlsState state = tlsState;
        if (state == null || state.peerCertificates().isEmpty()) {
            return null;
        }
        return state.peerCertificates().get(0).identity();
    }

    /**
     * nats-server's {@code matchesPinnedCert}: with {@code pinned_certs}, the client's own certificate must have one
     * of the pinned public keys (hex SHA-256 of its SubjectPublicKeyInfo).
     */
    private boolean pinned(TlsState state) {
        TlsSettings tls = server.settings().tls();
        if (tls == null || tls.verify().pinnedCerts().isEmpty()) {
            return true;
        }
        if (state.peerCertificates().isEmpty()) {
            LOG.debug("{} - Failed pinned cert test as client did not provide a certificate", this);
            return false;
        }
        String keyId = state.peerCertificates().get(0).spkiSha256();
        if (!tls.verify().pinnedCerts().contains(keyId)) {
            LOG.debug("{} - Failed pinned cert test for key id: {}", this, keyId);
            return false;
        }
        return true;
    }
}
