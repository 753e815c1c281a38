package io.natrium.application.service;

import io.natrium.application.port.in.ReloadResult;
import io.natrium.application.port.in.ReloadUseCase;
import io.natrium.application.port.out.ConfigurationObserver;
import io.natrium.application.port.out.ConfigurationSource;
import io.natrium.application.port.out.ReloadPlan;
import io.natrium.application.server.ServerContext;
import io.natrium.application.session.Sessions;
import io.natrium.application.settings.ServerSettings;

import java.util.List;

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
        ReloadPlan plan;
        try {
            plan = source.reread(previous);
            if (plan.errors().isEmpty()) {
                Sessions.applySettings(server, plan.settings());
                if (!plan.settings().operator().enabled()) {
                    server.events().reloaded();
                }
            }
        } catch (RuntimeException e) {
            // A reload runs on a signal's thread: an exception escaping it would kill the thread without a word.
            // The running settings stay in force: the server context builds the new accounts and security before
            // it changes anything.
            return failed(List.of(e.getMessage() == null ? e.toString() : e.getMessage()));
        }
        if (!plan.errors().isEmpty()) {
            return failed(plan.errors());
        }
        // As in nats-server, each applied option is named (in the log being replaced), then the logger is
        // reconfigured. The settings were put in force first, so that a reload that fails changes nothing, not even
        // the log; nats-server closes the clients the new settings turn away after this logging.
        plan.changes().forEach(change -> LOG.info("{}", change));
        observer.settingsReloaded(previous, plan.settings());
        LOG.info("Reloaded server configuration");
        return new ReloadResult.Reloaded(plan.changes());
    }

    private static ReloadResult failed(List<String> errors) {
        LOG.error("Failed to reload server configuration: {}", String.join("\n", errors));
        return new ReloadResult.Failed(errors);
    }
}
