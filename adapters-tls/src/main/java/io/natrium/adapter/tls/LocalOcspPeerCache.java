package io.natrium.adapter.tls;

import io.natrium.application.settings.OcspCacheSettings;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ocsp_cache { type: local }}: the responses in memory, saved every {@code save_interval} when changed and at
 * the stop to {@code <local_store>/cache.json} (a temporary file renamed over it), loaded at the start, in
 * nats-server's format ({@link OcspPeerCacheFile}) so either server reads the other's file. With
 * {@code preserve_revoked} a revoked response is never forgotten.
 */
final class LocalOcspPeerCache implements OcspPeerCache {

    private static final Logger LOG = LoggerFactory.getLogger(LocalOcspPeerCache.class);
    static final String FILE = "cache.json";

    private final OcspCacheSettings settings;
    private final Map<String, OcspPeerCacheFile.Item> items = new HashMap<>();
    private ScheduledExecutorService saver;
    /** Guarded by this, as are the counters. */
    private boolean online;
    private boolean dirty;
    private long hits;
    private long misses;

    LocalOcspPeerCache(OcspCacheSettings settings) {
        this.settings = settings;
    }

    private Path directory() {
        String store = settings.localStore() == null || settings.localStore().isEmpty()
                ? OcspCacheSettings.DEFAULT_LOCAL_STORE : settings.localStore();
        return Path.of(store).toAbsolutePath();
    }

    @Override
    public synchronized byte[] get(String key) {
        if (!online || key.isEmpty()) {
            return null;
        }
        OcspPeerCacheFile.Item item = items.get(key);
        if (item == null) {
            misses++;
            LOG.debug("OCSP peer cache miss for key [{}]", key);
            return null;
        }
        hits++;
        LOG.debug("OCSP peer cache hit for key [{}]", key);
        try {
            return S2Frames.decode(item.compressed());
        } catch (IllegalArgumentException e) {
            LOG.error("Unable to decompress OCSP response for key [{}]: {}", key, e.getMessage());
            return null;
        }
    }

    @Override
    public synchronized void put(String key, OcspResponse response, String subject) {
        if (!online || key.isEmpty()) {
            return;
        }
        LOG.debug("Caching OCSP response for [{}], key [{}]", subject, key);
        byte[] compressed = S2Frames.encode(response.raw());
        LOG.debug("OCSP response compression ratio: [{}]", String.format("%f",
                (double) compressed.length / response.raw().length));
        items.put(key, new OcspPeerCacheFile.Item(subject, Instant.now().truncatedTo(ChronoUnit.SECONDS),
                response.status(), response.nextUpdate(), compressed));
        dirty = true;
    }

    @Override
    public synchronized void delete(String key, boolean wasMiss) {
        if (!online || key.isEmpty()) {
            return;
        }
        OcspPeerCacheFile.Item item = items.get(key);
        if (item == null) {
            return;
        }
        if (wasMiss) {
            hits--;
            misses++;
        }
        if (item.status() == OcspResponse.Status.REVOKED && settings.preserveRevoked()) {
            LOG.debug("Revoked OCSP response for key [{}] preserved by cache policy", key);
            return;
        }
        LOG.debug("Deleting OCSP peer cached response for key [{}]", key);
        items.remove(key);
        dirty = true;
    }

    @Override
    public void start() {
        LOG.debug("Starting OCSP peer cache");
        synchronized (this) {
            load();
            hits = 0;
            misses = 0;
            online = true;
            saver = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "ocsp-peer-cache");
                thread.setDaemon(true);
                return thread;
            });
        }
        long interval = settings.saveInterval().toMillis();
        saver.scheduleWithFixedDelay(() -> {
            LOG.debug("OCSP peer cache save timer expired");
            save();
        }, interval, interval, TimeUnit.MILLISECONDS);
        LOG.info("OCSP peer cache online, type [local]");
    }

    @Override
    public void stop() {
        synchronized (this) {
            LOG.debug("Stopping OCSP peer cache");
            online = false;
            if (saver != null) {
                saver.shutdownNow();
            }
        }
        save();
    }

    @Override
    public synchronized boolean online() {
        return online;
    }

    @Override
    public String type() {
        return "local";
    }

    @Override
    public synchronized OcspPeerCacheStats stats() {
        long goods = count(OcspResponse.Status.GOOD);
        long revokes = count(OcspResponse.Status.REVOKED);
        return new OcspPeerCacheStats(items.size(), hits, misses, revokes, goods,
                count(OcspResponse.Status.UNKNOWN));
    }

    private long count(OcspResponse.Status status) {
        return items.values().stream().filter(item -> item.status() == status).count();
    }

    /** Under the lock. */
    private void load() {
        Path file = directory().resolve(FILE);
        LOG.debug("Loading OCSP peer cache [{}]", file);
        items.clear();
        try {
            items.putAll(OcspPeerCacheFile.read(Files.readString(file, StandardCharsets.UTF_8)));
            dirty = false;
        } catch (NoSuchFileException e) {
            LOG.debug("No OCSP peer cache found, starting with empty cache");
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Unable to load OCSP peer cache: {}", e.getMessage());
            items.clear();
            dirty = true;
        }
    }

    private void save() {
        String text;
        synchronized (this) {
            if (!dirty) {
                return;
            }
            text = OcspPeerCacheFile.write(items);
            dirty = false;
        }
        LOG.debug("OCSP peer cache is dirty, saving");
        Path directory = directory();
        Path file = directory.resolve(FILE);
        LOG.debug("Saving OCSP peer cache [{}]", file);
        try {
            if (!Files.isDirectory(directory)) {
                Files.createDirectory(directory);
            }
            Path temporary = Files.createTempFile(directory, "ocsprc-", "");
            try {
                byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
                Files.write(temporary, bytes);
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                LOG.debug("Saved OCSP peer cache successfully ({} bytes)", bytes.length);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            LOG.error("Unable to save OCSP peer cache: {}", e.toString());
            synchronized (this) {
                dirty = true;
            }
        }
    }
}
