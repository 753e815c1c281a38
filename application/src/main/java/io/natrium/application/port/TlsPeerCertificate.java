package io.natrium.application.port;

import io.natrium.domain.auth.CertificateIdentity;

/**
 * One certificate a client presented, as /connz shows it ({@code tls_peer_certs}), with the names
 * {@code verify_and_map} looks users up by.
 *
 * @param subject    the subject DN as Go's {@code pkix.Name.String()} writes it, e.g. {@code CN=client,O=Acme}
 * @param spkiSha256 lowercase hex SHA-256 of the DER SubjectPublicKeyInfo
 * @param certSha256 lowercase hex SHA-256 of the DER certificate
 * @param identity   its SANs and subject as plain values; null when unknown
 */
public record TlsPeerCertificate(String subject, String spkiSha256, String certSha256, CertificateIdentity identity) {

    public TlsPeerCertificate(String subject, String spkiSha256, String certSha256) {
        this(subject, spkiSha256, certSha256, null);
    }
}
