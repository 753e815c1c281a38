package io.natrium.application.session;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.InboundMessage;
import io.natrium.application.port.in.ClientSession;
import io.natrium.application.port.in.ConnectRequest;
import io.natrium.application.port.in.ProtocolError;
import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.port.out.DeliveryOutcome;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.port.out.ScheduledTask;
import io.natrium.application.port.out.SessionExecutor;
import io.natrium.application.security.SecurityPolicy;
import io.natrium.application.settings.ServerSettings;
import io.natrium.domain.HotPath;
import io.natrium.domain.auth.AuthDecision;
import io.natrium.domain.auth.ClientCredentials;
import io.natrium.domain.auth.ConnectionType;
import io.natrium.domain.permission.ClientPermissions;
import io.natrium.domain.permission.GoQuote;
import io.natrium.domain.permission.PermissionViolation;
import io.natrium.domain.permission.Permissions;
import io.natrium.domain.permission.ReservedSubjects;
import io.natrium.domain.subject.Subject;
import io.natrium.domain.subject.SubjectView;
import io.natrium.domain.sublist.InvalidSubjectException;
import io.natrium.domain.sublist.MatchCache;
import io.natrium.domain.sublist.SublistResult;
import io.natrium.domain.transform.SubjectMappings;
import io.natrium.domain.transform.TransformBuffer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client connection: its CONNECT options, subscriptions, keep-alive and statistics, and the publish path that
 * matches a message and queues it for every subscriber. All methods run on the connection's own thread; the only
 * state other threads touch is the outbound, the subscriptions' delivery counters and the out-statistics.
 */
@HotPath
public final class ClientConnection implements ClientSession {

    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    /** nats-server pings a new client after at most two seconds, to learn its round-trip time early. */
    private static final long FIRST_PING_NANOS = TimeUnit.SECONDS.toNanos(2);
    private static final long RTT_MEASUREMENT_NANOS = TimeUnit.HOURS.toNanos(1);
    private static final String UNKNOWN_OPERATION = "Unknown Protocol Operation";

    private final ServerContext server;
    private final ProtocolTracer tracer;
    private final ClientOutbound outbound;
    private final SessionExecutor executor;
    private final long id;
    private final String remoteHost;
    private final int remotePort;
    private final long startNanos;
    private final ClientOptions options = new ClientOptions();
    private final Map<String, ClientSubscription> subscriptions = new HashMap<>();
    /** Sent in INFO for nkey users to sign; null when the configuration has none. */
    private final String nonce;
    // The account and permissions change only at CONNECT and reload, on the connection's thread; publishers on other
    // threads read them when they deliver to this connection.
    private volatile Account account;
    private volatile ClientPermissions permissions;
    private MatchCache<ClientSubscription> matchCache;
    private final FlushSet flushSet = new FlushSet();
    private final TransformBuffer transformBuffer = new TransformBuffer();
    private final CrossAccountDelivery.LocalDelivery crossing = new Crossing();
    private final TransformBuffer[] crossingBuffers = new TransformBuffer[CrossAccountDelivery.MAX_HOPS];
    private final LongAdder outMessages = new LongAdder();
    private final LongAdder outBytes = new LongAdder();

    private boolean connectReceived;
    private boolean awaitingAuthentication;
    private ScheduledTask authTimer;
    private boolean firstPongSent;
    private boolean headers;
    private boolean closed;
    private boolean transportGone;
    private boolean slowDownRequested;

    private long batchMessages;
    /** When the current read's first message came; subscribers it reaches count it as their last activity. */
    private long batchClockNanos;
    private long batchBytes;
    private long batchOutMessages;
    private long batchOutBytes;
    private int batchSubscriptionChanges;
    private volatile long inMessages;
    private volatile long inBytes;

    private ScheduledTask pingTask;
    private int pingsOut;
    private long lastInNanos;
    private long rttStartNanos;
    private boolean rttPingSent;
    private volatile long rttNanos;
    /** nats-server's client log prefix; other threads read it when they trace a delivery to this client. */
    private volatile String label;

