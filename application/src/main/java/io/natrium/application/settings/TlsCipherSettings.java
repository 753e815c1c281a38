package io.natrium.application.settings;

import java.util.List;

/**
 * Protocol versions and algorithms.
 *
 * @param cipherSuites     Go cipher suite names ({@code cipher_suites}); empty for the defaults
 * @param curvePreferences Go curve names ({@code curve_preferences}); empty for the defaults
 * @param allowInsecure    allow insecure cipher suites ({@code allow_insecure_cipher_suites})
 * @param minVersion       the lowest TLS version, "1.2" or "1.3" ({@code min_version}); null for the default
 */
public record TlsCipherSettings(
        List<String> cipherSuites, List<String> curvePreferences, boolean allowInsecure, String minVersion) {

    public TlsCipherSettings {
        cipherSuites = List.copyOf(cipherSuites);
        curvePreferences = List.copyOf(curvePreferences);
    }
}
