package io.natrium.application.port.out;

import java.time.Instant;

/** What STATSZ reports ({@code ServerStats}), without routes, gateways or JetStream, which Natrium lacks. */
public record ServerStats(Instant start, long memory, int cores, double cpu, int connections,
        long totalConnections, int activeAccounts, int subscriptions, DataStats sent, DataStats received,
        long slowConsumers) {
}