    // Read by monitoring from other threads; written only on the connection's own thread, once per read at most.
    private volatile long lastActivityNanos;
    private volatile long stalls;
    private volatile ConnectDetails connectDetails = ConnectDetails.NONE;

    ClientConnection(ServerContext server, ClientOutbound outbound, SessionExecutor executor, long id,
            String remoteHost, int remotePort) {
        this.server = server;
        this.tracer = server.tracer();
        this.outbound = outbound;
        this.executor = executor;
        this.id = id;
        this.remoteHost = remoteHost;
        this.remotePort = remotePort;
        this.account = server.globalAccount();
        this.matchCache = new MatchCache<>(account.sublist());
        this.nonce = server.security().nextNonce();
        this.startNanos = executor.nanoTime();
        this.lastInNanos = startNanos;
        this.label = hostAndPort(remoteHost, remotePort) + " - cid:" + id;
        this.lastActivityNanos = startNanos;
    }

    /** Greets the client with INFO, or turns it away when the server is full; then starts the keep-alive. */
    void open() {
        // nats-server counts every connection it greets (totalClients, /varz total_connections), including one it
        // then turns away for max_connections.
        server.statistics().connectionOpened();
        outbound.sendInfo(server.info().forClient(id, remoteHost).withNonce(nonce));
        int maxConnections = settings().maxConnections();
        if (maxConnections < 0 || maxConnections > 0 && server.clients().size() >= maxConnections) {
            LOG.error("{} - maximum connections exceeded", this);
            closeWithError("maximum connections exceeded", CloseReason.MAX_CONNECTIONS_EXCEEDED);
            return;
        }
        // Like nats-server, every client is in the global account until CONNECT says otherwise; it is not limited.
        account.join();
        server.clients().add(this);
        outbound.flush();
        SecurityPolicy security = server.security();
        if (security.authRequired()) {
            awaitingAuthentication = true;
            authTimer = executor.schedule(this::authenticationTimedOut, security.authTimeout().toNanos(),
                    TimeUnit.NANOSECONDS);
        }
        // Until CONNECT the client gets the full interval; CONNECT arms the short first ping (nats-server's
        // setPingTimer at accept, setFirstPingTimer in processConnect).
        schedulePing(settings().pingInterval().toNanos());
        LOG.debug("{} - Client connection created", this);
    }

    public long id() {
        return id;
    }

    public String remoteHost() {
        return remoteHost;
    }

    public int remotePort() {
        return remotePort;
    }

    public long rttNanos() {
        return rttNanos;
    }

    public long inMessages() {
        return inMessages;
    }

    public long inBytes() {
        return inBytes;
    }

    public long outMessages() {
        return outMessages.sum();
    }

    public long outBytes() {
        return outBytes.sum();
    }

    /** When the connection was accepted, on its executor's clock. */
    public long startNanos() {
        return startNanos;
    }

    /** The last CONNECT, message or subscription change from the client, on its executor's clock. */
    public long lastActivityNanos() {
        return lastActivityNanos;
    }

    /** How often this client, publishing, was paused because a subscriber could not keep up. */
    public long stalls() {
        return stalls;
    }

    /** Bytes queued for this client and not yet written; safe from any thread. */
    public long pendingBytes() {
        return outbound.pendingBytes();
    }

    /** What the client said about itself in CONNECT; empty before CONNECT. */
    public ConnectDetails connectDetails() {
        return connectDetails;
    }

    public String accountName() {
        return account.name();
    }

    /** Who the client authenticated as (user name or nkey); empty without authentication. */
    public String authenticatedUser() {
        return options.nkey.isEmpty() ? options.user : options.nkey;
    }

    /** Now, on the clock of the connection's executor (the clock its start and activity times are on). */
    public long clockNanos() {
        return executor.nanoTime();
    }

    /** The server's max_payload, or the account's when that is lower. */
    @Override
    public int maxPayload() {
        return lowerLimit(settings().maxPayload(), account.limits().maxPayload());
    }

    @Override
    public int maxControlLine() {
        return settings().maxControlLine();
    }

    @Override
    public boolean acceptsHeaders() {
        return headers;
    }

