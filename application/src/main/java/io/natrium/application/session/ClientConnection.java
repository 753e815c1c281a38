package io.natrium.application.session;

import io.natrium.application.account.Account;
import io.natrium.application.account.DeliveryProfile;
import io.natrium.application.account.DeliveryTarget;
import io.natrium.application.port.CloseReason;
import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.ProxyHeader;
import io.natrium.application.port.TlsHandshake;
import io.natrium.application.port.in.ClientSession;
import io.natrium.application.port.in.ConnectRequest;
import io.natrium.application.port.in.ProtocolError;
import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.port.out.ServerInfo;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.application.server.ServerContext;
import io.natrium.application.settings.ServerSettings;
import io.natrium.domain.HotPath;
import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.auth.ConnectionType;
import io.natrium.domain.permission.ClientPermissions;
import io.natrium.domain.subject.SubjectView;

/**
 * One client connection as the transport drives it: a facade that takes each {@link ClientSession} operation on the
 * connection's thread, hands it to the part that owns it, and ties the parts together at the close. The transport
 * sees one object while each rule has one home: admission ({@link ClientAdmission}: INFO, max_connections, the
 * account counted in), identity ({@link PresentedCredentials} gathers CONNECT, cookies and certificate,
 * {@link ClientTlsHandshake} checks the handshake, {@link ClientAuthentication} decides), traffic
 * ({@link PublishPath}, {@link SubscriptionTable}), liveness ({@link KeepAlive}) and accounting
 * ({@link ConnectionCounters}, {@link ClientLimits}), protocol mistakes ({@link ProtocolErrors}), the PROXY protocol's
 * address ({@link ProxiedAddress}) and the end ({@link ConnectionEnd}). Other threads reach it only through its
 * {@link DeliveryTarget} (publishers) and its {@link RegisteredConnection} (registry, monitoring, events). Its length
 * is the width of {@link ClientSession}: some twenty operations of a few lines each.
 */
@HotPath
public final class ClientConnection implements ClientSession {

    private final ServerContext server;
    private final ProtocolTracer tracer;
    private final ClientOutbound outbound;
    private final SessionExecutor executor;
    private final ClientOptions options = new ClientOptions();
    private final ClientLogPrefix logPrefix;
    private final RegisteredConnection registered;
    private final PresentedCredentials presented;
    private final ClientTlsHandshake tls;
    private final ConnectionCounters counters;
    private final KeepAlive keepAlive;
    private final ClientAuthentication authentication;
    private final ClientAdmission admission;
    private final AsynchronousInfo asynchronousInfo;
    private final SubscriptionTable subscriptions;
    private final DeliveryTarget target;
    private final PublishPath publishPath;
    private final ClientLimits limits = new ClientLimits(this);
    // Changes only at CONNECT and reload, on the connection's thread; monitoring reads it from other threads.
    private volatile Account account;
    private boolean closed;
    private boolean transportGone;

    ClientConnection(ServerContext server, ClientOutbound outbound, SessionExecutor executor, ConnectionType type,
            long id, String remoteHost, int remotePort, ClientCredentials cookies, String forwardedFor) {
        this.server = server;
        this.tracer = server.tracer();
        this.outbound = outbound;
        this.executor = executor;
        this.account = server.globalAccount();
        this.registered = new RegisteredConnection(this, executor, outbound, type, id, remoteHost, remotePort);
        long startNanos = registered.startNanos();
        this.logPrefix = new ClientLogPrefix(remoteHost, remotePort, id, type,
                forwardedFor);
        this.presented = new PresentedCredentials(options, cookies, remoteHost);
        this.tls = new ClientTlsHandshake(this, server, presented);
        this.counters = new ConnectionCounters(startNanos);
        this.keepAlive = new KeepAlive(this, outbound, executor, startNanos);
        this.authentication = new ClientAuthentication(this, outbound, executor, server);
        this.admission = new ClientAdmission(this, server, outbound, executor, authentication, keepAlive);
        this.asynchronousInfo = new AsynchronousInfo(server, outbound, options, registered);
        this.subscriptions = new SubscriptionTable(this, executor, tracer);
        this.target = new DeliveryTarget(id, outbound, executor, subscriptions);
        this.publishPath = new PublishPath(this, outbound, executor, tracer, counters, account);
    }

