package io.natrium.adapter.mqtt;

import io.natrium.application.port.in.ClientSession;
import io.natrium.domain.mqtt.InvalidTopicException;
import io.natrium.domain.mqtt.MqttTopics;
import io.netty.handler.codec.mqtt.MqttSubscribeMessage;
import io.netty.handler.codec.mqtt.MqttTopicSubscription;
import io.netty.handler.codec.mqtt.MqttUnsubscribeMessage;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One MQTT client's subscriptions, as NATS subscriptions of its session: a topic filter becomes its subject (and a
 * {@code /#} filter also its parent level, as in nats-server), with the granted QoS (QoS 2 granted as 1 with
 * {@code downgrade_qos2_subscribe}, as nats-server 2.9.10 always does) as the last character of the sid, where
 * {@link MqttPublishWriter} reads it.
 * Confined to the session's thread.
 */
final class MqttSubscriptions {

    private static final Logger LOG = LoggerFactory.getLogger(MqttSubscriptions.class);
    /** Subjects of nats-server's own MQTT plumbing, which a client may not subscribe to. */
    private static final String RESERVED_PREFIX = "$MQTT.sub.";

    private final ClientSession session;
    private final MqttPublishWriter writer;
    private final MqttTrace trace;
    private final boolean downgradeQos2;
    /** The QoS granted for each subscribed filter, by its subject. */
    private final Map<String, Integer> granted = new HashMap<>();
    /** The same subscriptions by topic filter, in the order they were made: what a persistent session keeps. */
    private final Map<String, Integer> filters = new LinkedHashMap<>();

    MqttSubscriptions(ClientSession session, MqttPublishWriter writer, MqttTrace trace, boolean downgradeQos2) {
        this.session = session;
        this.writer = writer;
        this.trace = trace;
        this.downgradeQos2 = downgradeQos2;
    }

    /** The sid of a subscription to {@code subject} at {@code qos}: its subject, as nats-server's, and the QoS. */
    static String sid(String subject, int qos) {
        return subject + ' ' + qos;
    }

    /**
     * A SUBSCRIBE: each filter subscribed, SUBACK with the codes, then the session's part (kept, retained messages).
     * Returns the error that closes the connection (nats-server's words), or null.
     */
    String subscribe(MqttSubscribeMessage message, MqttSessionState state) {
        List<MqttTopicSubscription> topics = message.payload().topicSubscriptions();
        List<String> filters = new ArrayList<>(topics.size());
        List<Integer> asked = new ArrayList<>(topics.size());
        for (MqttTopicSubscription topic : topics) {
            filters.add(topic.topicFilter());
            asked.add(topic.qualityOfService().value());
        }
        String invalid = invalid("subscribe", filters);
        if (invalid != null) {
            trace.in("SUBSCRIBE " + invalid);
            return invalid;
        }
        int packetId = message.variableHeader().messageId();
        if (trace.on()) {
            trace.in(MqttTrace.subscribe(packetId, filters, asked));
        }
        List<Integer> codes = new ArrayList<>(topics.size());
        for (int i = 0; i < filters.size(); i++) {
            codes.add(subscribe(filters.get(i), asked.get(i)));
            if (session.isClosed()) {
                return null;
            }
        }
        byte[] suback = MqttPackets.suback(packetId, codes);
        trace.sendUntraced(suback);
        state.subscribed(this, filters, codes);
        // Traced after the retained messages the subscriptions got, as nats-server traces them (it sends them after).
        trace.sent(suback);
        return null;
    }

    /** What closes the connection for a SUBSCRIBE or UNSUBSCRIBE's filters (nats-server's words); null if nothing. */
    private static String invalid(String action, List<String> filters) {
        if (filters.isEmpty()) {
            return action + " protocol must contain at least 1 topic filter";
        }
        return filters.contains("") ? "topic filter cannot be empty" : null;
    }


    /** An UNSUBSCRIBE, then UNSUBACK; returns the error that closes the connection, or null. */
    String unsubscribe(MqttUnsubscribeMessage message, MqttSessionState state) {
        List<String> topics = message.payload().topics();
        String invalid = invalid("unsubscribe", topics);
        if (invalid != null) {
            trace.in("UNSUBSCRIBE " + invalid);
            return invalid;
        }
        int packetId = message.variableHeader().messageId();
        if (trace.on()) {
            trace.in(MqttTrace.unsubscribe(packetId, topics));
        }
        for (String topic : topics) {
            unsubscribe(topic);
        }
        trace.send(MqttPackets.unsuback(packetId));
        state.unsubscribed(this);
        return null;
    }

    /** Subscribes to {@code filter} and returns the SUBACK return code: the QoS granted, or the failure code. */
    int subscribe(String filter, int requestedQos) {
        String subject;
        try {
            subject = MqttTopics.filterSubject(filter);
        } catch (InvalidTopicException e) {
            LOG.error("{} - invalid topic \"{}\": {}", session, filter, e.getMessage());
            // nats-server then subscribes to the empty subject, which its session refuses with this -ERR, not sent.
            trace.out("-ERR Invalid Subject");
            return MqttPackets.SUBSCRIPTION_FAILURE;
        }
        if (subject.startsWith(RESERVED_PREFIX)) {
            return MqttPackets.SUBSCRIPTION_FAILURE;
        }
        int qos = Math.min(requestedQos, 2);
        if (qos == 2 && downgradeQos2) {
            LOG.warn("{} - Downgrading subscription QoS2 to QoS1 for \"{}\", as configured", session, subject);
            qos = 1;
        }
        Integer previous = granted.remove(subject);
        if (previous != null) {
            unsubscribeSubject(subject, previous);
        }
        writer.takeError();
        session.subscribe(subject, null, sid(subject, qos));
        if (refused()) {
            return MqttPackets.SUBSCRIPTION_FAILURE;
        }
        String parent = MqttTopics.levelUpSubject(subject);
        if (parent != null) {
            session.subscribe(parent, null, sid(parent + MqttTopics.LEVEL_UP_SID_SUFFIX, qos));
            if (refused()) {
                session.unsubscribe(sid(subject, qos), -1);
                return MqttPackets.SUBSCRIPTION_FAILURE;
            }
        }
        granted.put(subject, qos);
        filters.remove(filter);
        filters.put(filter, qos);
        return qos;
    }

    /** Unsubscribes from {@code filter}; a filter never subscribed to is no error. */
    void unsubscribe(String filter) {
        String subject;
        try {
            subject = MqttTopics.filterSubject(filter);
        } catch (InvalidTopicException e) {
            LOG.error("{} - invalid topic \"{}\": {}", session, filter, e.getMessage());
            return;
        }
        Integer qos = granted.remove(subject);
        if (qos != null) {
            unsubscribeSubject(subject, qos);
        }
        filters.remove(filter);
    }

    /** The subscriptions by topic filter (granted QoS), in the order they were made. */
    Map<String, Integer> filters() {
        return new LinkedHashMap<>(filters);
    }

    private void unsubscribeSubject(String subject, int qos) {
        session.unsubscribe(sid(subject, qos), -1);
        String parent = MqttTopics.levelUpSubject(subject);
        if (parent != null) {
            session.unsubscribe(sid(parent + MqttTopics.LEVEL_UP_SID_SUFFIX, qos), -1);
        }
    }

    /** Whether the session refused the subscription just asked for (a permission, a limit) or closed. */
    private boolean refused() {
        return writer.takeError() != null || session.isClosed();
    }
}
