package io.natrium.application.port.out;

import java.time.Instant;

/** An account's connection count and traffic ({@code io.nats.server.advisory.v1.account_connections}). */
public record AccountConnections(String id, Instant timestamp, EventServer server, String account,
        int connections, int leafNodes, int totalConnections, DataStats sent, DataStats received,
        long slowConsumers) {
}
