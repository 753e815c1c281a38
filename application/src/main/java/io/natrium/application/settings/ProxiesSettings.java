package io.natrium.application.settings;

import java.util.List;

/**
 * Trusted proxies ({@code proxies}).
 *
 * @param trustedKeys the public nkeys of the proxies that may vouch for clients ({@code trusted: [{key}]})
 * @param configured  whether the configuration has a {@code proxies} block, even an empty one: /varz shows it
 */
public record ProxiesSettings(List<String> trustedKeys, boolean configured) {

    public ProxiesSettings {
        trustedKeys = List.copyOf(trustedKeys);
    }

    /** A {@code proxies} block trusting {@code trustedKeys}. */
    public ProxiesSettings(List<String> trustedKeys) {
        this(trustedKeys, true);
    }

    /** No {@code proxies} block. */
    public static ProxiesSettings none() {
        return new ProxiesSettings(List.of(), false);
    }
}
