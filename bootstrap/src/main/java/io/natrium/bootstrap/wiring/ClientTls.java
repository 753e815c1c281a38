package io.natrium.bootstrap.wiring;

import io.natrium.adapter.config.TlsFilesCheck;
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
 * connection. Connections already open keep the TLS they were accepted with.
 */
public final class ClientTls implements Supplier<ServerTls> {

    private static final Logger LOG = LoggerFactory.getLogger(ClientTls.class);

    private volatile ServerTls current;

    private ClientTls(ServerTls current) {
        this.current = current;
    }

    /**
     * @throws IllegalStateException with nats-server's message when the files cannot be loaded (the configuration
     *                               loader checked them a moment before; this only fails if they changed since)
     */
    public static ClientTls of(TlsSettings settings) {
        return new ClientTls(settings == null ? null : build(settings));
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

    /** nats-server's error for the files a TLS block names, or null when they load: the configuration's check. */
    public static String problem(TlsSettings settings) {
        try {
            ServerTlsFactory.build(settings);
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
        if (settings == null) {
            // As nats-server: a reload may also turn TLS off (or on) for the connections that follow.
            current = null;
            return;
        }
        try {
            current = ServerTlsFactory.build(settings);
        } catch (TlsSetupException e) {
            LOG.error("Failed to apply the reloaded TLS configuration, keeping the previous one: {}", e.getMessage());
        }
    }

    private static ServerTls build(TlsSettings settings) {
        try {
            return ServerTlsFactory.build(settings);
        } catch (TlsSetupException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }
}
