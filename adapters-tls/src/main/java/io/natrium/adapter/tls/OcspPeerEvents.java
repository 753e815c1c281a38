package io.natrium.adapter.tls;

import java.security.cert.X509Certificate;

/**
 * Where the system events of OCSP peer checks go: nats-server's {@code $SYS.SERVER.<id>.OCSP.PEER.CONN.REJECT}
 * (a handshake refused) and {@code $SYS.SERVER.<id>.OCSP.PEER.LINK.INVALID} (a certificate of the chain found not
 * good).
 */
public interface OcspPeerEvents {

    /** No system account to publish to. */
    OcspPeerEvents NONE = new OcspPeerEvents() {
        @Override
        public void rejected(String kind, X509Certificate peer, String reason) {
            // Nobody listens.
        }

        @Override
        public void linkInvalid(X509Certificate peer, X509Certificate link, String reason) {
            // Nobody listens.
        }
    };

    /**
     * @param kind   the connection's kind as nats-server names it ({@code Client})
     * @param peer   the peer's own certificate
     * @param reason {@code client not OCSP valid}
     */
    void rejected(String kind, X509Certificate peer, String reason);

    /** @param link the certificate of the peer's chain whose status was not good */
    void linkInvalid(X509Certificate peer, X509Certificate link, String reason);
}
