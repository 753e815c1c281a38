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
        List<String> changes = outcome.diff().reloadable().stream()
                .map(change -> change.setting().key() + " = " + describe(change.newValue()))
                .toList();
        return new ReloadPlan(outcome.loaded().settings(), changes, List.of());
    }

    private static String describe(Object value) {
        return value == null ? "" : value.toString();
    }
}
