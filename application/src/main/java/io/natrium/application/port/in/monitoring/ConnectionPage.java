package io.natrium.application.port.in.monitoring;

import java.time.Instant;
import java.util.List;

/**
 * One page of /connz.
 *
 * @param serverId    the server id; empty when the account asked for does not exist (as nats-server answers)
 * @param total       the connections in the chosen state (and account), before the user and MQTT filters
 * @param connections the page, null when the account asked for does not exist
 */
public record ConnectionPage(
        String serverId,
        Instant now,
        int total,
        int offset,
        int limit,
        List<ConnectionInfo> connections) {
}
