package io.natrium.application.settings;

import java.time.Duration;

/**
 * OCSP checks of peer certificates ({@code ocsp_peer}).
 *
 * @param verify                 check the peer's certificate status
 * @param caTimeout              how long to wait for the OCSP responder ({@code ca_timeout})
 * @param allowedClockSkew       the tolerated clock difference ({@code allowed_clockskew})
 * @param warnOnly               only warn on a revoked certificate ({@code warn_only})
 * @param unknownIsGood          treat an unknown status as good ({@code unknown_is_good})
 * @param allowWhenCaUnreachable accept when the responder cannot be reached ({@code allow_when_ca_unreachable})
 * @param ttlUnsetNextUpdate     how long to cache a response without next-update
 *                               ({@code cache_ttl_when_next_update_unset})
 */
public record OcspPeerSettings(
        boolean verify,
        Duration caTimeout,
        Duration allowedClockSkew,
        boolean warnOnly,
        boolean unknownIsGood,
        boolean allowWhenCaUnreachable,
        Duration ttlUnsetNextUpdate) {

    public static OcspPeerSettings defaults(boolean verify) {
        return new OcspPeerSettings(verify, Duration.ofSeconds(2), Duration.ofSeconds(30), false, false, false,
                Duration.ofHours(1));
    }
}
