package io.natrium.application.settings;

import java.util.List;

/**
 * The Windows certificate store, in place of certificate files.
 *
 * @param store        {@code WindowsCurrentUser} or {@code WindowsLocalMachine} ({@code cert_store}); null for none
 * @param matchBy      {@code Subject}, {@code Issuer} or {@code Thumbprint} ({@code cert_match_by})
 * @param match        the value matched ({@code cert_match})
 * @param caCertsMatch the CA certificates to load from the store ({@code ca_certs_match})
 * @param skipInvalid  skip invalid certificates when matching ({@code cert_match_skip_invalid})
 */
public record CertStoreSettings(
        String store, String matchBy, String match, List<String> caCertsMatch, boolean skipInvalid) {

    public CertStoreSettings {
        caCertsMatch = List.copyOf(caCertsMatch);
    }

    public static CertStoreSettings none() {
        return new CertStoreSettings(null, null, null, List.of(), false);
    }
}