    @Override
    public boolean acceptsOperationsBeforeConnect() {
        if (!awaitingAuthentication) {
            return true;
        }
        // nats-server lets a client without CONNECT in as the no_auth_user (e.g. a telnet session).
        if (closed || !server.security().letsInWithoutConnect()) {
            return false;
        }
        cancelAuthTimer();
        connectReceived = true;
        return authenticate(ClientCredentials.none());
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
        cancelAuthTimer();
        options.apply(request);
        if (!connectReceived) {
            label = label + clientDescription(options);
        }
        connectReceived = true;
        headers = server.headersSupported() && options.headers;
        long now = executor.nanoTime();
        rttNanos = Math.max(1, now - startNanos);
        lastActivityNanos = now;
        connectDetails = ConnectDetails.of(options);
        if (!authenticate(new ClientCredentials(options.user, options.pass, options.authToken, options.nkey,
                options.sig, options.jwt))) {
            return;
        }
        if (!options.account.isEmpty() || options.newAccount) {
            authenticationFailed(CloseReason.AUTHENTICATION_VIOLATION);
            return;
        }
        if (options.protocol < 0 || options.protocol > 1) {
            closeWithError("invalid client protocol", CloseReason.BAD_CLIENT_PROTOCOL_VERSION);
            return;
        }
        if (options.noResponders && !headers) {
            closeWithError("no responders requires headers support", CloseReason.NO_RESPONDERS_REQUIRES_HEADERS);
            return;
        }
        restartPingTimer(firstPingDelay());
        if (options.verbose) {
            sendOk();
        }
    }

    @Override
    public void checkPublishSubject(SubjectView subject) {
        if (options.pedantic && !subject.isValidLiteral()) {
            outbound.sendError("Invalid Publish Subject");
            flushSet.add(outbound);
        }
    }

    @Override
    public void publish(InboundMessage message) {
        if (closed) {
            return;
        }
        if (batchMessages++ == 0) {
            batchClockNanos = executor.nanoTime();
        }
        batchBytes += message.bodyLength();
        SubjectView subject = mapped(message.subject());
        ClientPermissions allowed = permissions;
        if (allowed != null && !allowed.canPublish(subject, executor.nanoTime())) {
            String text = subject.toString();
            LOG.error("{} - Publish Violation - {}, Subject {}", this, authUserForLog(), GoQuote.of(text));
            sendError(PermissionViolation.publish(text));
            return;
        }
        if (message.reply().length() > 0 && ReservedSubjects.isReservedReply(message.reply())) {
            String reply = message.reply().toString();
            LOG.error("{} - Publish Violation - {}, Reply {}", this, authUserForLog(), GoQuote.of(reply));
            sendError(PermissionViolation.publishWithReply(reply));
            return;
        }
        if (options.verbose) {
            sendOk();
        }
        if (subject.length() == 0) {
            return;
        }
        SublistResult<ClientSubscription> result = matchCache.match(subject);
        boolean delivered = !result.isEmpty() && deliverToAll(result, subject, message);
        if (CrossAccountDelivery.crosses(account)) {
            delivered |= CrossAccountDelivery.forward(account, subject, message, crossing);
        }
        if (!delivered && options.noResponders && message.reply().length() > 0) {
            answerNoResponders(subject, message);
        }
    }

    /**
     * The subject after the account's mappings, which nats-server applies before anything else looks at it
     * (permissions included). The result lives in this connection's buffer until the next message.
     */
    private SubjectView mapped(SubjectView subject) {
        SubjectMappings mappings = account.mappings();
        if (mappings.isEmpty() || !mappings.map(subject, transformBuffer)) {
            return subject;
        }
        SubjectView result = transformBuffer.subject();
        if (tracer.enabled()) {
            tracer.trace(this, "<<- [MAPPING " + subject + " -> " + result + "]");
        }
        return result;
    }

