package io.natrium.application.settings;

import java.util.List;

/**
 * OCSP stapling ({@code ocsp}: a boolean or {@code {mode, urls}}).
 *
 * @param mode         when to staple
 * @param overrideUrls responder URLs to use instead of the certificate's; empty for none
 */
public record OcspSettings(OcspMode mode, List<String> overrideUrls) {

    public OcspSettings {
        overrideUrls = List.copyOf(overrideUrls);
    }
}
