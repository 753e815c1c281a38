package io.natrium.adapter.mqtt;

import io.natrium.domain.mqtt.InvalidTopicException;
import io.natrium.domain.mqtt.MqttTopics;
import io.natrium.domain.subject.SubjectFilter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BiConsumer;

/**
 * The MQTT state clients share, kept in the {@link MqttStore} where nats-server keeps it in JetStream: persistent
 * sessions (clean session 0) with their subscriptions and the QoS 1 and 2 messages owed to them, the QoS 2
 * exchanges in progress, and retained messages, each within its account ({@link MqttSessionKey}). While a persistent
 * session has no connection, a QoS 1 or 2 message an MQTT client of its account publishes to one of its QoS 1 or 2
 * subscriptions is kept for it, as nats-server's durable consumer on {@code $MQTT_msgs} keeps it; QoS 0 messages and
 * messages from NATS clients are not, as in nats-server. Thread-safe.
 */
public final class MqttState implements AutoCloseable {

    private final MqttStore store;
    /** Every persistent session by its key, connected or not: its filters (filter → granted QoS) and subjects. */
    private final ConcurrentMap<String, Interest> persistent = new ConcurrentHashMap<>();
    /** The persistent sessions that have a connection, and which one. */
    private final ConcurrentMap<String, Object> online = new ConcurrentHashMap<>();

    /** A session's subscriptions, with the subjects of its QoS 1 and 2 filters (and their QoS) for offline matching. */
    private record Interest(String account, Map<String, Integer> filters, Map<String, Integer> subjects) {

        static Interest of(String sessionKey, Map<String, Integer> filters) {
            Map<String, Integer> subjects = new LinkedHashMap<>();
            filters.forEach((filter, qos) -> {
                if (qos > 0) {
                    try {
                        String subject = MqttTopics.filterSubject(filter);
                        subjects.merge(subject, qos, Math::max);
                        String parent = MqttTopics.levelUpSubject(subject);
                        if (parent != null) {
                            subjects.merge(parent, qos, Math::max);
                        }
                    } catch (InvalidTopicException e) {
                        // Never granted, so never stored.
                    }
                }
            });
            return new Interest(MqttSessionKey.account(sessionKey), Map.copyOf(filters), Map.copyOf(subjects));
        }

        /** The highest QoS of the subscriptions matching {@code subject}; 0 for none. */
        int qosFor(String subject) {
            int qos = 0;
            for (Map.Entry<String, Integer> filter : subjects.entrySet()) {
                if (filter.getValue() > qos && SubjectFilter.matches(filter.getKey(), subject)) {
                    qos = filter.getValue();
                }
            }
            return qos;
        }
    }

    public MqttState(MqttStore store) {
        this.store = store;
        store.sessions().forEach((key, filters) -> persistent.put(key, Interest.of(key, filters)));
    }

    /**
     * A client with {@code sessionKey} was accepted: a clean session discards a stored one (MQTT-3.1.2-6), a
     * persistent one is created or resumed. Returns CONNACK's session present: true when a persistent session
     * resumes.
     */
    boolean open(String sessionKey, boolean cleanSession) {
        if (cleanSession) {
            // A connection of the discarded session may still be closing: it no longer holds anything.
            online.remove(sessionKey);
            persistent.remove(sessionKey);
            store.deleteSession(sessionKey);
            return false;
        }
        if (persistent.containsKey(sessionKey)) {
            return true;
        }
        subscriptionsChanged(sessionKey, Map.of());
        return false;
    }

    /** The stored subscriptions of a persistent session, in the order they were made. */
    Map<String, Integer> subscriptions(String sessionKey) {
        Interest interest = persistent.get(sessionKey);
        return interest == null ? Map.of() : new LinkedHashMap<>(interest.filters());
    }

    void subscriptionsChanged(String sessionKey, Map<String, Integer> filters) {
        persistent.put(sessionKey, Interest.of(sessionKey, filters));
        store.saveSession(sessionKey, filters);
    }

