package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;

/** Top-level keys of the client listener and the protocol: {@code listen}, {@code port}, {@code server_name}, ... */
final class ServerKeys {

    private ServerKeys() {
    }

    static void register(KeyTable<FileDraft> table) {
        table.on(ServerKeys::listen, "listen")
                .on((draft, entry, reader) -> reader.goInt(entry, draft.settings::port), "port")
                .on((draft, entry, reader) -> reader.string(entry, draft.settings::host), "host", "net")
                .on(ServerKeys::serverName, "server_name")
                .on((draft, entry, reader) -> reader.string(entry,
                        value -> draft.settings.network(network -> network.withClientAdvertise(value))),
                        "client_advertise")
                .on((draft, entry, reader) -> reader.bool(entry, draft.settings::noHeaderSupport),
                        "no_header_support")
                .on((draft, entry, reader) -> reader.bool(entry, draft.settings::noSublistCache),
                        "disable_sublist_cache", "no_sublist_cache")
                .on((draft, entry, reader) -> reader.bool(entry,
                        value -> draft.settings.network(network -> network.withProxyProtocol(value))),
                        "proxy_protocol");
    }

    /** An empty host ({@code listen: 4222}, {@code listen: ":4222"}) keeps the host set so far. */
    private static void listen(FileDraft draft, ConfigEntry entry, ConfigReader reader) {
        HostPort listen = HostPort.of(entry, reader);
        if (listen != null) {
            if (listen.hasHost()) {
                draft.settings.host(listen.host());
            }
            draft.settings.port(listen.port());
        }
    }

    private static void serverName(FileDraft draft, ConfigEntry entry, ConfigReader reader) {
        reader.string(entry, name -> {
            if (name.contains(" ")) {
                reader.error(entry, SettingsValidator.SERVER_NAME_HAS_SPACES);
            } else {
                draft.settings.serverName(name);
            }
        });
    }
}
