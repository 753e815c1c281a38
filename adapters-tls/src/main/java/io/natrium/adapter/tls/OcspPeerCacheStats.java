package io.natrium.adapter.tls;

/**
 * nats-server's {@code OCSPResponseCacheStats}.
 *
 * @param responses how many responses are held
 * @param hits      lookups that found one
 * @param misses    lookups that did not (or found one no longer usable)
 * @param revokes   held responses saying revoked
 * @param goods     held responses saying good
 * @param unknowns  held responses saying unknown
 */
public record OcspPeerCacheStats(long responses, long hits, long misses, long revokes, long goods, long unknowns) {

    static final OcspPeerCacheStats EMPTY = new OcspPeerCacheStats(0, 0, 0, 0, 0, 0);
}
