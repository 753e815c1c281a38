package io.natrium.application.session;

import io.natrium.application.port.out.ClientOutbound;
import io.natrium.application.server.ServerContext;

/**
 * The INFO nats-server sends after the greeting, only to a client that takes asynchronous INFO (CONNECT protocol 1):
 * once after the first PONG that follows its CONNECT, naming its account, and at lame duck mode, to send it to
 * another server. Confined to the connection's thread.
 */
final class AsynchronousInfo {

    private final ServerContext server;
    private final ClientOutbound outbound;
    private final ClientOptions options;
    private final RegisteredConnection client;
    private boolean firstPongSent;

    AsynchronousInfo(ServerContext server, ClientOutbound outbound, ClientOptions options,
            RegisteredConnection client) {
        this.server = server;
        this.outbound = outbound;
        this.options = options;
        this.client = client;
    }

    /** A PONG went to a client that sent CONNECT: after the first, it learns its account. */
    void pongSent(String accountName) {
        if (firstPongSent) {
            return;
        }
        firstPongSent = true;
        if (options.protocol >= 1) {
            outbound.sendInfo(server.info().forClient(client.id(), client.remoteHost())
                    .asConnectInfo(accountName, false));
        }
    }

    /** Lame duck mode began: a client that has had its first INFO update is told. */
    void lameDuckMode() {
        if (options.protocol >= 1 && firstPongSent) {
            outbound.sendInfo(server.info().withLameDuckMode().forClient(client.id(), client.remoteHost()));
            outbound.flush();
        }
    }
}
