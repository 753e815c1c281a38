package io.natrium.application.service;

import io.natrium.application.account.Account;
import io.natrium.application.account.TrafficCounters;
import io.natrium.application.port.in.ServerStatusQueryUseCase;
import io.natrium.application.port.in.monitoring.HealthIssue;
import io.natrium.application.port.in.monitoring.HealthQuery;
import io.natrium.application.port.in.monitoring.HealthStatus;
import io.natrium.application.port.in.monitoring.ServerLimits;
import io.natrium.application.port.in.monitoring.ServerStatus;
import io.natrium.application.port.in.monitoring.ServerTotals;
import io.natrium.application.port.out.OcspPeerCacheReport;
import io.natrium.application.port.out.ServerInfo;
import io.natrium.application.server.ServerContext;
import io.natrium.application.server.ServerIdentity;
import io.natrium.application.server.ServerStatistics;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.TlsHandshakeSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Answers /varz and /healthz from the server context. */
public final class ServerStatusService implements ServerStatusQueryUseCase {

    private static final int OK = 200;
    private static final int BAD_REQUEST = 400;
    private static final int INTERNAL_SERVER_ERROR = 500;

    private final ServerContext server;
    private final MonitoringClock clock;
    private final OcspPeerCacheReport ocspPeerCache;

    public ServerStatusService(ServerContext server, MonitoringClock clock) {
        this(server, clock, OcspPeerCacheReport.NONE);
    }

    public ServerStatusService(ServerContext server, MonitoringClock clock, OcspPeerCacheReport ocspPeerCache) {
        this.server = server;
        this.clock = clock;
        this.ocspPeerCache = ocspPeerCache;
    }

    @Override
    public ServerStatus status() {
        ServerSettings settings = server.settings();
        ServerIdentity identity = server.identity();
        ServerInfo info = server.info();
        ServerStatistics statistics = server.statistics();
        ServerLimits limits = new ServerLimits(settings.maxConnections(), settings.maxSubscriptions(),
                settings.pingInterval(), settings.maxPingsOut(), settings.maxControlLine(), settings.maxPayload(),
                settings.maxPending(), settings.writeDeadline(), settings.authTimeout(), tlsTimeout(settings));
        TrafficCounters traffic = statistics.traffic();
        ServerTotals totals = new ServerTotals(traffic.inMessages(), traffic.inBytes(), traffic.outMessages(),
                traffic.outBytes(), statistics.totalConnections(), statistics.slowConsumers(),
                statistics.staleConnections(), statistics.stalls());
        return new ServerStatus(identity.id(), identity.name(), identity.version(), info.proto(), identity.runtime(),
                info.host(), info.port(), limits, clock.started(), clock.now(), clock.uptime(),
                configLoadTime(), configDigest(settings), server.clients().size(),
                subscriptions(), totals, systemAccountName(server), server.security().authRequired(),
                info.tlsRequired(), info.tlsVerify(), info.tlsRequired() && ocspPeerVerify(settings),
                server.websocket(), server.mqtt(), settings.operator().operators(),
                settings.proxies().configured() ? settings.proxies().trustedKeys() : null, ocspPeerCache.counters());
    }

    private static boolean ocspPeerVerify(ServerSettings settings) {
        return settings.tls() != null && settings.tls().ocspPeer() != null && settings.tls().ocspPeer().verify();
    }

    /** As nats-server's /varz, the subscriptions of every account, the system account's included. */
    private int subscriptions() {
        int count = 0;
        for (Account account : server.accounts().all()) {
            count += account.sublist().count();
        }
        return count;
    }

    static String systemAccountName(ServerContext server) {
        Account system = server.systemAccount();
        return system == null ? null : system.name();
    }

    /** The client listener's handshake timeout; nats-server's default of 2 s without TLS. */
    private static Duration tlsTimeout(ServerSettings settings) {
        return settings.tls() == null ? TlsHandshakeSettings.DEFAULT_TIMEOUT : settings.tls().handshake().timeout();
    }

    private static String configDigest(ServerSettings settings) {
        String digest = settings.origin().configDigest();
        return digest == null ? "" : digest;
    }

    /** When the settings in force were loaded: at start, or by the last reload. */
    private Instant configLoadTime() {
        Instant reloaded = server.settingsReloadedAt();
        return reloaded == null ? clock.started() : reloaded;
    }

    /**
     * nats-server's health check for a server without JetStream: the request must be well formed, and the client
     * listener must be up; JetStream checks do not apply.
     */
    @Override
    public HealthStatus health(HealthQuery query) {
        boolean details = query.details();
        if (query.account().isEmpty() && !query.stream().isEmpty()) {
            return failed(BAD_REQUEST, "BAD_REQUEST", "\"account\" must not be empty when checking stream health",
                    details);
        }
        if (query.stream().isEmpty() && !query.consumer().isEmpty()) {
            return failed(BAD_REQUEST, "BAD_REQUEST", "\"stream\" must not be empty when checking consumer health",
                    details);
        }
        if (!server.isClientListenerReady() || server.isShuttingDown()) {
            return failed(INTERNAL_SERVER_ERROR, "CONNECTION",
                    "failed to be ready for connections after 1ms: server", details);
        }
        return new HealthStatus("ok", OK, "", List.of());
    }

    private static HealthStatus failed(int code, String type, String error, boolean details) {
        if (details) {
            return new HealthStatus("error", code, "", List.of(new HealthIssue(type, "", "", "", error)));
        }
        return new HealthStatus("error", code, error, List.of());
    }
}
