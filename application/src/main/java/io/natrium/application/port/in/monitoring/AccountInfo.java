package io.natrium.application.port.in.monitoring;

import io.natrium.domain.sublist.SublistStats;

import java.time.Instant;

/**
 * One account in detail (/accountz?acc=).
 *
 * @param updated when the account was last registered or updated
 */
public record AccountInfo(
        String name,
        Instant updated,
        boolean system,
        boolean expired,
        boolean complete,
        boolean jetStream,
        int leafConnections,
        int clientConnections,
        int subscriptions,
        SublistStats sublist) {
}
