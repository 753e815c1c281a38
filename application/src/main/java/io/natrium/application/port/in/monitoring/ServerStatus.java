package io.natrium.application.port.in.monitoring;

import io.natrium.application.port.out.OcspPeerCacheReport;
import io.natrium.application.settings.MqttSettings;
import io.natrium.application.settings.WebsocketSettings;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The server at one moment: who it is, what it is configured with, and its counters (what /varz shows).
 *
 * @param runtime        the runtime it runs on (nats-server reports its Go version here)
 * @param host           the client listener's configured host
 * @param port           the client port (the bound one once listening)
 * @param configLoadTime when the settings in force were loaded
 * @param configDigest   the digest of the configuration file in force ({@code sha256:...}), empty without one
 * @param connections    open client connections
 * @param subscriptions  subscriptions across all accounts
 * @param systemAccount  the system account's name, null when there is none
 * @param authRequired   clients must authenticate (also where a no_auth_user lets them in without, as
 *                       nats-server's /varz says)
 * @param tlsRequired    clients must use TLS, as INFO says
 * @param tlsVerify      clients must present a certificate, as INFO says
 * @param tlsOcspPeerVerify the client port's certificates get OCSP peer checks ({@code ocsp_peer})
 * @param websocket      the websocket listener's settings (port bound once listening), null without one
 * @param mqtt           the MQTT listener's settings (port bound once listening), null without one
 * @param operatorJwts   the trusted operators' JWTs, in configuration order
 * @param trustedProxies the trusted proxies' public keys; null without a {@code proxies} block
 * @param ocspPeerCache  the OCSP peer response cache's counters; null while no such cache is online
 */
public record ServerStatus(
        String serverId,
        String serverName,
        String version,
        int protocol,
        String runtime,
        String host,
        int port,
        ServerLimits limits,
        Instant start,
        Instant now,
        Duration uptime,
        Instant configLoadTime,
        String configDigest,
        int connections,
        int subscriptions,
        ServerTotals totals,
        String systemAccount,
        boolean authRequired,
        boolean tlsRequired,
        boolean tlsVerify,
        boolean tlsOcspPeerVerify,
        WebsocketSettings websocket,
        MqttSettings mqtt,
        List<String> operatorJwts,
        List<String> trustedProxies,
        OcspPeerCacheReport.Counters ocspPeerCache) {

    public ServerStatus {
        operatorJwts = List.copyOf(operatorJwts);
        trustedProxies = trustedProxies == null ? null : List.copyOf(trustedProxies);
    }
}
