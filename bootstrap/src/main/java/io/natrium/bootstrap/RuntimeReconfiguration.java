package io.natrium.bootstrap;

import io.natrium.application.port.out.ConfigurationObserver;
import io.natrium.application.settings.ServerSettings;
import io.natrium.bootstrap.logging.Logging;
import io.natrium.bootstrap.logging.LoggingException;

import java.io.IOException;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What a reload changes outside the application: the logger, the client port's TLS, the PID and ports files. */
final class RuntimeReconfiguration implements ConfigurationObserver {

    private static final Logger LOG = LoggerFactory.getLogger(RuntimeReconfiguration.class);

    private final NatriumServer server;

    RuntimeReconfiguration(NatriumServer server) {
        this.server = server;
    }

    @Override
    public void settingsReloaded(ServerSettings previous, ServerSettings current) {
        if (!previous.logging().equals(current.logging())) {
            try {
                Logging.apply(current.logging());
            } catch (LoggingException e) {
                LOG.error("Failed to apply the reloaded logging settings: {}", e.getMessage());
            }
        }
        // Always: the files may have new certificates under the same names.
        server.tlsReloaded(current);
        String pidFile = current.processFiles().pidFile();
        if (!Objects.equals(previous.processFiles().pidFile(), pidFile) && pidFile != null && !pidFile.isEmpty()) {
            try {
                server.writePidFile(current);
            } catch (IOException e) {
                LOG.error("Failed to write pidfile: {}", e.getMessage());
            }
        }
        if (!Objects.equals(previous.processFiles().portsFileDir(), current.processFiles().portsFileDir())) {
            server.writePortsFile(current);
        }
    }
}
