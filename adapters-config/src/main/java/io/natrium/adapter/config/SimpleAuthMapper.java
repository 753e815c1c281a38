package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.application.settings.SimpleAuthSettings;

import java.time.Duration;

/**
 * The {@code authorization} block of the WebSocket and MQTT listeners: one user or a token, and a timeout in
 * seconds or as a duration string.
 */
final class SimpleAuthMapper {

    private static final KeyTable<Draft> AUTH = KeyTable.<Draft>strict()
            .on((draft, entry, reader) -> reader.string(entry, value -> draft.user = value), "user", "username")
            .on((draft, entry, reader) -> reader.string(entry, value -> draft.password = value), "pass", "password")
            .on((draft, entry, reader) -> reader.string(entry, value -> draft.token = value), "token")
            .on((draft, entry, reader) -> {
                Duration timeout = reader.seconds(entry, "error parsing authorization config, 'timeout'");
                draft.timeout = timeout == null ? draft.timeout : timeout;
            }, "timeout");

    private static final class Draft {
        String user;
        String password;
        String token;
        Duration timeout = Duration.ZERO;
    }

    private SimpleAuthMapper() {
    }

    static SimpleAuthSettings map(ConfigEntry entry, ConfigReader reader) {
        ConfigMap block = reader.map(entry);
        if (block == null) {
            return SimpleAuthSettings.none();
        }
        Draft draft = new Draft();
        AUTH.apply(block, draft, reader);
        return new SimpleAuthSettings(draft.user, draft.password, draft.token, draft.timeout);
    }
}
