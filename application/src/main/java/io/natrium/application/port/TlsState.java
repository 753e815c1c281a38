package io.natrium.application.port;

import java.util.List;

/**
 * What a finished TLS handshake established, in nats-server's words, as the transport reports it to the session.
 *
 * @param version          the protocol version as nats-server prints it: {@code 1.2}, {@code 1.3}
 * @param cipherSuite      the suite's Go name, e.g. {@code TLS_AES_128_GCM_SHA256}
 * @param peerCertificates what the client presented, its own certificate first; empty for none
 * @param first            the handshake came before INFO ({@code handshake_first})
 */
public record TlsState(String version, String cipherSuite, List<TlsPeerCertificate> peerCertificates,
        boolean first) {

    public TlsState {
        peerCertificates = List.copyOf(peerCertificates);
    }
}
