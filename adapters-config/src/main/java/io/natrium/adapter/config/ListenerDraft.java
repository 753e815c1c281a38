package io.natrium.adapter.config;

import io.natrium.application.settings.SimpleAuthSettings;
import io.natrium.application.settings.TlsSettings;

/**
 * What the {@code websocket} and {@code mqtt} blocks have in common: where they listen, their TLS, their own
 * user or token and their no-auth user. {@link #register} adds those keys to a block's table.
 */
abstract class ListenerDraft {

    String host;
    int port;
    TlsSettings tls;
    SimpleAuthSettings authorization = SimpleAuthSettings.none();
    String noAuthUser;

    static <T extends ListenerDraft> KeyTable<T> register(KeyTable<T> table) {
        return table.on((draft, entry, reader) -> {
            HostPort listen = HostPort.of(entry, reader);
            if (listen != null) {
                draft.host = listen.hasHost() ? listen.host() : draft.host;
                draft.port = listen.port();
            }
        }, "listen")
                .on((draft, entry, reader) -> reader.goInt(entry, port -> draft.port = port), "port")
                .on((draft, entry, reader) -> reader.string(entry, host -> draft.host = host), "host", "net")
                .on((draft, entry, reader) -> draft.tls = TlsMapper.map(entry, reader, true), "tls")
                .on((draft, entry, reader) -> draft.authorization = SimpleAuthMapper.map(entry, reader),
                        "authorization", "authentication")
                .on((draft, entry, reader) -> reader.string(entry, user -> draft.noAuthUser = user), "no_auth_user");
    }
}
