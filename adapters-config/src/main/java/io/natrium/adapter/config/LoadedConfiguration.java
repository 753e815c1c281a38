package io.natrium.adapter.config;

import io.natrium.application.settings.ServerSettings;

import java.util.ArrayList;
import java.util.List;

/**
 * The settings to run with, from the configuration file and the command line, and everything wrong with them.
 *
 * @param settings       the settings (meaningful only without errors)
 * @param errors         what stops the server: {@code file:line:col: message} for the file, bare messages for
 *                       checks across options
 * @param fileWarnings   nats-server's configuration warnings ({@code file:line:col: invalid use of field ...}): they
 *                       fail {@code -t}, and at start nats-server prints them on standard error and goes on
 * @param warnings       Natrium's own warnings, logged at start: out-of-scope flags and blocks, large payloads
 * @param unsupported    options given whose feature Natrium does not implement yet (file keys and flags)
 * @param refusals       the errors (among {@code errors}) that refuse a feature Natrium lacks and may not ignore;
 *                       what only reads the configuration, such as the offline checker, may ignore them
 * @param bare           one error printed bare, as nats-server prints what its {@code ConfigureOptions} returns, not
 *                       as a list of positioned errors: a file that could not be read at all ({@code open x: no such
 *                       file or directory}), or {@code --routes} without a cluster listener
 */
public record LoadedConfiguration(
        ServerSettings settings, List<String> errors, List<String> fileWarnings, List<String> warnings,
        List<UnsupportedOption> unsupported, List<String> refusals, boolean bare) {

    public LoadedConfiguration(ServerSettings settings, List<String> errors, List<String> fileWarnings,
            List<String> warnings, List<UnsupportedOption> unsupported, List<String> refusals) {
        this(settings, errors, fileWarnings, warnings, unsupported, refusals, false);
    }

    public LoadedConfiguration {
        errors = List.copyOf(errors);
        refusals = List.copyOf(refusals);
        fileWarnings = List.copyOf(fileWarnings);
        warnings = List.copyOf(warnings);
        unsupported = List.copyOf(unsupported);
    }

    /** True when the server may not start. */
    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The errors other than refusals of missing features: what is wrong with the configuration itself. */
    public List<String> errorsBesidesRefusals() {
        List<String> wrong = new ArrayList<>(errors);
        wrong.removeAll(refusals);
        return wrong;
    }

    /**
     * True when {@code -t} calls the file valid: nats-server checks the file with warnings counted as errors
     * ({@code ConfigureOptions} returns whatever {@code ProcessConfigFile} reports when checking).
     */
    public boolean passesCheck() {
        return errors.isEmpty() && fileWarnings.isEmpty();
    }

    /**
     * Everything that is wrong, in nats-server's order: the configuration warnings, then the errors. This is what
     * {@code -t} prints when the file does not pass, and what the start prints when it stops.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>(fileWarnings);
        problems.addAll(errors);
        return problems;
    }
}
