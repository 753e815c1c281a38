package io.natrium.application.port.in.monitoring;

/**
 * Server-wide counters since start. Every connection is a client connection for now, so these are also the
 * client totals.
 *
 * @param stalls how often a fast publisher was paused for a slow subscriber
 */
public record ServerTotals(
        long inMessages,
        long inBytes,
        long outMessages,
        long outBytes,
        long totalConnections,
        long slowConsumers,
        long staleConnections,
        long stalls) {
}
