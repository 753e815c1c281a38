package io.natrium.adapter.tls;

import io.natrium.application.settings.OcspCacheSettings;

/**
 * nats-server's OCSP peer response cache ({@code ocsp_cache}): responses for client certificates by the base64
 * SHA-256 of the certificate, so that a client reconnecting does not cost a responder request while its answer is
 * current. {@code none} keeps nothing; {@code local} keeps them in memory and in a file ({@link LocalOcspPeerCache}).
 */
public interface OcspPeerCache {

    /** The cached DER response for a certificate, or null. */
    byte[] get(String key);

    /** Keeps a response the responder just gave for the certificate with this subject. */
    void put(String key, OcspResponse response, String subject);

    /**
     * Forgets a response that turned out stale or wrong ({@code wasMiss}: the hit that found it counts as a miss);
     * with {@code preserve_revoked} a revoked one stays.
     */
    void delete(String key, boolean wasMiss);

    /** Loads what an earlier run saved and starts saving; logs {@code OCSP peer cache online, type [t]}. */
    void start();

    /** Saves what changed and stops. */
    void stop();

    /** Between {@link #start()} and {@link #stop()}. */
    boolean online();

    /** {@code local} or {@code none}. */
    String type();

    /** The counters /varz shows as {@code ocsp_peer_cache}. */
    OcspPeerCacheStats stats();

    /** The cache {@code ocsp_cache} asks for; nats-server's default ({@code local}) without the block. */
    static OcspPeerCache of(OcspCacheSettings settings) {
        OcspCacheSettings in = settings == null ? OcspCacheSettings.defaults("local") : settings;
        return "none".equals(in.type()) ? new NoOcspPeerCache() : new LocalOcspPeerCache(in);
    }
}
