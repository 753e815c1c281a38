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
 * sessions (clean session 0) with their subscriptions and the QoS 1 messages owed to them, and retained messages.
 * While a persistent session has no connection, a QoS 1 message an MQTT client publishes to one of its QoS 1
 * subscriptions is kept for it, as nats-server's durable consumer on {@code $MQTT_msgs} keeps it; QoS 0 messages and
 * messages from NATS clients are not, as in nats-server. Thread-safe.
 */
public final class MqttState implements AutoCloseable {

    private final MqttStore store;
    /** Every persistent session, connected or not: its filters (filter → granted QoS) and their subjects. */
    private final ConcurrentMap<String, Interest> persistent = new ConcurrentHashMap<>();
    /** The persistent sessions that have a connection, and which one. */
    private final ConcurrentMap<String, Object> online = new ConcurrentHashMap<>();

    /** A session's subscriptions, with the subjects of its QoS 1 filters for offline matching. */
    private record Interest(Map<String, Integer> filters, List<String> qos1Subjects) {

        static Interest of(Map<String, Integer> filters) {
            List<String> subjects = new ArrayList<>();
            filters.forEach((filter, qos) -> {
                if (qos > 0) {
                    try {
                        String subject = MqttTopics.filterSubject(filter);
                        subjects.add(subject);
                        String parent = MqttTopics.levelUpSubject(subject);
                        if (parent != null) {
                            subjects.add(parent);
                        }
                    } catch (InvalidTopicException e) {
                        // Never granted, so never stored.
                    }
                }
            });
            return new Interest(Map.copyOf(filters), List.copyOf(subjects));
        }

        boolean wants(String subject) {
            for (String filter : qos1Subjects) {
                if (SubjectFilter.matches(filter, subject)) {
                    return true;
                }
            }
            return false;
        }
    }

    public MqttState(MqttStore store) {
        this.store = store;
        store.sessions().forEach((clientId, filters) -> persistent.put(clientId, Interest.of(filters)));
    }

    /**
     * A client with {@code clientId} was accepted: a clean session discards a stored one (MQTT-3.1.2-6), a persistent
     * one is created or resumed. Returns CONNACK's session present: true when a persistent session resumes.
     */
    boolean open(String clientId, boolean cleanSession) {
        if (cleanSession) {
            // A connection of the discarded session may still be closing: it no longer holds anything.
            online.remove(clientId);
            if (persistent.remove(clientId) != null) {
                store.deleteSession(clientId);
            }
            return false;
        }
        if (persistent.containsKey(clientId)) {
            return true;
        }
        subscriptionsChanged(clientId, Map.of());
        return false;
    }

    /** The stored subscriptions of a persistent session, in the order they were made. */
    Map<String, Integer> subscriptions(String clientId) {
        Interest interest = persistent.get(clientId);
        return interest == null ? Map.of() : new LinkedHashMap<>(interest.filters());
    }

    void subscriptionsChanged(String clientId, Map<String, Integer> filters) {
        persistent.put(clientId, Interest.of(filters));
        store.saveSession(clientId, filters);
    }

    /** {@code connection} now receives the session's messages itself. */
    void online(String clientId, Object connection) {
        online.put(clientId, connection);
    }

    /** {@code connection} is gone; unless another took the session over, messages are kept for it from now on. */
    void offline(String clientId, Object connection) {
        online.remove(clientId, connection);
    }

    SessionJournal journal(String clientId) {
        return new SessionJournal(store, clientId);
    }

    /** The packets owed to the session from before, oldest first, with their keys in the store. */
    void owed(String clientId, BiConsumer<String, byte[]> each) {
        store.messagesOf(clientId, each);
    }

    /** Whether some persistent session has no connection (and {@link #keepForOffline} has work to do). */
    boolean anyAway() {
        return persistent.size() > online.size();
    }

    /**
     * A QoS 1 message an MQTT client published to {@code subject}: kept for each persistent session without a
     * connection that has a matching QoS 1 subscription. {@code packet} is the PUBLISH they will get.
     */
    void keepForOffline(String subject, byte[] packet) {
        persistent.forEach((clientId, interest) -> {
            if (!online.containsKey(clientId) && interest.wants(subject)) {
                store.addMessage(clientId, packet);
            }
        });
    }

    /** A PUBLISH with the retain flag: an empty payload clears the topic's retained message (MQTT-3.3.1-10). */
    void retain(StoredMessage message) {
        if (message.payload().length == 0) {
            store.clearRetained(message.topic());
        } else {
            store.retain(message);
        }
    }

    /** The retained messages a subscription to {@code filter} (a topic filter) gets. */
    List<StoredMessage> retainedFor(String filter) {
        List<StoredMessage> matching = new ArrayList<>();
        String subject;
        try {
            subject = MqttTopics.filterSubject(filter);
        } catch (InvalidTopicException e) {
            return matching;
        }
        String parent = MqttTopics.levelUpSubject(subject);
        store.retainedMessages(message -> {
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

    @Override
    public void close() {
        store.close();
    }
}
