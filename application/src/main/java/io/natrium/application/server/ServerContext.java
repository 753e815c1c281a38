package io.natrium.application.server;

import io.natrium.application.account.Account;
import io.natrium.application.account.AccountRegistry;
import io.natrium.application.port.out.AccountJwtFetcher;
import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.port.out.ServerInfo;
import io.natrium.application.port.out.ServerMessageEncoder;
import io.natrium.application.security.AccountGraphOfSettings;
import io.natrium.application.security.OperatorAccounts;
import io.natrium.application.security.SecurityPolicy;
import io.natrium.application.security.SystemAccountSettings;
import io.natrium.application.settings.AccountsSettings;
import io.natrium.application.settings.ResolverSettings;
import io.natrium.application.settings.ResolverType;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.MqttSettings;
import io.natrium.application.settings.WebsocketSettings;
import io.natrium.domain.account.AccountGraph;
import io.natrium.domain.auth.NonceGenerator;
import io.natrium.domain.auth.PasswordVerifier;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * What every session shares: settings, identity, the global account, the registry, statistics, the INFO, the
 * protocol tracer and the encoder of the messages the server publishes itself.
 */
public final class ServerContext {

    private volatile ServerConfiguration configuration;
    private final ServerIdentity identity;
    private final AccountRegistry accounts;
    private final PasswordVerifier passwords;
    private final Executor authentication;
    private final NonceGenerator nonces = NonceGenerator.secure();
    private final ClientRegistry clients = new ClientRegistry();
    private final ServerStatistics statistics = new ServerStatistics();
    private final ProtocolTracer tracer;
    private final ServerMessageEncoder messages;
    private final ClosedConnections closedConnections;
    /** Where the client listener listens; INFO says so unless {@code client_advertise} names another address. */
    private volatile String listenHost;
    private volatile int listenPort;
    private volatile boolean clientListenerReady;
    private volatile int websocketPort;
    private volatile int mqttPort;
    private volatile Instant settingsReloadedAt;
    private volatile boolean lameDuckMode;
    private volatile boolean shuttingDown;
    private volatile ServerEvents events = ServerEvents.NONE;
    private volatile AuthCallouts callouts = AuthCallouts.NONE;
    /** The account JWTs of operator mode in force (the resolver's), by account public key. */
    private volatile Map<String, String> accountJwts;
    /** Accounts whose JWT a claim change removed (deleted or expired) since the last reload. */
    private final Set<String> endedAccounts = ConcurrentHashMap.newKeySet();
    /** The URL resolver's account server; null unless accounts are fetched from one. */
    private volatile AccountJwtFetcher accountFetcher;
    private final RegisteredAccounts registeredAccounts = new RegisteredAccounts();

    /**
     * @param cacheSweeper where sublist cache sweeps run, off every connection's thread
     */
    public ServerContext(ServerSettings settings, ServerIdentity identity, Executor cacheSweeper) {
        this(settings, identity, cacheSweeper, ProtocolTracer.OFF);
    }

    /**
     * @param cacheSweeper where sublist cache sweeps run, off every connection's thread
     * @param tracer       where protocol traces go ({@code -V}); it says itself whether tracing is on
     */
    public ServerContext(ServerSettings settings, ServerIdentity identity, Executor cacheSweeper,
            ProtocolTracer tracer) {
        this(settings, identity, cacheSweeper, tracer, PasswordVerifier.rejectingHashes());
    }

    /**
     * @param cacheSweeper where sublist cache sweeps run, off every connection's thread
     * @param tracer       where protocol traces go ({@code -V}); it says itself whether tracing is on
     * @param passwords    checks passwords and tokens against the bcrypt hashes of the configuration
     */
    public ServerContext(ServerSettings settings, ServerIdentity identity, Executor cacheSweeper,
            ProtocolTracer tracer, PasswordVerifier passwords) {
        this(settings, identity, cacheSweeper, tracer, passwords, Runnable::run);
    }

    /**
     * @param cacheSweeper   where sublist cache sweeps run, off every connection's thread
     * @param tracer         where protocol traces go ({@code -V}); it says itself whether tracing is on
     * @param passwords      checks passwords and tokens against the bcrypt hashes of the configuration
     * @param authentication where bcrypt checks run, off every connection's thread: bounded, it may refuse work
     */
    public ServerContext(ServerSettings settings, ServerIdentity identity, Executor cacheSweeper,
            ProtocolTracer tracer, PasswordVerifier passwords, Executor authentication) {
        this(settings, identity, cacheSweeper, tracer, passwords, authentication, ServerMessageEncoder.NONE);
    }

