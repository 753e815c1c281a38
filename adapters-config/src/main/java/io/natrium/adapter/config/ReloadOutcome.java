package io.natrium.adapter.config;

import java.util.List;

/**
 * What reloading the configuration gives.
 *
 * @param loaded the settings read again (file, then the same command line)
 * @param diff   what changed against the running settings; empty when loading failed
 */
public record ReloadOutcome(LoadedConfiguration loaded, SettingsDiff diff) {

    /** True when the new settings may replace the running ones: no error and no refused change. */
    public boolean applicable() {
        return !loaded.hasErrors() && diff.canReload();
    }

    /**
     * Why the reload fails: the file's problems (its warnings count only beside errors, as in nats-server), or the
     * refused changes.
     */
    public List<String> errors() {
        return loaded.hasErrors() ? loaded.problems() : diff.errors();
    }
}
