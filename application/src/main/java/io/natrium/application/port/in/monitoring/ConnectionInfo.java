package io.natrium.application.port.in.monitoring;

import io.natrium.application.port.CloseReason;
import io.natrium.application.port.TlsState;
import io.natrium.domain.auth.ConnectionType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One client connection as /connz shows it.
 *
 * @param stop                null while open
 * @param reason              null while open
 * @param rtt                 the last measured round-trip time, zero before CONNECT
 * @param uptime              how long it has been (or was) open
 * @param idle                since its last activity (until it closed, for a closed one)
 * @param authorizedUser      the user it named; empty unless asked for
 * @param account             its account; empty unless asked for and not the global account
 * @param subscriptionSubjects the subjects it subscribes to, null unless asked for
 * @param subscriptions       its subscriptions in detail, null unless asked for
 * @param tls                 what its TLS handshake agreed (peer certificates only when asked for with auth); null
 *                            without TLS
 * @param type                how it connected (plain NATS or WebSocket)
 * @param identity            its JWT and issuer, empty unless asked for
 * @param proxyKey            the public key of the trusted proxy that vouched for it; "" when none did
 */
public record ConnectionInfo(
        long cid,
        String ip,
        int port,
        Instant start,
        Instant lastActivity,
        Instant stop,
        CloseReason reason,
        Duration rtt,
        Duration uptime,
        Duration idle,
        long pendingBytes,
        long inMessages,
        long outMessages,
        long inBytes,
        long outBytes,
        long stalls,
        int subscriptionCount,
        String name,
        String lang,
        String version,
        String authorizedUser,
        String account,
        List<String> subscriptionSubjects,
        List<SubscriptionInfo> subscriptions,
        TlsState tls,
        ConnectionType type,
        IssuedIdentity identity,
        String proxyKey) {

    public ConnectionInfo {
        type = type == null ? ConnectionType.STANDARD : type;
        identity = identity == null ? IssuedIdentity.NONE : identity;
        proxyKey = proxyKey == null ? "" : proxyKey;
    }

    /** An entry no trusted proxy vouched for. */
    public ConnectionInfo(long cid, String ip, int port, Instant start, Instant lastActivity, Instant stop,
            CloseReason reason, Duration rtt, Duration uptime, Duration idle, long pendingBytes, long inMessages,
            long outMessages, long inBytes, long outBytes, long stalls, int subscriptionCount, String name,
            String lang, String version, String authorizedUser, String account, List<String> subscriptionSubjects,
            List<SubscriptionInfo> subscriptions, TlsState tls, ConnectionType type, IssuedIdentity identity) {
        this(cid, ip, port, start, lastActivity, stop, reason, rtt, uptime, idle, pendingBytes, inMessages,
                outMessages, inBytes, outBytes, stalls, subscriptionCount, name, lang, version, authorizedUser,
                account, subscriptionSubjects, subscriptions, tls, type, identity, "");
    }

    /** A plain NATS client's entry. */
    public ConnectionInfo(long cid, String ip, int port, Instant start, Instant lastActivity, Instant stop,
            CloseReason reason, Duration rtt, Duration uptime, Duration idle, long pendingBytes, long inMessages,
            long outMessages, long inBytes, long outBytes, long stalls, int subscriptionCount, String name,
            String lang, String version, String authorizedUser, String account, List<String> subscriptionSubjects,
            List<SubscriptionInfo> subscriptions, TlsState tls) {
        this(cid, ip, port, start, lastActivity, stop, reason, rtt, uptime, idle, pendingBytes, inMessages,
                outMessages, inBytes, outBytes, stalls, subscriptionCount, name, lang, version, authorizedUser,
                account, subscriptionSubjects, subscriptions, tls, ConnectionType.STANDARD, IssuedIdentity.NONE);
    }
}
