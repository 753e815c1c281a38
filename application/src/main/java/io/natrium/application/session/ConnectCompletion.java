package io.natrium.application.session;

import io.natrium.application.port.CloseReason;

/**
 * The rest of nats-server's {@code processConnect} once the client is in: the CONNECT options that cannot be
 * honoured close it, and an accepted client gets its first PING armed, its {@code +OK} when verbose, and its connect
 * event.
 */
final class ConnectCompletion {

    private ConnectCompletion() {
    }

    static void admitted(ClientConnection connection, ClientAuthentication authentication) {
        ClientOptions options = connection.options();
        if (!options.account.isEmpty() || options.newAccount) {
            authentication.failed(CloseReason.AUTHENTICATION_VIOLATION);
            return;
        }
        if (options.protocol < 0 || options.protocol > 1) {
            connection.closeWithError("invalid client protocol", CloseReason.BAD_CLIENT_PROTOCOL_VERSION);
            return;
        }
        if (options.noResponders && !connection.deliveryProfile().headers()) {
            connection.closeWithError("no responders requires headers support",
                    CloseReason.NO_RESPONDERS_REQUIRES_HEADERS);
            return;
        }
        if (KeepAlive.pingsClient(connection.connectionType())) {
            connection.keepAlive().armFirstPing();
        }
        if (options.verbose) {
            connection.sendOk();
        }
        connection.server().events().clientConnected(connection.registered());
    }
}
