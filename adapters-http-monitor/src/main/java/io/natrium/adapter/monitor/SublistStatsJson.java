package io.natrium.adapter.monitor;

import io.natrium.domain.sublist.SublistStats;

/** nats-server's {@code SublistStats} (its cache hits are not written). */
record SublistStatsJson(
        int numSubscriptions,
        int numCache,
        long numInserts,
        long numRemoves,
        long numMatches,
        double cacheHitRate,
        int maxFanout,
        double avgFanout) {

    static SublistStatsJson of(SublistStats stats) {
        return new SublistStatsJson(stats.numSubscriptions(), stats.numCache(), stats.numInserts(),
                stats.numRemoves(), stats.numMatches(), stats.cacheHitRate(), stats.maxFanout(), stats.avgFanout());
    }
}
