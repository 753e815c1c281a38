package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.domain.text.GoStrings;

/**
 * Top-level keys of features outside Natrium's scope (clustering, gateways, leaf nodes, JetStream): accepted with a
 * warning, so that a nats-server configuration still starts a single server.
 */
final class OutOfScopeKeys {

    private OutOfScopeKeys() {
    }

    static void register(KeyTable<FileDraft> table) {
        table.on(OutOfScopeKeys::warn, "cluster", "gateway", "leaf", "leafnodes", "jetstream", "default_js_domain", "connect_error_reports", "reconnect_error_reports");
    }

    static <T> void warn(T draft, ConfigEntry entry, ConfigReader reader) {
        reader.notice(entry, GoStrings.quote(entry.key()) + " is not supported by Natrium (out of scope) and is "
                + "ignored");
    }
}
