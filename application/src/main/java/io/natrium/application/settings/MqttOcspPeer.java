package io.natrium.application.settings;

/**
 * Which {@code ocsp_peer} checks MQTT clients over TLS. nats-server (2.10 on, {@code configureOCSP}) plugs the MQTT
 * listener's TLS with the client port's {@code tls} options, so the client port's {@code ocsp_peer} checks MQTT
 * clients too; the {@code mqtt} block's own {@code ocsp_peer} it parses and never applies. Natrium applies the client
 * port's as nats-server does, and the block's own where the client port has none, rather than let a configured check
 * go unenforced.
 */
public final class MqttOcspPeer {

    private MqttOcspPeer() {
    }

    /** The MQTT block's TLS with the {@code ocsp_peer} that checks its clients; null without TLS. */
    public static TlsSettings effective(TlsSettings mqtt, TlsSettings clientPort) {
        if (mqtt == null || clientPort == null || !verifies(clientPort.ocspPeer())) {
            return mqtt;
        }
        return new TlsSettings(mqtt.certificates(), mqtt.verify(), mqtt.ciphers(), mqtt.handshake(), mqtt.certStore(),
                clientPort.ocspPeer());
    }

    private static boolean verifies(OcspPeerSettings peer) {
        return peer != null && peer.verify();
    }
}
