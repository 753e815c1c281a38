package io.natrium.application.port.out;

import io.natrium.application.settings.ServerSettings;

/** Told when reloaded settings are in force, for what lives outside the application (logging, process files). */
public interface ConfigurationObserver {

    void settingsReloaded(ServerSettings previous, ServerSettings current);
}
