package io.natrium.adapter.config;

import io.natrium.application.settings.ServerSettings;

import java.util.List;

/**
 * What a reload would change, and whether it may ({@code diffOptions} in nats-server's {@code server/reload.go}):
 * logging, TLS, authorization, accounts and most limits are applied; host, port, server name, listeners and a
 * few limits are refused. nats-server stops at the first refusal; this lists them all.
 *
 * @param changes every option that differs
 */
public record SettingsDiff(List<SettingChange> changes) {

    public SettingsDiff {
        changes = List.copyOf(changes);
    }

    /** Compares running settings with reloaded ones (the file read again, the command line applied again). */
    public static SettingsDiff between(ServerSettings running, ServerSettings reloaded) {
        return new SettingsDiff(ReloadRules.compare(running, reloaded));
    }

    public List<SettingChange> reloadable() {
        return changes.stream().filter(SettingChange::reloadable).toList();
    }

    public List<SettingChange> refused() {
        return changes.stream().filter(change -> !change.reloadable()).toList();
    }

    /** True when every change may be applied without a restart. */
    public boolean canReload() {
        return changes.stream().allMatch(SettingChange::reloadable);
    }

    /** nats-server's refusals, e.g. {@code config reload not supported for ServerName: old=a, new=b}. */
    public List<String> errors() {
        return refused().stream().map(SettingChange::refusal).toList();
    }
}
