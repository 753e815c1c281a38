package io.natrium.application.settings;

import java.time.Duration;

/**
 * How MQTT sessions keep their messages (in JetStream, out of Natrium's scope) and handle QoS 2.
 *
 * @param ackWait                   how long a QoS 1 message waits for its ack ({@code ack_wait}); zero default
 * @param maxAckPending             the most unacknowledged messages per subscription ({@code max_ack_pending})
 * @param jsApiTimeout              JetStream API timeout ({@code js_api_timeout}); zero for the default
 * @param jsDomain                  the JetStream domain ({@code js_domain}); null for none
 * @param streamReplicas            replicas of the session streams ({@code stream_replicas})
 * @param consumerMemoryStorage     keep consumers in memory ({@code consumer_memory_storage})
 * @param consumerInactiveThreshold when idle consumers are removed ({@code consumer_inactive_threshold})
 * @param rejectQos2Publish         reject QoS 2 publishes ({@code reject_qos2_publish})
 * @param downgradeQos2Subscribe    downgrade QoS 2 subscriptions to QoS 1 ({@code downgrade_qos2_subscribe})
 */
public record MqttDeliverySettings(
        Duration ackWait,
        int maxAckPending,
        Duration jsApiTimeout,
        String jsDomain,
        int streamReplicas,
        boolean consumerMemoryStorage,
        Duration consumerInactiveThreshold,
        boolean rejectQos2Publish,
        boolean downgradeQos2Subscribe) {

    public static MqttDeliverySettings defaults() {
        return new MqttDeliverySettings(Duration.ZERO, 0, Duration.ZERO, null, 0, false, Duration.ZERO, false,
                false);
    }
}
