package io.natrium.adapter.config;

import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.Setting;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The options the command line set, kept so that they can be applied on top of the configuration file at start
 * and again after every reload (nats-server's {@code FlagSnapshot}): command-line values always win. Immutable.
 */
public final class FlagOverrides {

    private static final FlagOverrides NONE = new FlagOverrides(List.of());

    /** What one flag sets, and how. */
    record Change(Set<Setting> settings, Consumer<ServerSettings.Builder> apply) {
    }

    private final List<Change> changes;

    private FlagOverrides(List<Change> changes) {
        this.changes = List.copyOf(changes);
    }

    static FlagOverrides none() {
        return NONE;
    }

    static FlagOverrides of(List<Change> changes) {
        return changes.isEmpty() ? NONE : new FlagOverrides(changes);
    }

    /** The options the flags set. */
    public Set<Setting> settings() {
        EnumSet<Setting> settings = EnumSet.noneOf(Setting.class);
        changes.forEach(change -> settings.addAll(change.settings()));
        return Collections.unmodifiableSet(settings);
    }

    public boolean isEmpty() {
        return changes.isEmpty();
    }

    /** The given settings with every flag applied in command-line order, their origin recording which. */
    public ServerSettings applyTo(ServerSettings settings) {
        ServerSettings.Builder builder = settings.toBuilder();
        changes.forEach(change -> change.apply().accept(builder));
        return builder.origin(origin -> origin.withCommandLine(settings())).build();
    }
}
