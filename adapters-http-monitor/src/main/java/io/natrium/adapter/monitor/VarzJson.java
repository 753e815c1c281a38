package io.natrium.adapter.monitor;

import io.natrium.application.port.out.OcspPeerCacheReport;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * nats-server's {@code Varz}, field for field and in its order. Fields for features Natrium does not have yet (TLS,
 * clustering, trusted operators, OCSP, proxies) carry the values a server without them shows; the sub-objects of
 * those features are empty objects, as nats-server writes them when unconfigured.
 */
record VarzJson(
        String serverId,
        String serverName,
        String version,
        int proto,
        @OmitEmpty String gitCommit,
        String go,
        String host,
        int port,
        @OmitEmpty boolean authRequired,
        @OmitEmpty boolean tlsRequired,
        @OmitEmpty boolean tlsVerify,
        @OmitEmpty boolean tlsOcspPeerVerify,
        @OmitEmpty String ip,
        @OmitEmpty List<String> connectUrls,
        @OmitEmpty List<String> wsConnectUrls,
        int maxConnections,
        @OmitEmpty int maxSubscriptions,
        long pingInterval,
        int pingMax,
        String httpHost,
        int httpPort,
        String httpBasePath,
        int httpsPort,
        double authTimeout,
        int maxControlLine,
        int maxPayload,
        long maxPending,
        Map<String, Object> cluster,
        Map<String, Object> gateway,
        Map<String, Object> leaf,
        Map<String, Object> mqtt,
        Map<String, Object> websocket,
        Map<String, Object> jetstream,
        double tlsTimeout,
        long writeDeadline,
        @OmitEmpty String writeTimeout,
        Instant start,
        Instant now,
        String uptime,
        long mem,
        int cores,
        int gomaxprocs,
        @OmitEmpty long gomemlimit,
        double cpu,
        int connections,
        long totalConnections,
        int routes,
        int remotes,
        int leafnodes,
        long inMsgs,
        long inBytes,
        long inClientMsgs,
        long inClientBytes,
        long outMsgs,
        long outBytes,
        long outClientMsgs,
        long outClientBytes,
        long slowConsumers,
        long staleConnections,
        long stalledClients,
        int subscriptions,
        Map<String, Long> httpReqStats,
        Instant configLoadTime,
        String configDigest,
        @OmitEmpty List<String> tags,
        @OmitEmpty Map<String, String> metadata,
        @OmitEmpty List<String> trustedOperatorsJwt,
        @OmitEmpty List<JsonNode> trustedOperatorsClaim,
        @OmitEmpty String systemAccount,
        @OmitEmpty long pinnedAccountFails,
        @OmitEmpty OcspPeerCache ocspPeerCache,
        ConnectionKinds slowConsumerStats,
        ConnectionKinds staleConnectionStats,
        DiskIoWaitStats diskIoWaitStats,
        @OmitEmpty Proxies proxies) {

    /** nats-server's {@code ProxiesOptsVarz}: the trusted proxies' public keys, {@code {}} for none. */
    record Proxies(@OmitEmpty List<Proxy> trusted) {

        /** Null, so left out, without a {@code proxies} block. */
        static Proxies of(List<String> keys) {
            return keys == null ? null : new Proxies(keys.stream().map(Proxy::new).toList());
        }
    }

    /** nats-server's {@code ProxyOptsVarz}. */
    record Proxy(String key) {
    }

    /** nats-server's {@code OCSPResponseCacheVarz}: every field left out at zero. */
    record OcspPeerCache(@OmitEmpty String cacheType, @OmitEmpty long cacheHits, @OmitEmpty long cacheMisses,
            @OmitEmpty long cachedResponses, @OmitEmpty long cachedRevokedResponses,
            @OmitEmpty long cachedGoodResponses, @OmitEmpty long cachedUnknownResponses) {

        /** Null, so left out, while no cache is online. */
        static OcspPeerCache of(OcspPeerCacheReport.Counters counters) {
            return counters == null ? null : new OcspPeerCache(counters.type(), counters.hits(), counters.misses(),
                    counters.responses(), counters.revokes(), counters.goods(), counters.unknowns());
        }
    }

    /** A count per kind of connection ({@code SlowConsumersStats}, {@code StaleConnectionStats}). */
    record ConnectionKinds(long clients, long routes, long gateways, long leafs) {

        static ConnectionKinds clientsOnly(long clients) {
            return new ConnectionKinds(clients, 0, 0, 0);
        }
    }

    /** Contention on JetStream's disk I/O semaphore: all zero without JetStream. */
    record DiskIoWaitStats(long waiters, long waits, long waitTime, long maxWaitTime) {

        static final DiskIoWaitStats NONE = new DiskIoWaitStats(0, 0, 0, 0);
    }
}