    @Override
    public void subscribe(String subject, String queue, String sid) {
        if (closed) {
            return;
        }
        batchSubscriptionChanges++;
        if (!maySubscribe(subject, queue)) {
            subscriptionViolation(subject, queue, sid);
            return;
        }
        int maxTokens = settings().maxSubTokens();
        if (maxTokens > 0 && Subject.tokenCount(subject) > maxTokens) {
            LOG.error("{} - Subscription Violation Too Many Tokens - {}, Subject {}, SID {}", this, authUserForLog(),
                    GoQuote.of(subject), sid);
            sendError(PermissionViolation.subscriptionTooManyTokens(subject));
            return;
        }
        int maxSubscriptions = lowerLimit(settings().maxSubscriptions(), account.limits().maxSubscriptions());
        if (maxSubscriptions > 0 && subscriptions.size() >= maxSubscriptions) {
            LOG.error("{} - maximum subscriptions exceeded", this);
            sendError("maximum subscriptions exceeded");
            return;
        }
        if (!subscriptions.containsKey(sid)) {
            Account home = account;
            ClientSubscription subscription = new ClientSubscription(this, home, subject, queue, sid);
            try {
                home.sublist().insert(subscription);
            } catch (InvalidSubjectException e) {
                sendError("Invalid Subject");
                return;
            }
            subscriptions.put(sid, subscription);
        }
        if (options.verbose) {
            sendOk();
        }
    }

    @Override
    public void unsubscribe(String sid, long max) {
        if (closed) {
            return;
        }
        batchSubscriptionChanges++;
        ClientSubscription subscription = subscriptions.get(sid);
        if (options.verbose) {
            sendOk();
        }
        if (subscription == null) {
            return;
        }
        if (max > 0 && max > subscription.delivered()) {
            subscription.setMax(max);
        } else {
            removeSubscription(subscription);
        }
    }

    @Override
    public void ping() {
        if (closed) {
            return;
        }
        outbound.sendPong();
        flushSet.add(outbound);
        lastInNanos = executor.nanoTime();
        if (connectReceived && !firstPongSent) {
            firstPongSent = true;
            if (options.protocol >= 1) {
                outbound.sendInfo(server.info().forClient(id, remoteHost).asConnectInfo(account.name(), false));
            }
        }
    }

    @Override
    public void pong() {
        pingsOut = 0;
        if (rttStartNanos != 0) {
            rttNanos = Math.max(1, executor.nanoTime() - rttStartNanos);
        }
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
            case OPERATION_BEFORE_CONNECT -> authenticationFailed(CloseReason.AUTHENTICATION_VIOLATION);
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
        if (batchMessages > 0) {
            inMessages += batchMessages;
            inBytes += batchBytes;
            server.statistics().traffic().addInbound(batchMessages, batchBytes);
            account.traffic().addInbound(batchMessages, batchBytes);
        }
        if (batchMessages > 0 || batchSubscriptionChanges > 0) {
            lastInNanos = executor.nanoTime();
            // A publisher and the subscribers it reached share one activity time, as in nats-server.
            lastActivityNanos = batchMessages > 0 ? batchClockNanos : lastInNanos;
        }
        if (batchOutMessages > 0) {
            server.statistics().traffic().addOutbound(batchOutMessages, batchOutBytes);
            account.traffic().addOutbound(batchOutMessages, batchOutBytes);
        }
        batchMessages = 0;
        batchBytes = 0;
        batchOutMessages = 0;
        batchOutBytes = 0;
        batchSubscriptionChanges = 0;
        flushSet.flushAll();
        if (slowDownRequested) {
            slowDownRequested = false;
            stalls++;
            server.statistics().stall();
            outbound.pauseReading(TimeUnit.MILLISECONDS.toNanos(2));
        }
    }

    @Override
    public void transportClosed(CloseReason reason) {
        if (transportGone) {
            return;
        }
        transportGone = true;
        closed = true;
        if (pingTask != null) {
            pingTask.cancel();
            pingTask = null;
        }
        cancelAuthTimer();
        // Captured before the subscriptions go, recorded once the connection has left the open ones.
        ClosedConnection record = ClosedConnection.capture(this, reason, subscriptions.values());
        List<ClientSubscription> gone = new ArrayList<>(subscriptions.values());
        subscriptions.clear();
        List<ClientSubscription> removed = new ArrayList<>(gone.size());
        for (ClientSubscription subscription : gone) {
            if (subscription.close()) {
                removed.add(subscription);
            }
        }
        removeFromSublists(gone);
        server.clients().remove(this);
        account.leave();
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
        if (tracer.enabled() && !server.isShuttingDown()) {
            removed.forEach(this::traceRemoved);
        }
    }

