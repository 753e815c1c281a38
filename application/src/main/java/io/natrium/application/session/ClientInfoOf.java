package io.natrium.application.session;

import io.natrium.application.port.out.ClientInfo;
import io.natrium.application.server.ConnectDetails;
import io.natrium.application.server.ConnectionView;

import java.time.Instant;

/** A connected client as nats-server's {@code ClientInfo} shares it with services. */
final class ClientInfoOf {

    private ClientInfoOf() {
    }

    /** Everything nats-server shares about a client connection. */
    static ClientInfo connection(ConnectionView client, String serverId) {
        ConnectDetails details = client.connectDetails();
        long elapsed = client.clockNanos() - client.startNanos();
        return new ClientInfo(Instant.now().minusNanos(elapsed), client.remoteHost(), client.id(),
                client.accountName(), client.authenticatedUser(), details.name(), details.lang(), details.version(),
                client.rttNanos(), serverId, "Client", "nats");
    }
}
