package io.natrium.application.port;

import java.util.List;

/**
 * What a finished TLS handshake established, in nats-server's words, as the transport reports it to the session.
 *
 * @param version          the protocol version as nats-server prints it: {@code 1.2}, {@code 1.3}
 * @param cipherSuite      the suite's Go name, e.g. {@code TLS_AES_128_GCM_SHA256}
 * @param peerCertificates what the client presented, its own certificate first; empty for none
 * @param first            the handshake came before INFO ({@code handshake_first})
 * @param verifiedChains   the chains the client's certificate was verified through, each as PEM blocks from the
 *                         client's own certificate to the trusted authority (Go's {@code VerifiedChains}); empty
 *                         when nothing was verified
 */
public record TlsState(String version, String cipherSuite, List<TlsPeerCertificate> peerCertificates,
        boolean first, List<List<String>> verifiedChains) {

    public TlsState {
        peerCertificates = List.copyOf(peerCertificates);
        verifiedChains = verifiedChains.stream().map(List::copyOf).toList();
    }

    /** A handshake that verified no chain. */
    public TlsState(String version, String cipherSuite, List<TlsPeerCertificate> peerCertificates, boolean first) {
        this(version, cipherSuite, peerCertificates, first, List.of());
    }
}
