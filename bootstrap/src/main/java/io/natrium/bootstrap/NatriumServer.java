package io.natrium.bootstrap;

import io.natrium.adapter.monitor.MonitoringServer;
import io.natrium.adapter.tcp.EarlyListeningSocket;
import io.natrium.adapter.tls.OcspPeerVerifier;
import io.natrium.application.port.in.ReloadResult;
import io.natrium.application.port.in.ReloadUseCase;
import io.natrium.application.port.in.ServerLifecycleUseCase;
import io.natrium.application.port.in.ServerStatusQueryUseCase;
import io.natrium.application.port.out.ConfigurationSource;
import io.natrium.application.port.out.CurveSealing;
import io.natrium.application.resolver.DirectoryResolver;
import io.natrium.application.security.OperatorAccounts;
import io.natrium.application.security.OperatorStartupLog;
import io.natrium.application.security.SecurityPolicy;
import io.natrium.application.server.ServerContext;
import io.natrium.application.server.ServerIdentity;
import io.natrium.application.settings.MonitoringSettings;
import io.natrium.application.settings.MqttOcspPeer;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.system.AuthCalloutRequests;
import io.natrium.application.system.SystemAccountRuntime;
import io.natrium.application.system.SystemRequests;
import io.natrium.bootstrap.wiring.ClientListener;
import io.natrium.bootstrap.wiring.ClientTls;
import io.natrium.bootstrap.wiring.OcspPeerChecks;
import io.natrium.bootstrap.wiring.SystemThread;
import io.natrium.bootstrap.wiring.TcpModule;
import io.natrium.bootstrap.wiring.MqttListener;
import io.natrium.bootstrap.wiring.WebsocketListener;
import io.natrium.bootstrap.wiring.Wiring;

