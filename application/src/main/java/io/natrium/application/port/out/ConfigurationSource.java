package io.natrium.application.port.out;

import io.natrium.application.settings.ServerSettings;

/** Where the settings come from: reading them again is what a reload does. */
public interface ConfigurationSource {

    /**
     * Reads the configuration again (the file, with the command line over it) and compares it with the running
     * settings.
     */
    ReloadPlan reread(ServerSettings running);
}
