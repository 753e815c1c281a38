package io.natrium.application.settings;

import java.util.List;
import java.util.Set;

/**
 * A {@code tls} block (client listener, WebSocket, MQTT, resolver), kept as data: building the TLS context is the
 * TCP adapter's business.
 *
 * @param certificates certificate, key and CA files
 * @param verify       peer verification
 * @param ciphers      versions, suites and curves
 * @param handshake    timeout, rate limit and handshake-first
 * @param certStore    the Windows certificate store
 * @param ocspPeer     OCSP checks of peer certificates; null for none
 */
public record TlsSettings(
        TlsCertificateSettings certificates,
        TlsVerifySettings verify,
        TlsCipherSettings ciphers,
        TlsHandshakeSettings handshake,
        CertStoreSettings certStore,
        OcspPeerSettings ocspPeer) {

    /** What {@code --tls}, {@code --tlscert}, {@code --tlskey}, {@code --tlscacert}, {@code --tlsverify} build. */
    public static TlsSettings ofFiles(String certFile, String keyFile, String caFile, boolean verify) {
        return new TlsSettings(new TlsCertificateSettings(certFile, keyFile, caFile, List.of()),
                new TlsVerifySettings(verify, false, false, false, Set.of()),
                new TlsCipherSettings(List.of(), List.of(), false, null), TlsHandshakeSettings.defaults(),
                CertStoreSettings.none(), null);
    }
}
