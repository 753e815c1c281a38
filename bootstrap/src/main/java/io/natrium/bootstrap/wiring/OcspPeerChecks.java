package io.natrium.bootstrap.wiring;

import io.natrium.application.settings.ServerSettings;
import io.natrium.application.settings.TlsSettings;

import java.util.stream.Stream;

/** Whether a client-facing listener checks certificates with {@code ocsp_peer}: nats-server's ocspPeerVerify. */
public final class OcspPeerChecks {

    private OcspPeerChecks() {
    }

    public static boolean anyIn(ServerSettings settings) {
        return Stream.of(settings.tls(), settings.websocket().tls(), settings.mqtt().tls())
                .anyMatch(OcspPeerChecks::checks);
    }

    private static boolean checks(TlsSettings tls) {
        return tls != null && tls.ocspPeer() != null && tls.ocspPeer().verify();
    }
}