import com.google.inject.Binding;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Provider;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One running server and its lifecycle: {@link #start()} binds the listener, {@link #shutdown()} stops accepting,
 * closes every client (flushing what is queued for it) and stops the event loops, {@link #enterLameDuckMode()}
 * stops accepting and closes clients spread over the lame-duck duration before shutting down.
 */
public final class NatriumServer implements ServerRun.Target {

    private static final Logger LOG = LoggerFactory.getLogger(NatriumServer.class);
    /** The version of Natrium itself, beside the nats-server version it behaves as. */
    public static final String NATRIUM_VERSION = "0.1.0";
    private static final long CLOSE_WAIT_MILLIS = 2_000;

    private final ServerSettings settings;
    private final ServerIdentity identity;
    private final ServerLifecycleUseCase lifecycle;
    private final ReloadUseCase reload;
    private final ClientListener clientListener;
    private final OcspPeerVerifier ocspPeers;
    private final WebsocketListener websocketListener;
    private final MqttListener mqttListener;
    private final MonitoringServer monitoringServer;
    private final SecurityPolicy security;
    private final ServerContext context;
    private final ServerStatusQueryUseCase status;
    /** Made only for a callout: its key and Bouncy Castle cost a start without one nothing. */
    private final Provider<CurveSealing> sealing;
    private final SystemThread systemThread = SystemThread.create();
    private volatile SystemAccountRuntime systemAccount;
    private volatile SystemAccountFetch systemAccountFetch;
    private final ProcessFiles processFiles = new ProcessFiles(ProcessHandle.current().pid());
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final AtomicBoolean lameDuck = new AtomicBoolean();
    private final CountDownLatch terminated = new CountDownLatch(1);
    private volatile InetSocketAddress clientAddress;
    private volatile InetSocketAddress monitorAddress;
    /** The HTTPS monitoring port's TLS: the client port's, reloaded with it; null unless serving HTTPS. */
    private volatile ClientTls monitorTls;
    /** The client port's TLS (its staple refreshed while the server runs); null when the transport has none. */
    private final ClientTls clientTls;
    private volatile InetSocketAddress websocketAddress;
    private volatile InetSocketAddress mqttAddress;

    private NatriumServer(ServerSettings settings, ConfigurationSource source, Module clientTransport,
            ServerIdentity identity) {
        this.settings = settings;
        // The observer calls back only on a reload, long after construction has finished.
        Injector injector = Wiring.injector(settings, source, new RuntimeReconfiguration(this), clientTransport,
                identity);
        this.identity = injector.getInstance(ServerIdentity.class);
        this.lifecycle = injector.getInstance(ServerLifecycleUseCase.class);
        this.reload = injector.getInstance(ReloadUseCase.class);
        this.clientListener = injector.getInstance(ClientListener.class);
        this.ocspPeers = injector.getInstance(OcspPeerVerifier.class);
        this.websocketListener = injector.getInstance(WebsocketListener.class);
        this.mqttListener = injector.getInstance(MqttListener.class);
        this.monitoringServer = injector.getInstance(MonitoringServer.class);
        this.context = injector.getInstance(ServerContext.class);
        this.security = context.security();
        this.status = injector.getInstance(ServerStatusQueryUseCase.class);
        // A test's transport module may wire no client TLS.
        Binding<ClientTls> tls = injector.getExistingBinding(Key.get(ClientTls.class));
        this.clientTls = tls == null ? null : tls.getProvider().get();
        this.sealing = injector.getProvider(CurveSealing.class);
    }

    /** Wires a server for these settings, without a configuration file to reload; nothing is bound yet. */
    public static NatriumServer create(ServerSettings settings) {
        return new NatriumServer(settings, new NoConfigurationFile(), new TcpModule(), null);
    }

    /** Wires a server whose configuration can be read again from {@code source} on reload. */
    public static NatriumServer create(ServerSettings settings, ConfigurationSource source) {
        return new NatriumServer(settings, source, new TcpModule(), null);
    }

    /**
     * Wires a server whose configuration can be read again from {@code source} on reload, and whose listener takes
     * over {@code early}, the client port already bound, when there is one.
     */
    public static NatriumServer create(ServerSettings settings, ConfigurationSource source,
            Optional<EarlyListeningSocket> early) {
        return create(settings, source, early, null);
    }

    /**
     * The same, with the identity the early socket's clients were already told ({@code null}: a new one), which the
     * server must go on with.
     */
    public static NatriumServer create(ServerSettings settings, ConfigurationSource source,
            Optional<EarlyListeningSocket> early, ServerIdentity identity) {
        return new NatriumServer(settings, source, new TcpModule(early), identity);
    }

    /**
     * Wires a server whose clients connect through {@code clientTransport}, a module binding the
     * {@link ClientListener}, instead of TCP; nothing is bound yet.
     */
    public static NatriumServer create(ServerSettings settings, ConfigurationSource source, Module clientTransport) {
        return new NatriumServer(settings, source, clientTransport, null);
    }

    public void start() throws InterruptedException {
        LOG.info("Starting nats-server");
        LOG.info("  Version:  {}", identity.version());
        LOG.info("  Git:      [not set]");
        LOG.info("  Natrium:  {} on {}", NATRIUM_VERSION, identity.runtime());
        LOG.info("  Name:     {}", identity.name());
        LOG.info("  ID:       {}", identity.id());
        if (security.hasPlaintextPasswords()) {
            LOG.warn("Plaintext passwords detected, use nkeys or bcrypt");
        }
        if (settings.origin().configFile() != null) {
            LOG.info("Using configuration file: {}", settings.origin().configFile());
        }
        OperatorStartupLog.log(settings.operator(), OperatorAccounts.of(settings, Instant.now()).systemAccount(),
                Instant.now());
        // nats-server writes its PID file before the system account and gives up when it cannot.
        try {
            processFiles.writePid(settings.processFiles().pidFile());
        } catch (IOException e) {
            throw new IllegalStateException("Could not write pidfile: " + e.getMessage(), e);
        }
        // As nats-server, the system account runs before monitoring and the client listener start.
        DirectoryResolver directory = AccountResolvers.open(settings.operator(), context);
        systemAccountFetch = SystemAccountFetch.startIfMissing(context);
        systemAccount = SystemAccountRuntime.start(context, systemThread, status, monitoringServer.processUsage(),
                new SystemRequests(context, monitoringServer.systemServices(), reload, directory));
        boolean calloutPossible = settings.authorization().callout() != null || settings.operator().enabled();
        if (systemAccount != null && calloutPossible) {
            // Auth callout asks through the system account's thread, as nats-server's internal clients send. A
            // reload cannot add a configured callout (nats-server refuses to change it), so none is needed without
            // one now; in operator mode any account JWT may bring one at any time.
            context.callouts(new AuthCalloutRequests(context, systemThread, sealing.get(),
                    Clock.systemDefaultZone()));
        }
        if (directory != null) {
            AccountResolvers.started(directory, settings.operator().resolver());
        }
        // nats-server starts monitoring before it listens for clients, and logs "Starting http monitor on".
        try {
            startMonitoring(settings.monitoring());
        } catch (IllegalStateException e) {
            throw new IllegalStateException("Can't start monitoring: " + e.getMessage(), e);
        }
        // nats-server starts refreshing its staples after monitoring, before the other listeners.
        if (clientTls != null) {
            clientTls.startStapling(this::shutdown);
        }
        // nats-server starts its OCSP peer cache (logging it online) before it accepts clients, when a listener
        // checks peers; a reload builds it anew (tlsReloaded).
        if (OcspPeerChecks.anyIn(settings)) {
            ocspPeers.cache().start();
        }
        // nats-server opens the WebSocket listener before the client listener.
        websocketAddress = websocketListener.start();
        if (websocketAddress != null) {
            context.websocketListenerBound(websocketAddress.getPort());
        }
        // Then MQTT, as nats-server starts it after WebSocket.
        mqttAddress = mqttListener.start();
        if (mqttAddress != null) {
            context.mqttListenerBound(mqttAddress.getPort());
        }
        clientAddress = clientListener.start(port -> lifecycle.clientListenerBound(settings.host(), port));
        writePortsFile(settings);
        LOG.info("Server is ready");
    }

    /** nats-server's {@code StartMonitoring}: HTTP or HTTPS, never both; HTTPS with the client port's TLS. */
    private void startMonitoring(MonitoringSettings monitoring) throws InterruptedException {
        String host = monitoring.host() == null ? settings.host() : monitoring.host();
        if (monitoring.httpPort() != 0 && monitoring.httpsPort() != 0) {
            throw new IllegalStateException("can't specify both HTTP (" + monitoring.httpPort() + ") and HTTPs ("
                    + monitoring.httpsPort() + ") ports");
        }
        if (monitoring.httpPort() != 0) {
            monitorAddress = monitoringServer.start(host, monitoring.httpPort());
        } else if (monitoring.httpsPort() != 0) {
            if (settings.tls() == null) {
                throw new IllegalStateException("TLS cert and key required for HTTPS");
            }
            // nats-server serves the client port's TLS there, its staple included.
            monitorTls = clientTls != null ? clientTls : ClientTls.of(settings.tls());
            monitorAddress = monitoringServer.startSecure(host, monitoring.httpsPort(), monitorTls);
        }
    }

    /** Reads the configuration again and applies what may change (SIGHUP, {@code --signal reload}). */
    @Override
    public ReloadResult reload() {
        return reload.reload();
    }

    /** A reload's TLS block, for the connections accepted from now on. */
    void tlsReloaded(ServerSettings current) {
        // Before the listeners take the new blocks, so that their first checks find the cache online.
        ocspPeers.restartCache(current.ocspCache(), OcspPeerChecks.anyIn(current));
        clientListener.tlsReloaded(current.tls(), current.ocsp());
        websocketListener.tlsReloaded(current.websocket().tls());
        mqttListener.tlsReloaded(MqttOcspPeer.effective(current.mqtt().tls(), current.tls()));
        ClientTls monitoring = monitorTls;
        if (monitoring != null && monitoring != clientTls) {
            monitoring.reload(current.tls());
        }
    }

    /** Writes the PID file a reload names (the previous one stays, as nats-server leaves it). */
    void writePidFile(ServerSettings current) throws IOException {
        processFiles.writePid(current.processFiles().pidFile());
    }

    /** (Re)writes the ports file where the settings in force ask for it, removing the previous one. */
    void writePortsFile(ServerSettings current) {
        processFiles.removePortsFile();
        processFiles.writePorts(current.processFiles().portsFileDir(), clientAddress, monitorAddress,
                monitorTls != null, websocketAddress, websocketListener.secure());
    }

    /** The bound client address (its port is the chosen one when 0 or -1 was configured). */
    public InetSocketAddress clientAddress() {
        return clientAddress;
    }

    /** The bound WebSocket address, or null when there is no WebSocket listener. */
    public InetSocketAddress websocketAddress() {
        return websocketAddress;
    }

    /** The bound MQTT address, or null when there is no MQTT listener. */
    public InetSocketAddress mqttAddress() {
        return mqttAddress;
    }

    /** The bound monitoring address, or null when monitoring is off. */
    public InetSocketAddress monitorAddress() {
        return monitorAddress;
    }

    public String serverId() {
        return identity.id();
    }

    /** Graceful shutdown; safe to call more than once and from any thread. */
    @Override
    public void shutdown() {
        if (!shuttingDown.compareAndSet(false, true)) {
            awaitTermination();
            return;
        }
        LOG.info("Initiating Shutdown...");
        // nats-server sends SHUTDOWN first, while the system account's subscribers are still connected.
        SystemAccountRuntime system = systemAccount;
        if (system != null) {
            system.shutdown();
        }
        if (systemAccountFetch != null) {
            systemAccountFetch.close();
        }
        lifecycle.beginShutdown();
        clientListener.stopAccepting();
        websocketListener.stopAccepting();
        mqttListener.stopAccepting();
        monitoringServer.stop();
        for (long client : lifecycle.openClientIds()) {
            lifecycle.closeClient(client);
        }
        awaitNoClients(CLOSE_WAIT_MILLIS);
        clientListener.shutdown(CLOSE_WAIT_MILLIS);
        websocketListener.shutdown(CLOSE_WAIT_MILLIS);
        mqttListener.shutdown(CLOSE_WAIT_MILLIS);
        processFiles.removePortsFile();
        if (clientTls != null) {
            clientTls.stopStapling();
        }
        if (ocspPeers.cache().online()) {
            ocspPeers.cache().stop();
        }
        systemThread.shutdown();
        LOG.info("Server Exiting..");
        terminated.countDown();
    }

    /**
     * Lame-duck mode, as nats-server does it: stop accepting, tell the clients, wait the grace period, then close
     * the clients spread over the rest of the lame-duck duration, and shut down. Runs on its own thread.
     */
    @Override
    public void enterLameDuckMode() {
        if (shuttingDown.get() || !lameDuck.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(this::runLameDuckMode, "natrium-lame-duck");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public boolean isLameDuckMode() {
        return lameDuck.get();
    }

    /** Blocks until {@link #shutdown()} has finished. */
    public void awaitTermination() {
        try {
            terminated.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void runLameDuckMode() {
        LOG.info("Entering lame duck mode, stop accepting new clients");
        clientListener.stopAccepting();
        websocketListener.stopAccepting();
        mqttListener.stopAccepting();
        SystemAccountRuntime system = systemAccount;
        if (system != null) {
            system.lameDuck();
        }
        lifecycle.announceLameDuckMode();
        List<Long> clients = lifecycle.openClientIds();
        if (clients.isEmpty()) {
            shutdown();
            return;
        }
        Duration grace = settings.lameDuckGracePeriod();
        long spreadNanos = Math.max(settings.lameDuckDuration().minus(grace).toNanos(), TimeUnit.SECONDS.toNanos(1));
        long interval = Math.min(spreadNanos / clients.size(), TimeUnit.SECONDS.toNanos(1));
        int batch = 1;
        if (interval < 1) {
            interval = 1;
            batch = (int) (clients.size() / spreadNanos);
        }
        if (!sleep(grace.toNanos())) {
            return;
        }
        LOG.info("Closing existing clients");
        for (int i = 0; i < clients.size() && !shuttingDown.get(); i++) {
            lifecycle.closeClient(clients.get(i));
            boolean last = i == clients.size() - 1;
            if (!last && (batch == 1 || i % batch == 0)) {
                long pause = Math.max(interval / 2, ThreadLocalRandom.current().nextLong(interval));
                if (!sleep(pause)) {
                    return;
                }
            }
        }
        shutdown();
    }

    private boolean sleep(long nanos) {
        try {
            TimeUnit.NANOSECONDS.sleep(nanos);
            return !shuttingDown.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitNoClients(long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        while (!lifecycle.openClientIds().isEmpty() && System.nanoTime() < deadline) {
            try {
                TimeUnit.MILLISECONDS.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