    /**
     * Sends the lame-duck INFO to a client that takes asynchronous INFO. Called from the lame-duck thread, so the
     * check runs on the connection's own thread, where its options and flags live.
     */
    void announceLameDuckMode() {
        executor.execute(() -> {
            if (options.protocol >= 1 && firstPongSent && !closed) {
                outbound.sendInfo(server.info().withLameDuckMode().forClient(id, remoteHost));
                outbound.flush();
            }
        });
    }

    /** Closes from another thread, e.g. at shutdown. */
    void closeFromServer(CloseReason reason) {
        executor.execute(() -> closeQuietly(reason));
    }

    /**
     * nats-server's log prefix for this client: {@code 127.0.0.1:54321 - cid:5}, and after the first CONNECT the
     * client's version, language and name as it gave them, e.g. {@code 127.0.0.1:54321 - cid:5 - "v2.24.1:java:app"}.
     */
    @Override
    public String toString() {
        return label;
    }

    /**
     * Decides who the client is and puts it in its account with its permissions; false when it was turned away
     * (and is closing). Without authentication configured every client is the anonymous user of the global account.
     */
    private boolean authenticate(ClientCredentials credentials) {
        AuthDecision decision = server.security().authenticator()
                .authenticate(credentials, ConnectionType.STANDARD, nonce);
        if (decision instanceof AuthDecision.Rejected rejected) {
            LOG.debug("{} - authentication refused: {}", this, rejected.reason().description());
            authenticationFailed(rejected.reason().closesAsProxyRequired()
                    ? CloseReason.PROXY_REQUIRED : CloseReason.AUTHENTICATION_VIOLATION);
            return false;
        }
        AuthDecision.Authenticated authenticated = (AuthDecision.Authenticated) decision;
        Account home = server.accounts().find(authenticated.account());
        if (home == null || !bindAccount(home)) {
            return false;
        }
        Permissions granted = authenticated.permissions();
        permissions = granted.isUnrestricted() ? null : ClientPermissions.of(granted);
        granted.problems().forEach(problem -> LOG.warn("{} - {}", this, problem));
        awaitingAuthentication = false;
        return true;
    }

    /** Moves the client to its account, unless that account is full; then the client is turned away. */
    private boolean bindAccount(Account home) {
        if (home == account) {
            return true;
        }
        if (!home.join()) {
            LOG.error("{} - maximum account active connections exceeded", this);
            closeWithError("maximum account active connections exceeded",
                    CloseReason.MAX_ACCOUNT_CONNECTIONS_EXCEEDED);
            return false;
        }
        account.leave();
        account = home;
        matchCache = new MatchCache<>(home.sublist());
        return true;
    }

    /** nats-server's {@code authViolation}: the log names what the client tried, never its secret. */
    private void authenticationFailed(CloseReason reason) {
        if (!server.security().authenticator().configuration().nkeyUsers().isEmpty()) {
            LOG.error("{} - authentication error - Nkey {}", this, GoQuote.of(options.nkey));
        } else if (!server.security().authenticator().configuration().users().isEmpty()) {
            LOG.error("{} - authentication error - User {}", this, GoQuote.of(options.user));
        } else {
            LOG.error("{} - authentication error", this);
        }
        closeWithError("Authorization Violation", reason);
    }

    private void authenticationTimedOut() {
        authTimer = null;
        if (closed || !awaitingAuthentication) {
            return;
        }
        LOG.debug("{} - Authentication Timeout", this);
        closeWithError("Authentication Timeout", CloseReason.AUTHENTICATION_TIMEOUT);
    }

    private void cancelAuthTimer() {
        if (authTimer != null) {
            authTimer.cancel();
            authTimer = null;
        }
    }

