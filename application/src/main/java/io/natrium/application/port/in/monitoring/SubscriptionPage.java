package io.natrium.application.port.in.monitoring;

import io.natrium.domain.sublist.SublistStats;

import java.time.Instant;
import java.util.List;

/**
 * One page of /subsz.
 *
 * @param statistics    the sublist statistics of the accounts asked for, added up
 * @param total         the subscriptions that passed the filters; 0 when they were not listed
 * @param subscriptions the page, null when not asked for
 */
public record SubscriptionPage(
        String serverId,
        Instant now,
        SublistStats statistics,
        int total,
        int offset,
        int limit,
        List<SubscriptionInfo> subscriptions) {
}
