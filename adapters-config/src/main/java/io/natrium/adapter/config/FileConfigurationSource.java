package io.natrium.adapter.config;

import io.natrium.application.port.out.ConfigurationSource;
import io.natrium.application.port.out.ReloadPlan;
import io.natrium.application.settings.ServerSettings;

import java.util.List;

/**
 * The configuration the server was started with, read again on reload: the same file ({@code -c}) and the same
 * command line over it, so command-line values keep winning.
 */
public final class FileConfigurationSource implements ConfigurationSource {

    private final ConfigurationLoader loader;
    private final CommandLine.Parsed commandLine;

    public FileConfigurationSource(ConfigurationLoader loader, CommandLine.Parsed commandLine) {
        this.loader = loader;
        this.commandLine = commandLine;
    }

    @Override
    public ReloadPlan reread(ServerSettings running) {
        ReloadOutcome outcome = loader.reload(running, commandLine);
        if (!outcome.applicable()) {
            return new ReloadPlan(running, List.of(), outcome.errors());
        }
        ServerSettings reloaded = outcome.loaded().settings();
        return new ReloadPlan(reloaded, ReloadNotices.between(running, reloaded, outcome.diff().reloadable()),
                List.of());
    }
}