    /** Clients may never join the system queue group; otherwise their permissions decide. */
    private boolean maySubscribe(String subject, String queue) {
        ClientPermissions allowed = permissions;
        if (allowed == null) {
            return !ClientPermissions.SYSTEM_QUEUE_GROUP.equals(queue);
        }
        return allowed.canSubscribe(subject, queue);
    }

    private void subscriptionViolation(String subject, String queue, String sid) {
        if (queue == null || queue.isEmpty()) {
            LOG.error("{} - Subscription Violation - {}, Subject {}, SID {}", this, authUserForLog(),
                    GoQuote.of(subject), sid);
        } else {
            LOG.error("{} - Subscription Violation - {}, Subject {}, Queue: {}, SID {}", this, authUserForLog(),
                    GoQuote.of(subject), GoQuote.of(queue), sid);
        }
        sendError(PermissionViolation.subscription(subject, queue));
    }

    /** nats-server's {@code getAuthUser}: how violations name the client in the log. */
    private String authUserForLog() {
        if (!options.nkey.isEmpty()) {
            return "Nkey " + GoQuote.of(options.nkey);
        }
        if (!options.user.isEmpty()) {
            return "User " + GoQuote.of(options.user);
        }
        return "User \"N/A\"";
    }

    /**
     * Runs on the connection's thread after a reload: a client whose user is gone or now in another account is
     * closed, one whose credentials no longer pass gets {@code Authorization Violation}, and the others get their
     * new permissions, losing the subscriptions those no longer allow.
     */
    void settingsReloaded() {
        executor.execute(() -> {
            if (closed || !connectReceived || awaitingAuthentication) {
                return;
            }
            String user = authenticatedUser();
            if (!user.isEmpty()) {
                String configuredAccount = server.security().accountOf(options.nkey, options.user);
                if (configuredAccount == null || !configuredAccount.equals(account.name())) {
                    LOG.debug("{} - user or its account changed by a reload", this);
                    closeQuietly(CloseReason.CLIENT_CLOSED);
                    return;
                }
            }
            if (!authenticate(new ClientCredentials(options.user, options.pass, options.authToken, options.nkey,
                    options.sig, options.jwt))) {
                return;
            }
            removeSubscriptionsNoLongerAllowed();
            flushSet.flushAll();
        });
    }

    private void removeSubscriptionsNoLongerAllowed() {
        ClientPermissions allowed = permissions;
        if (allowed == null) {
            return;
        }
        for (ClientSubscription subscription : new ArrayList<>(subscriptions.values())) {
            String queue = subscription.queue();
            boolean plain = allowed.canSubscribe(subscription.subject(), null);
            boolean inQueue = queue != null && !queue.isEmpty() && allowed.canSubscribe(subscription.subject(), queue);
            if (!plain && !inQueue) {
                removeSubscription(subscription);
                sendError(PermissionViolation.removedSubscription(subscription.subject(), null, subscription.sid()));
                LOG.info("Removed sub {} (sid {}) for {} - not authorized", GoQuote.of(subscription.subject()),
                        GoQuote.of(subscription.sid()), authUserForLog());
            }
        }
    }

    /** Each subscription leaves the subject space it was made in. */
    private static void removeFromSublists(List<ClientSubscription> gone) {
        Map<Account, List<ClientSubscription>> byAccount = new HashMap<>();
        for (ClientSubscription subscription : gone) {
            byAccount.computeIfAbsent(subscription.account(), key -> new ArrayList<>()).add(subscription);
        }
        byAccount.forEach((home, subscriptionsOfAccount) -> home.sublist().removeAll(subscriptionsOfAccount));
    }

    /** The lower of two limits where 0 or less means none (nats-server's options and account limits). */
    private static int lowerLimit(int server, int account) {
        if (account <= 0) {
            return server;
        }
        return server <= 0 ? account : Math.min(server, account);
    }

    /** The current settings: a reload may change the limits while the connection is open. */
    private ServerSettings settings() {
        return server.settings();
    }

