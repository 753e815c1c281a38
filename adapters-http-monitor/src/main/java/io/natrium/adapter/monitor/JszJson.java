package io.natrium.adapter.monitor;

import java.time.Instant;

/**
 * nats-server's {@code JSInfo} of a server with JetStream disabled: the embedded {@code JetStreamStats} first (all
 * zero), then {@code disabled: true} and an empty configuration.
 */
record JszJson(
        long memory,
        long storage,
        long reservedMemory,
        long reservedStorage,
        int accounts,
        int haAssets,
        Api api,
        String serverId,
        Instant now,
        @OmitEmpty boolean disabled,
        Config config,
        int streams,
        int consumers,
        long messages,
        long bytes,
        int total) {

    static JszJson disabled(String serverId, Instant now) {
        return new JszJson(0, 0, 0, 0, 0, 0, new Api(0, 0, 0), serverId, now, true, new Config(0, 0), 0, 0, 0, 0,
                0);
    }

    record Api(int level, long total, long errors) {
    }

    record Config(long maxMemory, long maxStorage) {
    }
}
