package io.natrium.application.port;

/**
 * One certificate a client presented, as /connz shows it ({@code tls_peer_certs}).
 *
 * @param subject    the subject DN as Go's {@code pkix.Name.String()} writes it, e.g. {@code CN=client,O=Acme}
 * @param spkiSha256 lowercase hex SHA-256 of the DER SubjectPublicKeyInfo
 * @param certSha256 lowercase hex SHA-256 of the DER certificate
 */
public record TlsPeerCertificate(String subject, String spkiSha256, String certSha256) {
}
