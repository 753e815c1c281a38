package io.natrium.adapter.config;

import io.natrium.application.settings.Setting;

/**
 * One option that differs between the running settings and reloaded ones.
 *
 * @param setting  the option
 * @param oldValue its running value
 * @param newValue its reloaded value
 * @param refusal  why it cannot change without a restart, in nats-server's words
 *                 ({@code config reload not supported for ServerName: old=a, new=b}); null when it can
 */
public record SettingChange(Setting setting, Object oldValue, Object newValue, String refusal) {

    public boolean reloadable() {
        return refusal == null;
    }
}