    /**
     * Greets the client, or turns it away when the server is full ({@link ClientAdmission#open}); {@code greeting}
     * is the INFO the transport already sent it, or null.
     */
    void open(ServerInfo greeting) {
        admission.open(greeting);
    }

    /** The largest payload: the user JWT's, the account's and the server's, whichever is lowest. */
    @Override
    public int maxPayload() {
        return limits.maxPayload();
    }

    ClientLimits limits() {
        return limits;
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
        return admission.settling() || authentication.deciding();
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
        keepAlive.connectReceived(now - registered.startNanos());
        counters.active(now);
        registered.connectDetails(options.details());
        authentication.authenticate(credentials(), () -> ConnectCompletion.admitted(this, authentication));
    }

    /** The options changed after CONNECT (a user found from the certificate): monitoring shows them. */
    void optionsChanged() {
        registered.connectDetails(options.details());
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
        if (authentication.connectReceived()) {
            asynchronousInfo.pongSent(account.name());
        }
    }

    @Override
    public void pong() {
        keepAlive.pong();
    }

    @Override
    public void clientError(String text) {
        ProtocolErrors.clientError(this, text);
    }

    @Override
    public void protocolError(ProtocolError error, String detail) {
        ProtocolErrors.protocolError(this, authentication, error, detail);
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
        tls.step(step);
    }

    @Override
    public void proxyHeader(ProxyHeader header) {
        ProxiedAddress.apply(this, header);
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
        ConnectionEnd.record(this, subscriptions, admission, reason);
    }

    /** Sends the lame-duck INFO to a client that takes asynchronous INFO; on the connection's own thread. */
    void announceLameDuckMode() {
        if (!closed) {
            asynchronousInfo.lameDuckMode();
        }
    }

    /**
     * On the connection's thread after a reload: a client whose user is gone or now in another account is closed,
     * one whose credentials no longer pass gets {@code Authorization Violation}, and the others get their new
     * permissions, losing the subscriptions those no longer allow.
     *
     * @param settings whether the settings were reloaded (else account JWTs changed)
     */
    void settingsReloaded(boolean settings) {
        if (!closed) {
            authentication.reloaded(credentials(), settings, () -> {
                subscriptions.removeNoLongerAllowed(target.profile().permissions());
                publishPath.flush();
            });
        }
    }

    /**
     * nats-server's log prefix for this client: {@code 127.0.0.1:54321 - cid:5}, and after the first CONNECT the
     * client's version, language and name as it gave them, e.g. {@code 127.0.0.1:54321 - cid:5 - "v2.24.1:java:app"}.
     */
    @Override
    public String toString() {
        return logPrefix.toString();
    }

    // --- for the parts of the connection, on its own thread (and, for RegisteredConnection, from any thread) ---

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

    @Override
    public String accountName() {
        return account.name();
    }

    RegisteredConnection registered() {
        return registered;
    }

    PresentedCredentials presented() {
        return presented;
    }

    ConnectionType connectionType() {
        return registered.connectionType();
    }

    /** What the client presents now: CONNECT, cookies, certificate ({@link PresentedCredentials}). */
    ClientCredentials credentials() {
        return presented.credentials();
    }

    KeepAlive keepAlive() {
        return keepAlive;
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

    boolean transportGone() {
        return transportGone;
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
        admission.leave();
        account = home;
        publishPath.accountChanged(home);
        admission.joined(home);
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
        options.internal();
        target.profile(target.profile().withHeaders(true));
        authentication.admitInternal();
    }

    void sendOk() {
        publishPath.queueOk();
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
}