    /**
     * @param cacheSweeper   where sublist cache sweeps run, off every connection's thread
     * @param tracer         where protocol traces go ({@code -V}); it says itself whether tracing is on
     * @param passwords      checks passwords and tokens against the bcrypt hashes of the configuration
     * @param authentication where bcrypt checks run, off every connection's thread: bounded, it may refuse work
     * @param messages       writes what the server publishes itself: request info of service imports, latency
     *                       reports
     */
    public ServerContext(ServerSettings settings, ServerIdentity identity, Executor cacheSweeper,
            ProtocolTracer tracer, PasswordVerifier passwords, Executor authentication,
            ServerMessageEncoder messages) {
        this.messages = messages;
        this.authentication = authentication;
        this.passwords = passwords;
        this.tracer = tracer;
        this.identity = identity;
        int remembered = settings.limits().maxClosedClients();
        this.closedConnections = new ClosedConnections(remembered > 0 ? remembered : ClosedConnections.DEFAULT_CAPACITY);
        this.accounts = new AccountRegistry(!settings.noSublistCache(), cacheSweeper, clients::nextId);
        this.accountJwts = settings.operator().resolverPreload();
        AccountsSettings inForce = SystemAccountSettings.effective(
                OperatorAccounts.of(settings, accountJwts, Instant.now()));
        this.accounts.configure(inForce, AccountGraphOfSettings.of(inForce), SystemAccountSettings.name(inForce));
        this.listenHost = settings.host();
        this.listenPort = settings.port();
        SecurityPolicy security = SecurityPolicy.of(settings, accountJwts, passwords, nonces);
        this.configuration = new ServerConfiguration(settings, security, infoOrListenAddress(settings, security));
    }

    /** The configuration in force; take it once where settings, security and INFO must agree. */
    public ServerConfiguration configuration() {
        return configuration;
    }

    public ServerSettings settings() {
        return configuration.settings();
    }

    public ServerIdentity identity() {
        return identity;
    }

    public Account globalAccount() {
        return accounts.global();
    }

    public AccountRegistry accounts() {
        return accounts;
    }

    /** The operator-mode accounts nats-server would have loaded by now. */
    public RegisteredAccounts registeredAccounts() {
        return registeredAccounts;
    }

    /**
     * The accounts as the server runs them: the configured ones with the system account and the imports and exports
     * nats-server adds for it ({@link SystemAccountSettings}).
     */
    public AccountsSettings accountsInForce() {
        return SystemAccountSettings.effective(OperatorAccounts.of(settings(), accountJwts, Instant.now()));
    }

    /** The system account; null when the server runs without one ({@code no_system_account}). */
    public Account systemAccount() {
        return accounts.system();
    }

    /** How clients authenticate under the settings in force. */
    public SecurityPolicy security() {
        return configuration.security();
    }

    /** Runs the bcrypt checks of CONNECTs and reloads; may throw {@code RejectedExecutionException} when full. */
    public Executor authentication() {
        return authentication;
    }

    public ClientRegistry clients() {
        return clients;
    }

    public ServerStatistics statistics() {
        return statistics;
    }

    /** Where connections report what the system account publishes as events; {@code NONE} until it runs. */
    public ServerEvents events() {
        return events;
    }

    /** The system account's events start: from now on connections report to them. */
    public void events(ServerEvents value) {
        events = value;
    }

    /** Where connections send auth callout requests; {@code NONE} until the system account runs. */
    public AuthCallouts callouts() {
        return callouts;
    }

    /** The system account runs: from now on auth callout requests go out through it. */
    public void callouts(AuthCallouts value) {
        callouts = value;
    }

    public ProtocolTracer tracer() {
        return tracer;
    }

    /** Writes the request info and latency reports the server adds to what crosses service imports. */
    public ServerMessageEncoder messages() {
        return messages;
    }

    /** The last closed connections, for monitoring. */
    public ClosedConnections closedConnections() {
        return closedConnections;
    }

    /** Whether the client listener is bound: the server is ready for connections. */
    public boolean isClientListenerReady() {
        return clientListenerReady;
    }

    /** When a reload last put settings in force; null while the settings loaded at start are in force. */
    public Instant settingsReloadedAt() {
        return settingsReloadedAt;
    }

    /** The INFO template (no client fields yet). */
    public ServerInfo info() {
        return configuration.info();
    }

    /** Records the port the WebSocket listener bound (a free one when -1 was asked), which /varz reports. */
    public void websocketListenerBound(int port) {
        websocketPort = port;
    }

    /** The WebSocket settings in force, with the port actually bound once the listener is up. */
    public WebsocketSettings websocket() {
        WebsocketSettings ws = configuration.settings().websocket();
        int bound = websocketPort;
        if (bound == 0 || bound == ws.port()) {
            return ws;
        }
        return new WebsocketSettings(ws.host(), bound, ws.advertise(), ws.noTls(), ws.tls(), ws.sameOrigin(),
                ws.allowedOrigins(), ws.handshakeTimeout(), ws.compression(), ws.authorization(), ws.cookies(),
                ws.noAuthUser(), ws.headers(), ws.pingInterval());
    }

    /** Records the port the MQTT listener bound (a free one when -1 was asked), which /varz reports. */
    public void mqttListenerBound(int port) {
        mqttPort = port;
    }

    /** The MQTT settings in force, with the port actually bound once the listener is up. */
    public MqttSettings mqtt() {
        MqttSettings mqtt = configuration.settings().mqtt();
        int bound = mqttPort;
        if (bound == 0 || bound == mqtt.port()) {
            return mqtt;
        }
        return new MqttSettings(mqtt.host(), bound, mqtt.tls(), mqtt.authorization(), mqtt.noAuthUser(),
                mqtt.delivery());
    }

