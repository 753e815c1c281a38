package io.natrium.application.port.out;

import java.util.List;

/**
 * The INFO a client receives, field for field as nats-server's {@code Info}. Empty strings, false, 0 and empty lists
 * are left out of the JSON except for the fields nats-server always writes.
 */
public record ServerInfo(
        String serverId,
        String serverName,
        String version,
        int proto,
        String gitCommit,
        String go,
        String host,
        int port,
        boolean headers,
        boolean authRequired,
        boolean tlsRequired,
        boolean tlsVerify,
        boolean tlsAvailable,
        int maxPayload,
        boolean jetStream,
        String ip,
        long clientId,
        String clientIp,
        String nonce,
        String cluster,
        String domain,
        List<String> connectUrls,
        List<String> wsConnectUrls,
        boolean lameDuckMode,
        boolean connectInfo,
        String remoteAccount,
        boolean systemAccount,
        String xkey) {

    /** The same INFO for another client. */
    public ServerInfo forClient(long id, String address) {
        return new ServerInfo(serverId, serverName, version, proto, gitCommit, go, host, port, headers, authRequired,
                tlsRequired, tlsVerify, tlsAvailable, maxPayload, jetStream, ip, id, address, nonce, cluster, domain,
                connectUrls, wsConnectUrls, lameDuckMode, connectInfo, remoteAccount, systemAccount, xkey);
    }

    /** The same INFO with {@code auth_required} set to {@code value}. */
    public ServerInfo withAuthRequired(boolean value) {
        return new ServerInfo(serverId, serverName, version, proto, gitCommit, go, host, port, headers, value,
                tlsRequired, tlsVerify, tlsAvailable, maxPayload, jetStream, ip, clientId, clientIp, nonce, cluster,
                domain, connectUrls, wsConnectUrls, lameDuckMode, connectInfo, remoteAccount, systemAccount, xkey);
    }

    /** The same INFO with this nonce for nkey users to sign (null for none). */
    public ServerInfo withNonce(String value) {
        if (value == null) {
            return this;
        }
        return new ServerInfo(serverId, serverName, version, proto, gitCommit, go, host, port, headers, authRequired,
                tlsRequired, tlsVerify, tlsAvailable, maxPayload, jetStream, ip, clientId, clientIp, value, cluster,
                domain, connectUrls, wsConnectUrls, lameDuckMode, connectInfo, remoteAccount, systemAccount, xkey);
    }

    /** The INFO nats-server sends after the first PONG of a protocol-1 client, naming its account. */
    public ServerInfo asConnectInfo(String account, boolean isSystemAccount) {
        return new ServerInfo(serverId, serverName, version, proto, gitCommit, go, host, port, headers, authRequired,
                tlsRequired, tlsVerify, tlsAvailable, maxPayload, jetStream, ip, clientId, clientIp, nonce, cluster,
                domain, connectUrls, wsConnectUrls, lameDuckMode, true, account, isSystemAccount, xkey);
    }

    /** The same INFO with the lame-duck flag set. */
    public ServerInfo withLameDuckMode() {
        return new ServerInfo(serverId, serverName, version, proto, gitCommit, go, host, port, headers, authRequired,
                tlsRequired, tlsVerify, tlsAvailable, maxPayload, jetStream, ip, clientId, clientIp, nonce, cluster,
                domain, connectUrls, wsConnectUrls, true, connectInfo, remoteAccount, systemAccount, xkey);
    }
}
