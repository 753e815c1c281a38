package io.natrium.application.settings;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

/**
 * Where settings came from.
 *
 * @param configFile   the configuration file they were read from ({@code -c}); null when there was none
 * @param configDigest nats-server's {@code config_digest} of that file ({@code sha256:...}); null without a file
 * @param commandLine  the options the command line set; these win over the file, also after a reload
 */
public record SettingsOrigin(String configFile, String configDigest, Set<Setting> commandLine) {

    public SettingsOrigin {
        EnumSet<Setting> copy = EnumSet.noneOf(Setting.class);
        copy.addAll(commandLine);
        commandLine = Collections.unmodifiableSet(copy);
    }

    public static SettingsOrigin defaults() {
        return new SettingsOrigin(null, null, Set.of());
    }

    /** True when the command line set this option. */
    public boolean fromCommandLine(Setting setting) {
        return commandLine.contains(setting);
    }

    public SettingsOrigin withConfigFile(String file, String digest) {
        return new SettingsOrigin(file, digest, commandLine);
    }

    public SettingsOrigin withCommandLine(Set<Setting> settings) {
        return new SettingsOrigin(configFile, configDigest, settings);
    }
}
