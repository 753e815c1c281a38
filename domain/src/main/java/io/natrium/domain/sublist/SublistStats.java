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

    /** No subscriptions, no matches: what a sum starts from. */
    public static final SublistStats EMPTY = new SublistStats(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /**
     * The counters of two sublists together, as nats-server's {@code SublistStats.add} adds up the accounts for
     * /subsz: counts add, the largest fan-out wins, and the rates are recomputed from the summed hits, matches and
     * fan-outs rather than averaged (an account with many matches weighs more). The total fan-out is recovered from
     * the average and the number of cached results, which is exact since it is a whole number.
     */
    public SublistStats plus(SublistStats other) {
        long matches = numMatches + other.numMatches;
        long hits = cacheHits + other.cacheHits;
        int cached = numCache + other.numCache;
        long totalFanout = Math.round(avgFanout * numCache) + Math.round(other.avgFanout * other.numCache);
        return new SublistStats(numSubscriptions + other.numSubscriptions, cached, numInserts + other.numInserts,
                numRemoves + other.numRemoves, matches, hits, matches == 0 ? 0 : (double) hits / matches,
                Math.max(maxFanout, other.maxFanout), cached == 0 ? 0 : (double) totalFanout / cached);
    }
}