    /** Turns the client away because a reload lowered max_connections below the number of clients. */
    void closeForMaxConnections() {
        executor.execute(() -> closeWithError("maximum connections exceeded", CloseReason.MAX_CONNECTIONS_EXCEEDED));
    }

    private boolean deliverToAll(SublistResult<ClientSubscription> result, SubjectView subject,
            InboundMessage message) {
        boolean delivered = false;
        for (int i = 0, n = result.plainCount(); i < n; i++) {
            delivered |= deliverTo(result.plain(i), subject, message);
        }
        for (int group = 0, groups = result.queueGroupCount(); group < groups; group++) {
            int size = result.queueGroupSize(group);
            int start = size > 1 ? ThreadLocalRandom.current().nextInt(size) : 0;
            for (int i = 0; i < size; i++) {
                if (deliverTo(result.queueMember(group, (start + i) % size), subject, message)) {
                    delivered = true;
                    break;
                }
            }
        }
        return delivered;
    }

    private boolean deliverTo(ClientSubscription subscription, SubjectView subject, InboundMessage message) {
        ClientConnection subscriber = subscription.owner();
        if (subscriber == this && !options.echo || subscription.isClosed()) {
            return false;
        }
        ClientPermissions subscriberPermissions = subscriber.permissions;
        if (subscriberPermissions != null
                && subscriberPermissions.deliveryDenied(subject, subscription.queue())) {
            return false;
        }
        long count = subscription.countDelivery();
        long max = subscription.max();
        if (max > 0 && count > max) {
            subscriber.expire(subscription);
            return false;
        }
        DeliveryOutcome outcome = subscriber.outbound.deliver(subject, subscription.sidBytes(),
                message.reply(), message, subscriber.headers);
        if (outcome == DeliveryOutcome.DROPPED) {
            return false;
        }
        int headerLength = message.headerLength();
        long bytes = subscriber.headers || headerLength == 0
                ? message.bodyLength() : message.bodyLength() - headerLength;
        subscriber.outMessages.increment();
        subscriber.outBytes.add(bytes);
        if (subscriber.lastActivityNanos != batchClockNanos) {
            // nats-server counts a delivery as activity of the subscriber (its flushClients sets c.last).
            subscriber.lastActivityNanos = batchClockNanos;
        }
        batchOutMessages++;
        // Server-wide, nats-server counts the whole message (headers too) for every delivery, even where the
        // subscriber's copy had its headers stripped; the subscriber's own count above is what it received.
        batchOutBytes += message.bodyLength();
        flushSet.add(subscriber.outbound);
        if (subscriberPermissions != null) {
            subscriberPermissions.trackReply(message.reply(), subscriber.executor.nanoTime());
        }
        if (outcome == DeliveryOutcome.DELIVERED_SLOW_DOWN) {
            slowDownRequested = true;
        }
        if (max > 0 && count == max) {
            subscriber.expire(subscription);
        }
        return true;
    }

    /** Delivery into another account's subject space, for messages that cross through imports. */
    private final class Crossing implements CrossAccountDelivery.LocalDelivery {

        @Override
        public boolean deliver(Account target, SubjectView subject, InboundMessage message) {
            SublistResult<ClientSubscription> result = target.sublist().match(subject);
            return !result.isEmpty() && deliverToAll(result, subject, message);
        }

        @Override
        public long rttNanos() {
            return ClientConnection.this.rttNanos;
        }

        @Override
        public String clientInfo() {
            return ClientInfoJson.full(ClientConnection.this, server.identity().id());
        }

