package io.natrium.bootstrap;

import io.natrium.application.port.out.ConfigurationSource;
import io.natrium.application.port.out.ReloadPlan;
import io.natrium.application.settings.ServerSettings;

import java.util.List;

/** The source of a server started without {@code -c}: there is nothing to read again. */
final class NoConfigurationFile implements ConfigurationSource {

    static final String ERROR = "can only reload config when a file is provided using -c or --config";

    @Override
    public ReloadPlan reread(ServerSettings running) {
        return new ReloadPlan(running, List.of(), List.of(ERROR));
    }
}
