package io.natrium.adapter.tls;

import io.natrium.application.port.out.OcspPeerEvent;

/**
 * Where the system events of OCSP peer checks go: nats-server's {@code $SYS.SERVER.<id>.OCSP.PEER.CONN.REJECT}
 * (a handshake refused) and {@code $SYS.SERVER.<id>.OCSP.PEER.LINK.INVALID} (a certificate of the chain found not
 * good). Called from a handshake's thread.
 */
@FunctionalInterface
public interface OcspPeerEvents {

    /** No system account to publish to. */
    OcspPeerEvents NONE = event -> {
    };

    void publish(OcspPeerEvent event);
}
