package io.natrium.adapter.mqtt;

import io.natrium.adapter.protocol.NettyClientOutbound;
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
    private final boolean downgradeQos2;
    /** The QoS granted for each subscribed filter, by its subject. */
    private final Map<String, Integer> granted = new HashMap<>();
    /** The same subscriptions by topic filter, in the order they were made: what a persistent session keeps. */
    private final Map<String, Integer> filters = new LinkedHashMap<>();

    MqttSubscriptions(ClientSession session, MqttPublishWriter writer, boolean downgradeQos2) {
        this.session = session;
        this.writer = writer;
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
    String subscribe(MqttSubscribeMessage message, NettyClientOutbound outbound, MqttSessionState state) {
        List<MqttTopicSubscription> topics = message.payload().topicSubscriptions();
        if (topics.isEmpty()) {
            return "subscribe protocol must contain at least 1 topic filter";
        }
        List<String> filters = new ArrayList<>(topics.size());
        List<Integer> codes = new ArrayList<>(topics.size());
        for (MqttTopicSubscription topic : topics) {
            if (topic.topicFilter().isEmpty()) {
                return "topic filter cannot be empty";
            }
            filters.add(topic.topicFilter());
            codes.add(subscribe(topic.topicFilter(), topic.qualityOfService().value()));
            if (session.isClosed()) {
                return null;
            }
        }
        outbound.sendFrame(MqttPackets.suback(message.variableHeader().messageId(), codes));
        state.subscribed(this, filters, codes);
        return null;
    }

    /** An UNSUBSCRIBE, then UNSUBACK; returns the error that closes the connection, or null. */
    String unsubscribe(MqttUnsubscribeMessage message, NettyClientOutbound outbound, MqttSessionState state) {
        List<String> topics = message.payload().topics();
        if (topics.isEmpty()) {
            return "unsubscribe protocol must contain at least 1 topic filter";
        }
        for (String topic : topics) {
            if (topic.isEmpty()) {
                return "topic filter cannot be empty";
            }
            unsubscribe(topic);
        }
        outbound.sendFrame(MqttPackets.unsuback(message.variableHeader().messageId()));
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
