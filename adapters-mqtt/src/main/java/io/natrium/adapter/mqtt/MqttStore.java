package io.natrium.adapter.mqtt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.MVStoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What MQTT keeps between connections and across restarts, where nats-server keeps it in JetStream streams: the
 * persistent sessions' subscriptions, the QoS 1 and 2 PUBLISH packets they are owed (sent and not acknowledged, or
 * queued while they were away or their window was full) within {@link OwedLimits}, the packet identifiers of the
 * PUBREL packets they have not completed, the QoS 2 messages their clients sent and have not released yet, and the
 * retained messages. Sessions and retained messages are keyed within their account ({@link MqttSessionKey}). An H2
 * MVStore file
 * ({@value #FILE_NAME}) under {@code store_dir/mqtt}, or in memory without a {@code store_dir}.
 *
 * <p>MVStore writes copy-on-write chunks and finds the last complete one when it opens, so a crash mid-write loses
 * at most the last {@value #COMMIT_DELAY_MILLIS} ms of changes and never leaves a store it cannot read. Its page
 * cache is bounded ({@value #CACHE_MEGABYTES} MiB); what does not fit stays on disk. The puts are in memory and the
 * store's own thread writes them, so event loops do no file I/O. A store that cannot be read is moved aside and
 * reported, never dropped; a store directory that lost its file is reported too. Thread-safe.
 */
public final class MqttStore implements AutoCloseable {

    static final String FILE_NAME = "natrium-mqtt.mv.db";
    private static final Logger LOG = LoggerFactory.getLogger(MqttStore.class);
    private static final int COMMIT_DELAY_MILLIS = 100;
    private static final int CACHE_MEGABYTES = 16;
    /** Ends a session's key prefix in the message map: below every character a client id may have after it. */
    private static final char SEPARATOR = '\u0000';

    private final MVStore store;
    /** client id → its subscriptions (filter → granted QoS). */
    private final MVMap<String, byte[]> sessions;
    /** client id, separator, 16 hex digits of sequence → message owed to that session, in order. */
    private final MVMap<String, byte[]> messages;
    /** account-scoped topic → the retained message. */
    private final MVMap<String, byte[]> retained;
    /** session key, separator, packet identifier → a QoS 2 PUBLISH its client sent and has not released. */
    private final MVMap<String, byte[]> received;
    /** session key, separator, packet identifier → nothing: a PUBREL sent to its client and not completed. */
    private final MVMap<String, byte[]> releasing;
    private final OwedLimits limits;
    private long sequence;

    private MqttStore(MVStore store, OwedLimits limits, String name) {
        this.store = store;
        this.limits = limits;
        this.store.setAutoCommitDelay(COMMIT_DELAY_MILLIS);
        this.sessions = store.openMap("sessions");
        this.messages = store.openMap("messages");
        this.retained = store.openMap("retained");
        MqttStoreFormat.upgrade(store, name, sessions, messages, retained);
        this.received = store.openMap("qos2-received");
        this.releasing = store.openMap("qos2-releasing");
        messages.forEach((key, packet) -> limits.kept(key.substring(0, key.lastIndexOf(SEPARATOR)), packet.length));
        String last = messages.lastKey();
        this.sequence = last == null ? 0 : Long.parseUnsignedLong(last.substring(last.length() - 16), 16);
    }

    /** A store that lasts as long as the process: no {@code store_dir}. */
    public static MqttStore inMemory() {
        return inMemory(OwedLimits.defaults());
    }

    static MqttStore inMemory(OwedLimits limits) {
        return new MqttStore(new MVStore.Builder().cacheSize(CACHE_MEGABYTES).open(), limits, "in memory");
    }

    /** Opens (or creates) the store under {@code storeDir}; a file it cannot read is kept aside under a new name. */
    public static MqttStore open(Path storeDir) {
        Path directory = storeDir.resolve("mqtt");
        Path file = directory.resolve(FILE_NAME);
        try {
            if (Files.isDirectory(directory) && !Files.exists(file)) {
                LOG.error("MQTT store {} is missing: sessions and retained messages kept before are lost; "
                        + "starting with an empty store", file);
            }
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the MQTT store directory " + directory, e);
        }
        try {
            return openFile(file);
        } catch (MVStoreException | IllegalStateException e) {
            Path aside = file.resolveSibling(FILE_NAME + ".corrupt-" + Instant.now().toEpochMilli());
            LOG.error("MQTT store {} cannot be read ({}): kept as {}, starting with an empty store", file,
                    e.getMessage(), aside);
            try {
                Files.move(file, aside, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException moveFailed) {
                throw new UncheckedIOException("cannot move the unreadable MQTT store " + file + " aside",
                        moveFailed);
            }
            return openFile(file);
        }
    }

    private static MqttStore openFile(Path file) {
        MqttStore opened = new MqttStore(new MVStore.Builder().fileName(file.toString()).cacheSize(CACHE_MEGABYTES)
                .backgroundExceptionHandler((thread, error) -> LOG.error("MQTT store {}: {}", file,
                        error.getMessage()))
                .open(), OwedLimits.defaults(), file.toString());
        LOG.info("MQTT store {}: {} persistent sessions, {} retained messages", file, opened.sessions.size(),
                opened.retained.size());
        return opened;
    }

    // Sessions

    long retainedCount() {
        return retained.sizeAsLong();
    }

    long messageCount() {
        return messages.sizeAsLong();
    }

    /** The persistent sessions kept, with their subscriptions. */
    Map<String, Map<String, Integer>> sessions() {
        Map<String, Map<String, Integer>> all = new LinkedHashMap<>();
        sessions.forEach((clientId, value) -> all.put(clientId, decodeSubscriptions(value)));
        return all;
    }

    void saveSession(String clientId, Map<String, Integer> subscriptions) {
        sessions.put(clientId, encodeSubscriptions(subscriptions));
    }

    /** Forgets the session, every message it was owed and its QoS 2 packet identifiers. */
    void deleteSession(String clientId) {
        sessions.remove(clientId);
        List<String> keys = new ArrayList<>();
        messagesOf(clientId, (key, message) -> keys.add(key));
        keys.forEach(this::removeMessage);
        limits.forget(clientId);
        endExchanges(clientId);
    }

    // Messages owed to persistent sessions

    /**
     * Keeps a QoS 1 or 2 PUBLISH packet owed to the session; returns its key, for {@link #removeMessage}, or null
     * when the session already holds as many messages or bytes as {@link OwedLimits} allow: then it is not kept.
     */
    String addMessage(String clientId, byte[] packet) {
        if (!limits.admit(clientId, packet.length)) {
            return null;
        }
        long next;
        synchronized (this) {
            next = ++sequence;
        }
        String key = clientId + SEPARATOR + String.format("%016x", next);
        messages.put(key, packet);
        return key;
    }

    void replaceMessage(String key, byte[] packet) {
        byte[] previous = messages.replace(key, packet);
        if (previous != null) {
            limits.resized(key.substring(0, key.lastIndexOf(SEPARATOR)), packet.length - previous.length);
        }
    }

    void removeMessage(String key) {
        byte[] removed = messages.remove(key);
        if (removed != null) {
            limits.released(key.substring(0, key.lastIndexOf(SEPARATOR)), removed.length);
        }
    }

    // QoS 2 exchanges in progress

    /**
     * A QoS 2 PUBLISH the session's client sent under {@code packetId}, kept until its PUBREL: false when one is
     * kept already under that identifier (a duplicate, which is not kept again, as nats-server's
     * {@code $MQTT_qos2in} stream takes one message per identifier).
     */
    boolean receive(String sessionKey, int packetId, byte[] packet) {
        return received.putIfAbsent(identified(sessionKey, packetId), packet) == null;
    }

    /** The client released {@code packetId}: the PUBLISH it sent under it, now removed, or null when none. */
    byte[] release(String sessionKey, int packetId) {
        return received.remove(identified(sessionKey, packetId));
    }

    /** Forgets the session's QoS 2 exchanges in progress, both ways. */
    void endExchanges(String sessionKey) {
        removeAll(received, sessionKey);
        removeAll(releasing, sessionKey);
    }

    /** A PUBREL sent to the session's client, kept until its PUBCOMP. */
    void releasing(String sessionKey, int packetId) {
        releasing.put(identified(sessionKey, packetId), new byte[0]);
    }

    void completed(String sessionKey, int packetId) {
        releasing.remove(identified(sessionKey, packetId));
    }

    /** The packet identifiers of the PUBRELs sent to the session's client and not completed, in order. */
    List<Integer> releasingOf(String sessionKey) {
        List<Integer> identifiers = new ArrayList<>();
        String prefix = sessionKey + SEPARATOR;
        scan(releasing, prefix, (key, nothing) -> identifiers.add(Integer.parseInt(key, prefix.length(),
                key.length(), 16)));
        return identifiers;
    }

    private static String identified(String sessionKey, int packetId) {
        return sessionKey + SEPARATOR + String.format("%04x", packetId);
    }

    private static void removeAll(MVMap<String, byte[]> map, String sessionKey) {
        List<String> keys = new ArrayList<>();
        scan(map, sessionKey + SEPARATOR, (key, value) -> keys.add(key));
        keys.forEach(map::remove);
    }

    /** Each entry of {@code map} whose key starts with {@code prefix}, in key order: one ordered range. */
    private static void scan(MVMap<String, byte[]> map, String prefix, BiConsumer<String, byte[]> each) {
        Iterator<String> keys = map.keyIterator(prefix);
        while (keys.hasNext()) {
            String key = keys.next();
            if (!key.startsWith(prefix)) {
                return;
            }
            byte[] value = map.get(key);
            if (value != null) {
                each.accept(key, value);
            }
        }
    }

    /** The messages owed to the session, oldest first, with their keys. */
    void messagesOf(String clientId, BiConsumer<String, byte[]> each) {
        scan(messages, clientId + SEPARATOR, each);
    }

    // Retained messages

    /** Retains {@code message} for its topic within {@code account}. */
    void retain(String account, StoredMessage message) {
        retained.put(MqttSessionKey.scoped(account, message.topic()), message.encode());
    }

    void clearRetained(String account, String topic) {
        retained.remove(MqttSessionKey.scoped(account, topic));
    }

    /**
     * Every retained message of {@code account} (their number is bounded by the topics in use, their bytes by the
     * page cache).
     */
    void retainedMessages(String account, Consumer<StoredMessage> each) {
        scan(retained, MqttSessionKey.prefix(account), (topic, value) -> each.accept(StoredMessage.decode(value)));
    }

    /** Writes what is pending and closes the file. */
    @Override
    public void close() {
        if (!store.isClosed()) {
            store.close();
        }
    }

    private static byte[] encodeSubscriptions(Map<String, Integer> subscriptions) {
        StringBuilder text = new StringBuilder();
        subscriptions.forEach((filter, qos) -> text.append(qos).append(filter.length()).append(':').append(filter));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static Map<String, Integer> decodeSubscriptions(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        Map<String, Integer> subscriptions = new LinkedHashMap<>();
        int at = 0;
        while (at < text.length()) {
            int qos = text.charAt(at) - '0';
            int colon = text.indexOf(':', at);
            int length = Integer.parseInt(text, at + 1, colon, 10);
            subscriptions.put(text.substring(colon + 1, colon + 1 + length), qos);
            at = colon + 1 + length;
        }
        return subscriptions;
    }
}
