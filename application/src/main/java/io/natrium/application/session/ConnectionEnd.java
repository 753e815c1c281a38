package io.natrium.application.session;

import io.natrium.application.account.ClientSubscription;
import io.natrium.application.port.CloseReason;
import io.natrium.application.server.ClosedConnection;
import io.natrium.application.server.ServerContext;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server keeps and tells once a client's transport is gone: the closed-connection record, the connection
 * out of the registry and its account, the slow-consumer and stale counters, the close event and the traces of the
 * subscriptions that went with it.
 */
final class ConnectionEnd {

    // One logger for everything a client connection logs, as log configurations name it.
    private static final Logger LOG = LoggerFactory.getLogger(ClientConnection.class);

    private ConnectionEnd() {
    }

    static void record(ClientConnection connection, SubscriptionTable subscriptions, ClientAdmission admission,
            CloseReason reason) {
        ServerContext server = connection.server();
        RegisteredConnection registered = connection.registered();
        // Captured before the subscriptions go, recorded once the connection has left the open ones.
        ClosedConnection record = ClosedConnection.capture(registered, reason, subscriptions.all());
        List<ClientSubscription> removed = subscriptions.removeAll();
        server.clients().remove(registered);
        admission.leave();
        server.closedConnections().add(record);
        if (reason == CloseReason.STALE_CONNECTION) {
            server.statistics().staleConnection();
        }
        if (reason.dropsPendingData()) {
            server.statistics().slowConsumer();
            connection.account().slowConsumer();
            LOG.info("{} - Slow Consumer Detected: {}", connection, reason.text());
        }
        LOG.debug("{} - Client connection closed: {}", connection, reason.text());
        server.events().clientClosed(registered, reason);
        if (server.tracer().enabled() && !server.isShuttingDown()) {
            removed.forEach(subscriptions::traceRemoved);
        }
    }
}
