package io.natrium.application.port.in.monitoring;

import java.time.Duration;

/**
 * The limits and timers in force.
 *
 * @param maxSubscriptions per connection, 0 for none
 * @param authTimeout      how long a client has to authenticate
 * @param tlsTimeout       how long a TLS handshake may take
 */
public record ServerLimits(
        int maxConnections,
        int maxSubscriptions,
        Duration pingInterval,
        int maxPingsOut,
        int maxControlLine,
        int maxPayload,
        long maxPending,
        Duration writeDeadline,
        Duration authTimeout,
        Duration tlsTimeout) {
}
