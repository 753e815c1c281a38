package io.natrium.application.system;

import io.natrium.application.port.out.EventFilter;
import io.natrium.application.port.out.MonitoringReply;
import io.natrium.application.server.ServerContext;

/**
 * Sends a request service's reply as nats-server's {@code zReq} does: nothing without a reply subject or for a
 * request meant for other servers, else {@code {"server":…,"data":…}} or {@code {"server":…,"error":…}}.
 */
final class SystemReplies {

    private final ServerContext server;
    private final SystemSendQueue queue;

    SystemReplies(ServerContext server, SystemSendQueue queue) {
        this.server = server;
        this.queue = queue;
    }

    /** On the system thread. */
    void send(String reply, MonitoringReply answer) {
        if (reply.isEmpty()) {
            return;
        }
        if (answer instanceof MonitoringReply.Data data) {
            queue.publish(reply, null, header -> server.messages().apiResponse(header, data.json(), 0, null));
        } else if (answer instanceof MonitoringReply.Failed failed) {
            queue.publish(reply, null,
                    header -> server.messages().apiResponse(header, failed.nullData() ? "null" : null, failed.code(),
                            failed.description()));
        }
    }

    /** Sends a payload of its own (IDZ's, NSUBS's) to the reply; nothing without one. */
    void sendRaw(String reply, byte[] payload) {
        if (!reply.isEmpty()) {
            queue.publish(reply, null, header -> payload);
        }
    }

    /**
     * nats-server's {@code filterRequest}: a request is for this server when its name and host contain the given
     * texts; a single server has no cluster, tags or JetStream domain, so naming any of them leaves it out.
     */
    boolean forThisServer(EventFilter filter) {
        return server.identity().name().contains(filter.serverName())
                && server.settings().host().contains(filter.host())
                && filter.cluster().isEmpty()
                && filter.tags().isEmpty()
                && filter.domain().isEmpty();
    }
}
