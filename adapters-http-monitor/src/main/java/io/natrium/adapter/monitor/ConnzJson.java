package io.natrium.adapter.monitor;

import java.time.Instant;
import java.util.List;

/** nats-server's {@code Connz}: one page of connections. {@code connections} is null for an unknown account. */
record ConnzJson(
        String serverId,
        Instant now,
        int numConnections,
        int total,
        int offset,
        int limit,
        List<ConnInfo> connections) {

    /** nats-server's {@code ConnInfo}. */
    record ConnInfo(
            long cid,
            @OmitEmpty String kind,
            @OmitEmpty String type,
            String ip,
            int port,
            Instant start,
            Instant lastActivity,
            @OmitEmpty Instant stop,
            @OmitEmpty String reason,
            @OmitEmpty String rtt,
            String uptime,
            String idle,
            long pendingBytes,
            long inMsgs,
            long outMsgs,
            long inBytes,
            long outBytes,
            @OmitEmpty long stalls,
            int subscriptions,
            @OmitEmpty String name,
            @OmitEmpty String lang,
            @OmitEmpty String version,
            @OmitEmpty String tlsVersion,
            @OmitEmpty String tlsCipherSuite,
            @OmitEmpty List<TlsPeerCert> tlsPeerCerts,
            @OmitEmpty boolean tlsFirst,
            @OmitEmpty String authorizedUser,
            @OmitEmpty String account,
            @OmitEmpty List<String> subscriptionsList,
            @OmitEmpty List<SubDetail> subscriptionsListDetail,
            @OmitEmpty String jwt,
            @OmitEmpty String issuerKey,
            @OmitEmpty String nameTag,
            @OmitEmpty List<String> tags,
            @OmitEmpty String mqttClient,
            @OmitEmpty ProxyInfo proxy) {
    }

    /** nats-server's {@code ProxyInfo}: the trusted proxy that vouched for the client. */
    record ProxyInfo(String key) {

        /** Null, so left out, for a client no trusted proxy vouched for. */
        static ProxyInfo of(String key) {
            return key.isEmpty() ? null : new ProxyInfo(key);
        }
    }

    /** nats-server's {@code TLSPeerCert}. */
    record TlsPeerCert(@OmitEmpty String subject, @OmitEmpty String spkiSha256, @OmitEmpty String certSha256) {
    }
}
