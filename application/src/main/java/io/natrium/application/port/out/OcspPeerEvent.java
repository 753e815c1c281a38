package io.natrium.application.port.out;

import java.time.Instant;

/**
 * An OCSP peer check's system event ({@code server/events.go}): a handshake refused
 * ({@code io.nats.server.advisory.v1.ocsp_peer_reject}, with the connection's kind and no link) or a certificate of
 * the peer's chain found not good ({@code io.nats.server.advisory.v1.ocsp_peer_link_invalid}, with the link and no
 * kind).
 *
 * @param id     null until the system account numbers it
 * @param kind   {@code Client}; null for a link event
 * @param link   the certificate not good; null for a reject event
 * @param peer   the peer's own certificate
 * @param reason {@code client not OCSP valid}, or the link's reason
 */
public record OcspPeerEvent(String id, Instant timestamp, String kind, Certificate link, Certificate peer,
        EventServer server, String reason) {

    /** nats-server's {@code certidp.CertInfo}: Go's DN forms, the base64 SHA-256 and the DER. */
    public record Certificate(String subject, String issuer, String fingerprint, byte[] raw) {
    }

    public OcspPeerEvent withId(String value) {
        return new OcspPeerEvent(value, timestamp, kind, link, peer, server, reason);
    }

    public OcspPeerEvent withServer(EventServer in) {
        return new OcspPeerEvent(id, timestamp, kind, link, peer, in, reason);
    }
}
