package io.natrium.bootstrap.wiring;

import io.natrium.adapter.config.TlsFilesCheck;
import io.natrium.adapter.tls.BoringSsl;
import io.natrium.adapter.tls.OcspException;
import io.natrium.adapter.tls.OcspMonitor;
import io.natrium.adapter.tls.OcspPeerVerifier;
import io.natrium.adapter.tls.OcspStapling;
import io.natrium.adapter.tls.ServerTls;
import io.natrium.adapter.tls.ServerTlsFactory;
import io.natrium.adapter.tls.TlsSetupException;
import io.natrium.application.settings.OcspSettings;
import io.natrium.application.settings.TlsSettings;

import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The client port's TLS in force: built at start from the settings, rebuilt by every reload (the certificate files
 * may have changed behind the same names, as nats-server rereads them), read by the listener for each new
 * connection. Connections already open keep the TLS they were accepted with. The client port's certificate is
 * stapled where nats-server would staple it: its {@link OcspMonitor} is made with the TLS (the status asked for
 * first), started with the server and replaced by a reload, as nats-server's {@code reloadOCSP} replaces it.
 */
public final class ClientTls implements Supplier<ServerTls> {

    private static final Logger LOG = LoggerFactory.getLogger(ClientTls.class);

    private volatile ServerTls current;
    /** Whether this listener staples (the client port) or never does (WebSocket, HTTPS monitoring). */
    private final boolean stapling;
    /** What a revocation runs when it stops the server; null until the server starts. Guarded by this. */
    private Runnable shutdown;

    /** Checks the client certificates of blocks with {@code ocsp_peer}. */
    private final OcspPeerVerifier peers;

    private ClientTls(ServerTls current, boolean stapling, OcspPeerVerifier peers) {
        this.current = current;
        this.stapling = stapling;
        this.peers = peers;
    }

    /**
     * A listener's TLS that staples nothing.
     *
     * @throws IllegalStateException with nats-server's message when the files cannot be loaded (the configuration
     *                               loader checked them a moment before; this only fails if they changed since)
     */
    public static ClientTls of(TlsSettings settings) {
        return of(settings, OcspPeerVerifier.standalone());
    }

    /** As {@link #of(TlsSettings)}, client certificates checked by {@code peers} where the block asks. */
    public static ClientTls of(TlsSettings settings, OcspPeerVerifier peers) {
        return new ClientTls(settings == null ? null : build(settings, null, peers), false, peers);
    }

    /**
     * The client port's TLS, its certificate stapled as nats-server decides for {@code ocsp} (null: no block).
     *
     * @throws IllegalStateException with nats-server's message when the files cannot be loaded or the staple stops
     *                               the start
     */
    public static ClientTls stapled(TlsSettings settings, OcspSettings ocsp, OcspPeerVerifier peers) {
        return new ClientTls(settings == null ? null : build(settings, monitor(settings, ocsp), peers), true, peers);
    }

    /**
     * Starts refreshing the staple, as nats-server's {@code startOCSPMonitoring} when the server starts;
     * {@code shutdown} stops the server when a revocation must.
     */
    public synchronized void startStapling(Runnable shutdown) {
        this.shutdown = shutdown;
        OcspMonitor monitor = monitor(current);
        if (monitor != null) {
            monitor.start(shutdown);
        }
    }

    /** Stops refreshing the staple (the server's shutdown). */
    public synchronized void stopStapling() {
        shutdown = null;
        OcspMonitor monitor = monitor(current);
        if (monitor != null) {
            monitor.stop();
        }
    }

    /** The configuration loader's check: the TLS files, then OCSP stapling as nats-server decides it. */
    public static final TlsFilesCheck CHECK = new TlsFilesCheck() {
        @Override
        public String problem(TlsSettings tls) {
            return ClientTls.problem(tls);
        }

        @Override
        public OcspProblem ocspProblem(TlsSettings tls, OcspSettings ocsp) {
            try {
                OcspStapling.Problem problem = OcspStapling.problem(tls, ocsp);
                return problem == null ? null : new OcspProblem(problem.text(), problem.refusal());
            } catch (TlsSetupException e) {
                // The files were checked a moment before; problem() reports them.
                return null;
            }
        }

        @Override
        public String ocspWarning(TlsSettings tls, OcspSettings ocsp) {
            return OcspStapling.warning(tls, ocsp);
        }
    };

    /**
     * nats-server's error for the files a TLS block names, or null when they load: the configuration's check. The
     * TLS provider starts loading meanwhile, for the listener to come.
     */
    public static String problem(TlsSettings settings) {
        BoringSsl.prepareInBackground();
        try {
            ServerTlsFactory.check(settings);
            return null;
        } catch (TlsSetupException e) {
            return e.getMessage();
        }
    }

    @Override
    public ServerTls get() {
        return current;
    }

    /**
     * Puts a reloaded TLS block in force for new connections, or none. The reload has loaded the files already;
     * should they fail now, the TLS in force stays and the error is logged.
     */
    public void reload(TlsSettings settings) {
        reload(settings, null);
    }

    /**
     * As {@link #reload(TlsSettings)}, with the reloaded {@code ocsp} block where this listener staples: the staple's
     * monitor is replaced (the status asked for again) and the new one started, as nats-server's {@code reloadOCSP}.
     */
    public synchronized void reload(TlsSettings settings, OcspSettings ocsp) {
        ServerTls previous = current;
        if (settings == null) {
            // As nats-server: a reload may also turn TLS off (or on) for the connections that follow.
            current = null;
            replaced(previous);
            return;
        }
        try {
            OcspMonitor monitor = stapling ? OcspStapling.monitor(settings, ocsp) : null;
            current = ServerTlsFactory.build(settings, monitor, peers);
            replaced(previous);
            if (monitor != null && shutdown != null) {
                monitor.start(shutdown);
            }
        } catch (TlsSetupException | OcspException e) {
            LOG.error("Failed to apply the reloaded TLS configuration, keeping the previous one: {}", e.getMessage());
        }
    }

    private static void replaced(ServerTls previous) {
        OcspMonitor monitor = monitor(previous);
        if (monitor != null) {
            monitor.stop();
        }
    }

    private static OcspMonitor monitor(ServerTls tls) {
        return tls == null ? null : tls.stapling();
    }

    private static OcspMonitor monitor(TlsSettings settings, OcspSettings ocsp) {
        try {
            return OcspStapling.monitor(settings, ocsp);
        } catch (OcspException | TlsSetupException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static ServerTls build(TlsSettings settings, OcspMonitor monitor, OcspPeerVerifier peers) {
        try {
            return ServerTlsFactory.build(settings, monitor, peers);
        } catch (TlsSetupException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
