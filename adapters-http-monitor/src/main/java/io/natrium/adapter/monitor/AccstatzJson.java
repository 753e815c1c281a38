package io.natrium.adapter.monitor;

import java.time.Instant;
import java.util.List;

/** nats-server's {@code AccountStatz}. */
record AccstatzJson(String serverId, Instant now, List<AccountStat> accountStatz) {

    /** nats-server's {@code AccountStat}. */
    record AccountStat(
            String acc,
            String name,
            int conns,
            int leafnodes,
            int totalConns,
            int numSubscriptions,
            DataStats sent,
            DataStats received,
            long slowConsumers) {
    }

    /** Messages and bytes, with the shares of gateways, routes and leaf nodes (none yet). */
    record DataStats(long msgs, long bytes, MsgBytes gateways, MsgBytes routes, MsgBytes leafs) {

        static DataStats clientsOnly(long msgs, long bytes) {
            return new DataStats(msgs, bytes, MsgBytes.NONE, MsgBytes.NONE, MsgBytes.NONE);
        }
    }

    record MsgBytes(long msgs, long bytes) {

        static final MsgBytes NONE = new MsgBytes(0, 0);
    }
}
