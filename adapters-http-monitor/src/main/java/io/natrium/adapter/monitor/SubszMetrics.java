package io.natrium.adapter.monitor;

import static io.natrium.adapter.monitor.PrometheusText.Type.COUNTER;
import static io.natrium.adapter.monitor.PrometheusText.Type.GAUGE;

import io.natrium.domain.sublist.SublistStats;

/** The sublist statistics of /subsz as prometheus-nats-exporter's {@code gnatsd_subsz_*} metrics. */
final class SubszMetrics {

    private static final String PREFIX = "gnatsd_subsz_";

    private SubszMetrics() {
    }

    static void write(PrometheusText out, String serverId, SublistStats stats) {
        String[] labels = {"server_id", serverId};
        out.metric(PREFIX + "num_subscriptions", GAUGE, "Subscriptions in the subscription table",
                stats.numSubscriptions(), labels);
        out.metric(PREFIX + "num_cache", GAUGE, "Subjects whose matches are cached", stats.numCache(), labels);
        out.metric(PREFIX + "num_inserts", COUNTER, "Subscriptions added since start", stats.numInserts(), labels);
        out.metric(PREFIX + "num_removes", COUNTER, "Subscriptions removed since start", stats.numRemoves(),
                labels);
        out.metric(PREFIX + "num_matches", COUNTER, "Subject lookups since start", stats.numMatches(), labels);
        out.metric(PREFIX + "cache_hit_rate", GAUGE, "Share of lookups answered from the cache, 0 to 1",
                stats.cacheHitRate(), labels);
        out.metric(PREFIX + "max_fanout", GAUGE, "Most subscribers of one cached subject", stats.maxFanout(),
                labels);
        out.metric(PREFIX + "avg_fanout", GAUGE, "Average subscribers of a cached subject", stats.avgFanout(),
                labels);
    }
}
