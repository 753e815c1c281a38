package io.natrium.application.settings;

import java.time.Duration;

/**
 * The cache of OCSP responses ({@code ocsp_cache}: a boolean or a map).
 *
 * @param type            {@code local} or {@code none}
 * @param localStore      the directory of the local cache ({@code local_store})
 * @param preserveRevoked keep revoked responses ({@code preserve_revoked})
 * @param saveInterval    how often the cache is saved ({@code save_interval}), at least 1 s
 */
public record OcspCacheSettings(String type, String localStore, boolean preserveRevoked, Duration saveInterval) {

    public static final String DEFAULT_LOCAL_STORE = "_rc_";

    public static OcspCacheSettings defaults(String type) {
        return new OcspCacheSettings(type, DEFAULT_LOCAL_STORE, false, Duration.ofMinutes(5));
    }
}
