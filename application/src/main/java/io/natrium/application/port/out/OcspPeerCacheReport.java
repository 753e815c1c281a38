package io.natrium.application.port.out;

/**
 * The OCSP peer response cache ({@code ocsp_cache}) as /varz shows it under {@code ocsp_peer_cache}: nats-server shows
 * the block while a cache that keeps responses is online, and leaves it out otherwise (no listener with
 * {@code ocsp_peer}, or {@code type: none}).
 */
@FunctionalInterface
public interface OcspPeerCacheReport {

    /** A server whose cache is never online. */
    OcspPeerCacheReport NONE = () -> null;

    /** The cache's counters now; null when /varz shows no block. */
    Counters counters();

    /**
     * nats-server's {@code OCSPResponseCacheVarz}.
     *
     * @param type      {@code local}
     * @param hits      lookups that found a response
     * @param misses    lookups that did not (or found one no longer usable)
     * @param responses responses held
     * @param revokes   held responses saying revoked
     * @param goods     held responses saying good
     * @param unknowns  held responses saying unknown
     */
    record Counters(String type, long hits, long misses, long responses, long revokes, long goods, long unknowns) {
    }
}
