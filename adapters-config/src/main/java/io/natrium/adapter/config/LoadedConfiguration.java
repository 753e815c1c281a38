package io.natrium.adapter.config;

import io.natrium.application.settings.ServerSettings;

import java.util.List;

/**
 * The settings to run with, from the configuration file and the command line, and everything wrong with them.
 *
 * @param settings    the settings (meaningful only without errors)
 * @param errors      what stops the server: {@code file:line:col: message} for the file, bare messages for
 *                    checks across options; print them and exit 1
 * @param warnings    what does not: out-of-scope flags and blocks, deprecated spellings, large payloads
 * @param unsupported options given whose feature Natrium does not implement yet (file keys and flags)
 */
public record LoadedConfiguration(
        ServerSettings settings, List<String> errors, List<String> warnings, List<UnsupportedOption> unsupported) {

    public LoadedConfiguration {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        unsupported = List.copyOf(unsupported);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
