package io.natrium.adapter.monitor;

import java.time.Instant;
import java.util.List;

/** nats-server's {@code Subsz}, with the sublist statistics inline as Go embeds them. */
record SubszJson(
        String serverId,
        Instant now,
        int numSubscriptions,
        int numCache,
        long numInserts,
        long numRemoves,
        long numMatches,
        double cacheHitRate,
        int maxFanout,
        double avgFanout,
        int total,
        int offset,
        int limit,
        @OmitEmpty List<SubDetail> subscriptionsList) {
}
