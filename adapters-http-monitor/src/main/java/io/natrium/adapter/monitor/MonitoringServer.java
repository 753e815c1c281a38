package io.natrium.adapter.monitor;

import io.natrium.adapter.tls.ServerTls;
import io.natrium.application.port.ListenFailure;
import io.natrium.application.port.MqttFigures;
import io.natrium.application.port.in.AccountQueryUseCase;
import io.natrium.application.port.in.ConnectionQueryUseCase;
import io.natrium.application.port.in.MqttStatusQueryUseCase;
import io.natrium.application.port.in.ServerStatusQueryUseCase;
import io.natrium.application.port.in.SubscriptionQueryUseCase;
import io.natrium.application.port.out.ProcessUsage;
import io.natrium.application.port.out.SystemServices;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;

import java.net.InetSocketAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP monitoring server (nats-server's {@code http_port}): one event loop of its own for HTTP, and one worker
 * thread that runs the queries and writes the JSON, so neither client event loops nor this one wait on them; its
 * queue is bounded ({@link MonitorWorker}). Over HTTP ({@code http_port}) or HTTPS ({@code https_port}, with the
 * client port's TLS), never both, as in nats-server.
 */
public final class MonitoringServer {

    private static final Logger LOG = LoggerFactory.getLogger(MonitoringServer.class);
    private static final long STOP_WAIT_MILLIS = 2_000;

    private final ServerStatusQueryUseCase status;
    private final ConnectionQueryUseCase connections;
    private final SubscriptionQueryUseCase subscriptions;
    private final AccountQueryUseCase accounts;
    private final MqttStatusQueryUseCase mqtt;
    private final String configuredBasePath;
    private final String basePath;
    private final HttpRequestStats requests = new HttpRequestStats();
    private final ProcessMetrics process = new ProcessMetrics();

    private EventLoopGroup eventLoop;
    private ExecutorService worker;
    private Channel listening;
    private volatile MonitorListener listener;

    /**
     * @param basePath {@code http_base_path}: every endpoint is served under it; null or empty for the root
     */
    public MonitoringServer(ServerStatusQueryUseCase status, ConnectionQueryUseCase connections,
            SubscriptionQueryUseCase subscriptions, AccountQueryUseCase accounts, String basePath) {
        this(status, connections, subscriptions, accounts, () -> MqttFigures.NONE, basePath);
    }

    /**
     * @param mqtt     the MQTT figures /metrics shows
     * @param basePath {@code http_base_path}: every endpoint is served under it; null or empty for the root
     */
    public MonitoringServer(ServerStatusQueryUseCase status, ConnectionQueryUseCase connections,
            SubscriptionQueryUseCase subscriptions, AccountQueryUseCase accounts, MqttStatusQueryUseCase mqtt,
            String basePath) {
        this.status = status;
        this.connections = connections;
        this.subscriptions = subscriptions;
        this.accounts = accounts;
        this.mqtt = mqtt;
        this.configuredBasePath = basePath == null ? "" : basePath;
        this.basePath = MonitorPaths.normalizeBasePath(basePath);
    }

    /**
     * Binds and starts serving; returns the bound address.
     *
     * @param port the port; 0 or -1 picks a free one
     * @throws IllegalStateException when the port cannot be bound, with nats-server's text
     */
    public synchronized InetSocketAddress start(String host, int port) throws InterruptedException {
        return start(host, port, null);
    }

    /**
     * Binds and starts serving HTTPS; returns the bound address.
     *
     * @param tls the client port's TLS in force, read for each connection (a reload's applies to the next
     *            handshakes, as in nats-server); client certificates are not asked for
     * @throws IllegalStateException when the port cannot be bound, with nats-server's text
     */
    public synchronized InetSocketAddress startSecure(String host, int port, Supplier<ServerTls> tls)
            throws InterruptedException {
        return start(host, port, Objects.requireNonNull(tls, "tls"));
    }

    private InetSocketAddress start(String host, int port, Supplier<ServerTls> tls) throws InterruptedException {
        if (listening != null) {
            throw new IllegalStateException("the monitoring server is already running");
        }
        ThreadFactory eventLoopThreads = task -> thread(task, "natrium-monitor");
        eventLoop = new MultiThreadIoEventLoopGroup(1, eventLoopThreads, NioIoHandler.newFactory());
        worker = MonitorWorker.start(MonitorWorker.WAITING_REQUESTS, task -> thread(task, "natrium-monitor-worker"));
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(eventLoop)
                .channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new MonitorChannelInitializer(routes(), worker, tls));
        try {
            listening = bootstrap.bind(host, Math.max(port, 0)).sync().channel();
        } catch (InterruptedException e) {
            stop();
            throw e;
        } catch (Exception e) {
            // Netty rethrows the bind failure (a checked BindException) undeclared.
            stop();
            throw ListenFailure.MONITOR_PORT.of(host, port, e);
        }
        InetSocketAddress bound = (InetSocketAddress) listening.localAddress();
        boolean secure = tls != null;
        listener = new MonitorListener(host, bound.getPort(), secure, configuredBasePath);
        LOG.info("Starting {} monitor on {}", secure ? "https" : "http", hostPort(host, bound.getPort()));
        return bound;
    }

    /** Stops serving; safe to call more than once. */
    public synchronized void stop() {
        if (listening != null) {
            listening.close().syncUninterruptibly();
            listening = null;
        }
        if (eventLoop != null) {
            eventLoop.shutdownGracefully(0, STOP_WAIT_MILLIS, TimeUnit.MILLISECONDS)
                    .awaitUninterruptibly(STOP_WAIT_MILLIS);
            eventLoop = null;
        }
        if (worker != null) {
            worker.shutdownNow();
            worker = null;
        }
    }

    private MonitorRoutes routes() {
        Map<String, Endpoint> byPath = new LinkedHashMap<>();
        byPath.put(MonitorPaths.ROOT, new DashboardEndpoint(basePath, status.status().version(), requests));
        byPath.put(MonitorPaths.DASHBOARD + "/dashboard.js",
                new DashboardAsset("dashboard.js", MonitorResponse.Kind.JAVASCRIPT));
        byPath.put(MonitorPaths.DASHBOARD + "/dashboard.css",
                new DashboardAsset("dashboard.css", MonitorResponse.Kind.CSS));
        byPath.put(MonitorPaths.VARZ, varz());
        byPath.put(MonitorPaths.CONNZ, new ConnzEndpoint(connections, requests));
        byPath.put(MonitorPaths.ROUTEZ, new RoutezEndpoint(status, requests));
        byPath.put(MonitorPaths.GATEWAYZ, new GatewayzEndpoint(status, requests));
        byPath.put(MonitorPaths.LEAFZ, new LeafzEndpoint(status, requests));
        SubszEndpoint subsz = new SubszEndpoint(subscriptions, requests);
        byPath.put(MonitorPaths.SUBSZ, subsz);
        byPath.put(MonitorPaths.SUBSCRIPTIONSZ, subsz);
        byPath.put(MonitorPaths.STACKSZ, new StackszEndpoint());
        byPath.put(MonitorPaths.ACCOUNTZ, new AccountzEndpoint(accounts, requests));
        byPath.put(MonitorPaths.ACCSTATZ, new AccstatzEndpoint(accounts, requests));
        byPath.put(MonitorPaths.JSZ, new JszEndpoint(status, requests));
        byPath.put(MonitorPaths.HEALTHZ, new HealthzEndpoint(status, requests));
        byPath.put(MonitorPaths.METRICS,
                new MetricsEndpoint(status, connections, subscriptions, accounts, mqtt, requests, process));
        return new MonitorRoutes(basePath, byPath);
    }

    /**
     * The monitoring JSON of the system account's request services, from the same query services and records as
     * the endpoints; it works whether or not the HTTP server runs (then /varz's {@code http_port} is 0).
     */
    public SystemServices systemServices() {
        return new JacksonSystemServices(status, connections, subscriptions, accounts, varz());
    }

    /**
     * The process's memory and CPU as /varz reports them, for the system account's STATSZ: one sampler for both, so
     * they agree.
     */
    public ProcessUsage processUsage() {
        return process;
    }

    private VarzEndpoint varz() {
        return new VarzEndpoint(status, requests, process, () -> {
            MonitorListener http = listener;
            return http != null ? http : new MonitorListener(status.status().host(), 0, false, configuredBasePath);
        });
    }

    /** Go's {@code net.JoinHostPort}: an IPv6 host in brackets. */
    private static String hostPort(String host, int port) {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    private static Thread thread(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