    /** Records where the client listener ended up, which INFO reports. */
    public synchronized void clientListenerBound(String host, int port) {
        listenHost = host;
        listenPort = port;
        ServerConfiguration current = configuration;
        configuration = current.withInfo(infoFor(current.settings(), current.security(), host, port));
        clientListenerReady = true;
    }

    /**
     * Puts reloaded settings in force: connections read their limits from here, and INFO announces the new
     * max_payload. Only reloadable options may differ from the running ones; the caller has checked that.
     */
    public synchronized void applySettings(ServerSettings reloaded) {
        // A directory resolver keeps the JWTs it holds over a reload; the memory resolver takes the reloaded preload.
        ResolverSettings resolver = reloaded.operator().resolver();
        boolean directory = resolver != null
                && (resolver.type() == ResolverType.FULL || resolver.type() == ResolverType.CACHE);
        // An account a reload leaves out is no longer found: its clients become authorization violations.
        endedAccounts.clear();
        apply(reloaded, directory ? accountJwts : reloaded.operator().resolverPreload());
        settingsReloadedAt = Instant.now();
    }

    /**
     * True when {@code account} went away through its claims (deleted over {@code $SYS} or expired) rather than by
     * a reload: nats-server closes its clients with {@code Account Authentication Expired} then, and as
     * authorization violations when a reloaded configuration no longer preloads it.
     */
    public boolean accountEndedByClaims(String account) {
        return endedAccounts.contains(account);
    }

    /** Where accounts not held yet are fetched from (the URL resolver); null for none. */
    public AccountJwtFetcher accountFetcher() {
        return accountFetcher;
    }

    /** The URL resolver starts: accounts not held are fetched from {@code fetcher} from now on. */
    public void accountFetcher(AccountJwtFetcher fetcher) {
        accountFetcher = fetcher;
    }

    /** The account JWTs the resolver holds, by account public key: the accounts of operator mode. */
    public Map<String, String> accountJwts() {
        return accountJwts;
    }

    /**
     * Puts the resolver's account JWTs in force under the same settings, as a reload would: accounts, their limits,
     * exports, imports and mappings, and the CONNECT decision. The caller decides the connected clients again.
     */
    public synchronized void applyAccountJwts(Map<String, String> jwts) {
        // A new JWT brings an ended account back.
        jwts.forEach((account, jwt) -> {
            if (!jwt.equals(accountJwts.get(account))) {
                endedAccounts.remove(account);
            }
        });
        for (String held : accountJwts.keySet()) {
            if (!jwts.containsKey(held)) {
                endedAccounts.add(held);
            }
        }
        apply(configuration.settings(), Map.copyOf(jwts));
    }

    /** Marks accounts whose JWT expired (and may still be held, as the memory resolver keeps it) as ended. */
    public void accountsExpired(Set<String> accounts) {
        endedAccounts.addAll(accounts);
    }

    private synchronized void apply(ServerSettings settings, Map<String, String> jwts) {
        // What can refuse the settings is built before anything changes, so that a refused reload keeps the old ones.
        AccountsSettings inForce = SystemAccountSettings.effective(OperatorAccounts.of(settings, jwts, Instant.now()));
        AccountGraph graph = AccountGraphOfSettings.of(inForce);
        SecurityPolicy security = SecurityPolicy.of(settings, jwts, passwords, nonces);
        accounts.configure(inForce, graph, SystemAccountSettings.name(inForce));
        accountJwts = jwts;
        configuration = new ServerConfiguration(settings, security, infoOrListenAddress(settings, security));
    }

    public boolean headersSupported() {
        return !configuration.settings().noHeaderSupport();
    }

    public boolean isLameDuckMode() {
        return lameDuckMode;
    }

    public void enterLameDuckMode() {
        lameDuckMode = true;
    }

    public boolean isShuttingDown() {
        return shuttingDown;
    }

    public void startShutdown() {
        shuttingDown = true;
    }

    /** INFO, showing the listen address where {@code client_advertise} is not usable; the start refuses that. */
    private ServerInfo infoOrListenAddress(ServerSettings settings, SecurityPolicy security) {
        try {
            return infoFor(settings, security, listenHost, listenPort);
        } catch (IllegalArgumentException e) {
            return infoAt(settings, security, listenHost, listenPort);
        }
    }

    /** @throws IllegalArgumentException when {@code client_advertise} has a port that is no number */
    private ServerInfo infoFor(ServerSettings settings, SecurityPolicy security, String host, int port) {
        String advertise = settings.network().clientAdvertise();
        if (advertise == null || advertise.isEmpty()) {
            return infoAt(settings, security, host, port);
        }
        AdvertisedAddress advertised = AdvertisedAddress.parse(advertise, port);
        return infoAt(settings, security, advertised.host(), advertised.port());
    }

    private ServerInfo infoAt(ServerSettings settings, SecurityPolicy security, String host, int port) {
        return InfoTemplate.of(identity, settings, security.advertisesAuthRequired(), host, port);
    }
}