        @Override
        public void later(long delayNanos, Runnable deliveries) {
            executor.schedule(() -> {
                batchClockNanos = executor.nanoTime();
                deliveries.run();
                readBatchComplete();
            }, delayNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public TransformBuffer buffer(int hop) {
            TransformBuffer buffer = crossingBuffers[hop];
            if (buffer == null) {
                buffer = new TransformBuffer();
                crossingBuffers[hop] = buffer;
            }
            return buffer;
        }

        @Override
        public String trackingSuffix() {
            return "." + server.identity().nameHash() + ".T";
        }

        @Override
        public long nanoTime() {
            return executor.nanoTime();
        }
    }

    /** An auto-unsubscribe limit was reached; may be called from a publisher's thread. */
    private void expire(ClientSubscription subscription) {
        if (!subscription.close()) {
            return;
        }
        if (tracer.enabled()) {
            traceRemoved(subscription);
        }
        subscription.account().sublist().remove(subscription);
        executor.execute(() -> subscriptions.remove(subscription.sid(), subscription));
    }

    private void removeSubscription(ClientSubscription subscription) {
        subscriptions.remove(subscription.sid(), subscription);
        if (subscription.close()) {
            if (tracer.enabled()) {
                traceRemoved(subscription);
            }
            subscription.account().sublist().remove(subscription);
        }
    }

    /** nats-server traces every subscription it removes, whether by UNSUB, by its limit or by the close. */
    private void traceRemoved(ClientSubscription subscription) {
        tracer.trace(this, "<-> [DELSUB " + subscription.sid() + "]");
    }

    /** Go's {@code host:port}: an IPv6 host goes in brackets. */
    private static String hostAndPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    /**
     * What nats-server adds to the log prefix at the first CONNECT: {@code v<version>:<lang>:<name>}, each part only
     * when given, quoted; nothing when none is given.
     */
    private static String clientDescription(ClientOptions options) {
        StringBuilder description = new StringBuilder();
        if (!options.version.isEmpty()) {
            description.append('v').append(options.version);
        }
        for (String part : new String[] {options.lang, options.name}) {
            if (!part.isEmpty()) {
                description.append(description.length() > 0 ? ":" : "").append(part);
            }
        }
        return description.length() == 0 ? "" : " - " + GoQuote.of(description.toString());
    }

    private void answerNoResponders(SubjectView subject, InboundMessage message) {
        SublistResult<ClientSubscription> replyMatches = account.sublist().match(message.reply());
        for (int i = 0, n = replyMatches.plainCount(); i < n; i++) {
            ClientSubscription subscription = replyMatches.plain(i);
            if (subscription.owner() == this) {
                outbound.sendNoResponders(message.reply(), subscription.sidBytes(), subject);
                flushSet.add(outbound);
                return;
            }
        }
    }

    private void sendOk() {
        outbound.sendOk();
        flushSet.add(outbound);
    }

    private void sendError(String text) {
        outbound.sendError(text);
        flushSet.add(outbound);
    }

    /** Sends {@code -ERR}, flushes everything queued this read, then closes. */
    private void closeWithError(String text, CloseReason reason) {
        if (closed) {
            return;
        }
        outbound.sendError(text);
        flushSet.add(outbound);
        closeQuietly(reason);
    }

    private void closeQuietly(CloseReason reason) {
        if (closed) {
            return;
        }
        closed = true;
        flushSet.flushAll();
        outbound.close(reason);
    }

    private long firstPingDelay() {
        long interval = settings().pingInterval().toNanos();
        long delay = Math.min(interval, FIRST_PING_NANOS);
        return delay + ThreadLocalRandom.current().nextLong(Math.max(1, delay / 5));
    }

    private void restartPingTimer(long delayNanos) {
        if (pingTask != null) {
            pingTask.cancel();
        }
        schedulePing(delayNanos);
    }

    private void schedulePing(long delayNanos) {
        pingTask = executor.schedule(this::pingTimerFired, delayNanos, TimeUnit.NANOSECONDS);
    }

    /** nats-server's ping timer: ping a client that has been quiet, and give up on one that stopped answering. */
    private void pingTimerFired() {
        pingTask = null;
        if (closed) {
            return;
        }
        long now = executor.nanoTime();
        long interval = settings().pingInterval().toNanos();
        boolean needRtt = !rttPingSent || now - rttStartNanos > RTT_MEASUREMENT_NANOS;
        if (now - lastInNanos >= interval || needRtt) {
            if (pingsOut + 1 > settings().maxPingsOut()) {
                LOG.debug("{} - Stale Client Connection - Closing", this);
                closeWithError("Stale Connection", CloseReason.STALE_CONNECTION);
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
}
