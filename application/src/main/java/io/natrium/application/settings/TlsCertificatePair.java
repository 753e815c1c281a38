package io.natrium.application.settings;

/**
 * One certificate and its key, of a TLS block's {@code certs} list.
 *
 * @param certFile the PEM certificate (chain) file
 * @param keyFile  the PEM private key file
 */
public record TlsCertificatePair(String certFile, String keyFile) {
}
