package io.natrium.application.server;

import io.natrium.application.port.out.ServerInfo;
import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.TlsSettings;

import java.util.List;

/**
 * The INFO every client is greeted with, before its own id, address and nonce are filled in. One place, so that a
 * client greeted while the server is still being wired is told exactly what the wired server would tell it.
 */
public final class InfoTemplate {

    private InfoTemplate() {
    }

    /**
     * @param authRequired whether clients are told that they must authenticate
     * @param host         the host clients are told (the listen or advertised address)
     * @param port         the port clients are told
     */
    public static ServerInfo of(ServerIdentity identity, ServerSettings settings, boolean authRequired, String host,
            int port) {
        // As nats-server: TLS is required unless allow_non_tls makes it available, except that a handshake first
        // without fallback always requires it; verify asks clients for a certificate.
        TlsSettings tls = settings.tls();
        boolean firstOnly = tls != null && tls.handshake().first() && tls.handshake().fallbackDelay().isZero();
        boolean tlsRequired = tls != null && (!settings.allowNonTls() || firstOnly);
        boolean tlsVerify = tls != null && tls.verify().verify();
        return new ServerInfo(identity.id(), identity.name(), identity.version(), 1, null, identity.runtime(), host,
                port, !settings.noHeaderSupport(), authRequired, tlsRequired, tlsVerify, tls != null && !tlsRequired,
                settings.maxPayload(), false, null, 0, null, null, null, null, List.of(), List.of(), false, false, null,
                false, null);
    }
}
