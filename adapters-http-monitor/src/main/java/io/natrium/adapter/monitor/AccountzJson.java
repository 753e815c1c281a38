package io.natrium.adapter.monitor;

import java.time.Instant;
import java.util.List;

/** nats-server's {@code Accountz}: the account names, or one account in detail. */
record AccountzJson(
        String serverId,
        Instant now,
        @OmitEmpty String systemAccount,
        @OmitEmpty List<String> accounts,
        @OmitEmpty AccountDetail accountDetail) {

    /** nats-server's {@code AccountInfo}; mappings, exports, imports, JWT and revocations do not exist yet. */
    record AccountDetail(
            String accountName,
            Instant updateTime,
            @OmitEmpty boolean isSystem,
            boolean expired,
            boolean complete,
            boolean jetstreamEnabled,
            int leafnodeConnections,
            int clientConnections,
            int subscriptions,
            SublistStatsJson sublistStats) {
    }
}
