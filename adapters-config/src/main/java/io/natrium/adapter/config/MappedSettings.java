package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigError;
import io.natrium.application.settings.ServerSettings;

import java.util.List;

/**
 * What a configuration tree means.
 *
 * @param settings    the settings (defaults where the file says nothing or says something wrong)
 * @param errors      problems that must stop the server, in file order, each at the key or value concerned
 * @param warnings    nats-server's configuration warnings, e.g. {@code invalid use of field "ping_interval": ...}:
 *                    they do not stop the start, but they fail {@code -t}
 * @param notices     Natrium's own remarks, e.g. that an out-of-scope block such as {@code cluster} is ignored
 * @param unsupported keys present whose feature Natrium does not implement yet, and that may be ignored
 * @param refusals    the errors (among {@code errors}) for keys whose feature Natrium does not implement yet and
 *                    may not ignore, such as {@code tls}
 */
public record MappedSettings(
        ServerSettings settings, List<ConfigError> errors, List<ConfigError> warnings, List<ConfigError> notices,
        List<UnsupportedOption> unsupported, List<ConfigError> refusals) {

    public MappedSettings {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
        notices = List.copyOf(notices);
        unsupported = List.copyOf(unsupported);
        refusals = List.copyOf(refusals);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }
}
