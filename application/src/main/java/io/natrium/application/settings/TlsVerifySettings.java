package io.natrium.application.settings;

import java.util.Set;

/**
 * How peers are verified.
 *
 * @param verify         require and verify client certificates ({@code verify})
 * @param map            map the client certificate's subject to a user ({@code verify_and_map})
 * @param checkKnownUrls verify and check the certificate against known URLs
 *                       ({@code verify_cert_and_check_known_urls})
 * @param insecure       skip server certificate verification on outgoing connections ({@code insecure})
 * @param pinnedCerts    accepted certificates by the hex SHA-256 of their public key ({@code pinned_certs}),
 *                       lower case; empty for any
 */
public record TlsVerifySettings(
        boolean verify, boolean map, boolean checkKnownUrls, boolean insecure, Set<String> pinnedCerts) {

    public TlsVerifySettings {
        pinnedCerts = Set.copyOf(pinnedCerts);
    }
}
