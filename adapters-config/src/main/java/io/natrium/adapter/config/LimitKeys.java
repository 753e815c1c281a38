package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;

/** Top-level size and count limits: {@code max_payload}, {@code max_connections}, ... */
final class LimitKeys {

    private static final int MAX_SUB_TOKENS = 255;

    private LimitKeys() {
    }

    static void register(KeyTable<FileDraft> table) {
        table.on((draft, entry, reader) -> reader.int32(entry, draft.settings::maxControlLine), "max_control_line")
                .on((draft, entry, reader) -> reader.int32(entry, draft.settings::maxPayload), "max_payload")
                .on((draft, entry, reader) -> reader.integer(entry, draft.settings::maxPending), "max_pending")
                .on((draft, entry, reader) -> reader.goInt(entry,
                        value -> draft.settings.maxConnections(value == 0 ? -1 : value)),
                        "max_connections", "max_conn")
                .on((draft, entry, reader) -> reader.goInt(entry, draft.settings::maxSubscriptions),
                        "max_subscriptions", "max_subs")
                .on(LimitKeys::maxSubTokens, "max_sub_tokens", "max_subscription_tokens")
                .on((draft, entry, reader) -> reader.goInt(entry,
                        value -> draft.settings.limits(limits -> limits.withMaxClosedClients(value))),
                        "max_closed_clients");
    }

    private static void maxSubTokens(FileDraft draft, ConfigEntry entry, ConfigReader reader) {
        reader.integer(entry, value -> {
            if (value > MAX_SUB_TOKENS) {
                reader.error(entry, entry.key() + " value is too big");
            } else if (value <= 0) {
                reader.error(entry, entry.key() + " value can not be negative");
            } else {
                draft.settings.maxSubTokens((int) value);
            }
        });
    }
}
