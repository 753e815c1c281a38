package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.domain.text.GoStrings;

/**
 * Top-level keys of features outside Natrium's scope (clustering, gateways, leaf nodes, JetStream): accepted with a
 * warning, so that a nats-server configuration still starts a single server.
 */
final class OutOfScopeKeys {

    private OutOfScopeKeys() {
    }

    static void register(KeyTable<FileDraft> table) {
        table.on(OutOfScopeKeys::jetstream, "jetstream");
        table.on(OutOfScopeKeys::warn, "cluster", "gateway", "leaf", "leafnodes", "default_js_domain", "connect_error_reports", "reconnect_error_reports");
    }

    /**
     * JetStream is out of scope, but its {@code store_dir} is where a nats-server configuration with MQTT keeps MQTT's
     * state, so Natrium keeps its MQTT store there too (as the top-level {@code store_dir}, whichever comes last).
     */
    private static void jetstream(FileDraft draft, ConfigEntry entry, ConfigReader reader) {
        warn(draft, entry, reader);
        if (entry.value() instanceof ConfigMap block) {
            for (ConfigEntry key : block.all()) {
                if (key.key().equalsIgnoreCase("store_dir") || key.key().equalsIgnoreCase("storedir")) {
                    reader.string(key, dir -> draft.settings.processFiles(files -> files.withStoreDir(dir)));
                }
            }
        }
    }

    static <T> void warn(T draft, ConfigEntry entry, ConfigReader reader) {
        reader.notice(entry, GoStrings.quote(entry.key()) + " is not supported by Natrium (out of scope) and is "
                + "ignored");
    }
}
