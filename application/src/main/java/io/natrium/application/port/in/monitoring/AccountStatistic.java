package io.natrium.application.port.in.monitoring;

/**
 * One account's connections and traffic (an entry of /accstatz).
 *
 * @param nameTag the account's display name, empty without one
 */
public record AccountStatistic(
        String account,
        String nameTag,
        int connections,
        int leafConnections,
        int subscriptions,
        long sentMessages,
        long sentBytes,
        long receivedMessages,
        long receivedBytes,
        long slowConsumers) {
}