    /** {@code connection} now receives the session's messages itself. */
    void online(String sessionKey, Object connection) {
        online.put(sessionKey, connection);
    }

    /** {@code connection} is gone; unless another took the session over, messages are kept for it from now on. */
    void offline(String sessionKey, Object connection) {
        online.remove(sessionKey, connection);
    }

    SessionJournal journal(String sessionKey) {
        return new SessionJournal(store, sessionKey);
    }

    /** The packets owed to the session from before, oldest first, with their keys in the store. */
    void owed(String sessionKey, BiConsumer<String, byte[]> each) {
        store.messagesOf(sessionKey, each);
    }

    /** The identifiers of the PUBRELs the session's client has not completed, from before. */
    List<Integer> releasing(String sessionKey) {
        return store.releasingOf(sessionKey);
    }

    /** How many persistent sessions are kept. */
    int persistentSessions() {
        return persistent.size();
    }

    /** How many retained messages are kept, in every account. */
    long retainedMessages() {
        return store.retainedCount();
    }

    /** How many messages the store keeps for persistent sessions (owed while away, or sent and not acknowledged). */
    long storedMessages() {
        return store.messageCount();
    }

    /** Whether some persistent session has no connection (and {@link #keepForOffline} has work to do). */
    boolean anyAway() {
        return persistent.size() > online.size();
    }

    /**
     * A message an MQTT client of {@code account} published to {@code subject} (its {@code topic}) at QoS 1 or 2:
     * kept for each persistent session of that account without a connection that has a matching QoS 1 or 2
     * subscription, at the lower of the two QoS.
     */
    void keepForOffline(String account, String subject, String topic, int qos, byte[] payload) {
        byte[][] packets = new byte[3][];
        persistent.forEach((sessionKey, interest) -> {
            if (!online.containsKey(sessionKey) && interest.account().equals(account)) {
                int granted = Math.min(qos, interest.qosFor(subject));
                if (granted > 0) {
                    if (packets[granted] == null) {
                        packets[granted] = MqttPackets.publish(topic, granted, 0, false, payload);
                    }
                    store.addMessage(sessionKey, packets[granted]);
                }
            }
        });
    }

    /** A PUBLISH with the retain flag: an empty payload clears the topic's retained message (MQTT-3.3.1-10). */
    void retain(String account, StoredMessage message) {
        if (message.payload().length == 0) {
            store.clearRetained(account, message.topic());
        } else {
            store.retain(account, message);
        }
    }

    /** The retained messages of {@code account} a subscription to {@code filter} (a topic filter) gets. */
    List<StoredMessage> retainedFor(String account, String filter) {
        List<StoredMessage> matching = new ArrayList<>();
        String subject;
        try {
            subject = MqttTopics.filterSubject(filter);
        } catch (InvalidTopicException e) {
            return matching;
        }
        String parent = MqttTopics.levelUpSubject(subject);
        store.retainedMessages(account, message -> {
            try {
                String topicSubject = MqttTopics.publishSubject(message.topic());
                if (SubjectFilter.matches(subject, topicSubject) || topicSubject.equals(parent)) {
                    matching.add(message);
                }
            } catch (InvalidTopicException e) {
                // Only valid topics are retained.
            }
        });
        return matching;
    }

    /**
     * A QoS 2 PUBLISH the session's client sent: kept until it releases the packet identifier; false for a duplicate
     * of one kept already.
     */
    boolean received(String sessionKey, int packetId, byte[] packet) {
        return store.receive(sessionKey, packetId, packet);
    }

    /** The client's PUBREL: the PUBLISH it sent under {@code packetId}, now to be delivered; null when none. */
    byte[] released(String sessionKey, int packetId) {
        return store.release(sessionKey, packetId);
    }

    /** A clean session ended: the QoS 2 PUBLISH packets its client did not release and its PUBRELs go with it. */
    void endExchanges(String sessionKey) {
        store.endExchanges(sessionKey);
    }

    @Override
    public void close() {
        store.close();
    }
}
