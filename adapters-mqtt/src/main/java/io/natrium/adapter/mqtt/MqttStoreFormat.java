package io.natrium.adapter.mqtt;

import java.util.ArrayList;
import java.util.List;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The layout of the MQTT store's keys, and the move of a store written before sessions and retained messages were
 * kept per account: its sessions, the messages owed to them and its retained messages were keyed by bare client id
 * and topic, which the per-account keys ({@link MqttSessionKey}) would never find again. They are moved to the global
 * account {@code $G}, where nats-server puts every client of a server without accounts (the only servers such a
 * store can come from without losing anything: its sessions were not told apart by account), and the move is logged
 * with its counts, so that clients of other accounts missing their sessions can be explained.
 *
 * <p>The store records its layout in a map of its own. A store without that record but with the QoS 2 maps
 * (which came with the per-account keys) was written with these keys already. The move marks the store as moving
 * before it starts and as done after, each committed; a move cut short is taken up again at the next open, skipping
 * the keys already moved.
 */
final class MqttStoreFormat {

    /** Where the keys of a store written before accounts go: nats-server's global account. */
    static final String LEGACY_ACCOUNT = "$G";
    static final String FORMAT_MAP = "natrium-format";
    private static final String VERSION = "keys";
    private static final byte[] PER_ACCOUNT = {2};
    private static final byte[] MOVING = {1};
    /** A map the store has had since its keys were per account. */
    private static final String PER_ACCOUNT_MAP = "qos2-received";
    private static final Logger LOG = LoggerFactory.getLogger(MqttStoreFormat.class);

    private MqttStoreFormat() {
    }

    /**
     * Brings {@code store} to per-account keys, its {@code sessions}, {@code messages} (keyed by session, then a
     * separator) and {@code retained} (keyed by topic) maps moved to {@link #LEGACY_ACCOUNT} when they were written
     * before; to be called before the store opens its other maps. {@code name} names the store in the log.
     */
    static void upgrade(MVStore store, String name, MVMap<String, byte[]> sessions, MVMap<String, byte[]> messages,
            MVMap<String, byte[]> retained) {
        MVMap<String, byte[]> format = store.openMap(FORMAT_MAP);
        byte[] version = format.get(VERSION);
        if (version != null && version[0] == PER_ACCOUNT[0]) {
            return;
        }
        boolean resuming = version != null && version[0] == MOVING[0];
        boolean legacy = resuming || !store.hasMap(PER_ACCOUNT_MAP)
                && (!sessions.isEmpty() || !messages.isEmpty() || !retained.isEmpty());
        if (legacy) {
            format.put(VERSION, MOVING);
            store.commit();
            int movedSessions = moveToAccount(sessions, resuming);
            int movedMessages = moveToAccount(messages, resuming);
            int movedRetained = moveToAccount(retained, resuming);
            LOG.warn("MQTT store {} was written before sessions were kept per account: {} persistent sessions, {} "
                    + "messages owed to them and {} retained messages moved to account {}, where clients of a "
                    + "server without accounts find them (clients of other accounts do not)", name, movedSessions,
                    movedMessages, movedRetained, LEGACY_ACCOUNT);
        }
        format.put(VERSION, PER_ACCOUNT);
        store.commit();
    }

    /** Moves every key of {@code map} into {@link #LEGACY_ACCOUNT}; when resuming, keys already there stay. */
    private static int moveToAccount(MVMap<String, byte[]> map, boolean resuming) {
        String prefix = MqttSessionKey.prefix(LEGACY_ACCOUNT);
        List<String> keys = new ArrayList<>();
        map.keyIterator(null).forEachRemaining(key -> {
            if (!resuming || !key.startsWith(prefix)) {
                keys.add(key);
            }
        });
        for (String key : keys) {
            byte[] value = map.get(key);
            // Put before remove: a crash between the two leaves both, and the next open moves the old one again.
            map.put(MqttSessionKey.scoped(LEGACY_ACCOUNT, key), value);
            map.remove(key);
        }
        return keys.size();
    }
}
