package io.natrium.adapter.tls;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code ocsp_cache { type: none }}: every check asks the responder. */
final class NoOcspPeerCache implements OcspPeerCache {

    private static final Logger LOG = LoggerFactory.getLogger(NoOcspPeerCache.class);

    private volatile boolean online;

    @Override
    public byte[] get(String key) {
        return null;
    }

    @Override
    public void put(String key, OcspResponse response, String subject) {
        // Nothing is kept.
    }

    @Override
    public void delete(String key, boolean wasMiss) {
        // Nothing was kept.
    }

    @Override
    public void start() {
        online = true;
        LOG.info("OCSP peer cache online, type [none]");
    }

    @Override
    public void stop() {
        // Nothing to save.
        online = false;
    }

    @Override
    public boolean online() {
        return online;
    }

    @Override
    public String type() {
        return "none";
    }

    @Override
    public OcspPeerCacheStats stats() {
        return OcspPeerCacheStats.EMPTY;
    }
}
