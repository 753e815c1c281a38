package io.natrium.application.settings;

import java.util.List;

/**
 * The files a TLS block names.
 *
 * @param certFile the server certificate ({@code cert_file}); null for none
 * @param keyFile  its private key ({@code key_file}); null for none
 * @param caFile   the CAs client certificates are verified against ({@code ca_file}); null for the system's
 * @param pairs    several certificates, chosen by SNI ({@code certs}); empty for none
 */
public record TlsCertificateSettings(String certFile, String keyFile, String caFile, List<TlsCertificatePair> pairs) {

    public TlsCertificateSettings {
        pairs = List.copyOf(pairs);
    }
}
