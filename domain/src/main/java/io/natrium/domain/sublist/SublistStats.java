package io.natrium.domain.sublist;

/**
 * A snapshot of a sublist's counters, with the field meanings of nats-server's {@code SublistStats}. Fan-out counts
 * plain subscriptions plus queue groups of the cached results, so it is only known while the cache is enabled.
 */
public record SublistStats(
        int numSubscriptions,
        int numCache,
        long numInserts,
        long numRemoves,
        long numMatches,
        long cacheHits,
        double cacheHitRate,
        int maxFanout,
        double avgFanout) {
}
