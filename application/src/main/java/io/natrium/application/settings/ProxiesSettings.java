package io.natrium.application.settings;

import java.util.List;

/**
 * Trusted proxies ({@code proxies}).
 *
 * @param trustedKeys the public nkeys of the proxies that may vouch for clients ({@code trusted: [{key}]})
 */
public record ProxiesSettings(List<String> trustedKeys) {

    public ProxiesSettings {
        trustedKeys = List.copyOf(trustedKeys);
    }

    public static ProxiesSettings none() {
        return new ProxiesSettings(List.of());
    }
}
