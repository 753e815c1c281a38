package io.natrium.application.service;

import io.natrium.application.port.in.ReloadResult;
import io.natrium.application.port.in.ReloadUseCase;
import io.natrium.application.port.out.ConfigurationObserver;
import io.natrium.application.port.out.ConfigurationSource;
import io.natrium.application.port.out.ReloadPlan;
import io.natrium.application.session.ServerContext;
import io.natrium.application.session.Sessions;
import io.natrium.application.settings.ServerSettings;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the configuration as nats-server does: read it again, refuse the whole reload when anything needs a
 * restart, otherwise put the new settings in force for running connections and tell the rest of the process.
 * One reload at a time.
 */
public final class ReloadService implements ReloadUseCase {

    private static final Logger LOG = LoggerFactory.getLogger(ReloadService.class);

    private final ServerContext server;
    private final ConfigurationSource source;
    private final ConfigurationObserver observer;

    public ReloadService(ServerContext server, ConfigurationSource source, ConfigurationObserver observer) {
        this.server = server;
        this.source = source;
        this.observer = observer;
    }

    @Override
    public synchronized ReloadResult reload() {
        ServerSettings previous = server.settings();
        ReloadPlan plan = source.reread(previous);
        if (!plan.errors().isEmpty()) {
            LOG.error("Failed to reload server configuration: {}", String.join("\n", plan.errors()));
            return new ReloadResult.Failed(plan.errors());
        }
        // In nats-server's order: each applied option is named (before a new log file takes over), then the logger
        // is reconfigured, then the clients the new settings turn away are closed.
        plan.changes().forEach(change -> LOG.info("{}", change));
        observer.settingsReloaded(previous, plan.settings());
        Sessions.applySettings(server, plan.settings());
        LOG.info("Reloaded server configuration");
        return new ReloadResult.Reloaded(plan.changes());
    }
}
