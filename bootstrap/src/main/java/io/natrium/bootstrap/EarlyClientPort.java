package io.natrium.bootstrap;

import io.natrium.adapter.tcp.EarlyListeningSocket;
import io.natrium.application.server.ClientRegistry;
import io.natrium.application.server.InfoTemplate;
import io.natrium.application.server.ServerIdentity;
import io.natrium.application.settings.ServerSettings;

import java.util.Optional;

/**
 * The client port of a command line that names nothing but it ({@link EarlyAddress}), bound first thing in
 * {@code main} and answering: each client is greeted with its INFO at once and waits, its input unread, for the
 * server to be wired (about a second of CPU). Such a command line leaves every other setting at its default, so the
 * INFO is known before the configuration is read; the server is then wired with the same identity, and the
 * application tells a client again whatever differs.
 *
 * @param identity the identity the clients were told, which the server must take
 */
record EarlyClientPort(EarlyAddress address, EarlyListeningSocket socket, ServerIdentity identity) {

    /** The port bound and greeting, or nothing for any other command line or when the address cannot be bound. */
    static Optional<EarlyClientPort> open(String[] args) {
        Optional<EarlyAddress> address = EarlyAddress.of(args);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        Optional<EarlyListeningSocket> socket = EarlyListeningSocket.bind(address.get().host(),
                address.get().bindPort());
        if (socket.isEmpty()) {
            return Optional.empty();
        }
        ServerIdentity identity = ServerIdentity.generate(null);
        socket.get().greetWith(InfoTemplate.of(identity, ServerSettings.defaults(), false, address.get().host(),
                socket.get().port()), ClientRegistry.INTERNAL_CLIENTS_OF_DEFAULTS);
        return Optional.of(new EarlyClientPort(address.get(), socket.get(), identity));
    }

    /** Whether the settings ask for this address. */
    boolean matches(ServerSettings settings) {
        return address.matches(settings);
    }
}
