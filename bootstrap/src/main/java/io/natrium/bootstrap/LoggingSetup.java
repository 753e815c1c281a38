package io.natrium.bootstrap;

import io.natrium.application.settings.LoggingSettings;
import io.natrium.bootstrap.logging.NatsLogConfigurator;

/** Chooses the log level and line format before the first logger exists; the configurator reads them back. */
final class LoggingSetup {

    private LoggingSetup() {
    }

    static void apply(LoggingSettings logging) {
        String level = logging.trace() ? "TRACE" : logging.debug() ? "DEBUG" : "INFO";
        System.setProperty(NatsLogConfigurator.LEVEL_PROPERTY, level);
        System.setProperty(NatsLogConfigurator.TIME_PROPERTY, Boolean.toString(logging.logTime()));
        System.setProperty(NatsLogConfigurator.UTC_PROPERTY, Boolean.toString(logging.logTimeUtc()));
    }
}
