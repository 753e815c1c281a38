package io.natrium.adapter.config;

import io.natrium.adapter.config.syntax.ConfigEntry;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.application.settings.MqttDeliverySettings;
import io.natrium.application.settings.MqttSettings;

import java.time.Duration;

/** The {@code mqtt} block (16 keys). */
final class MqttMapper {

    private static final int MAX_ACK_PENDING_LIMIT = 0xFFFF;

    private static final KeyTable<Draft> MQTT = ListenerDraft.register(KeyTable.<Draft>strict())
            .on((draft, entry, reader) -> reader.duration("ack_wait", entry, wait -> draft.ackWait = wait),
                    "ack_wait", "ackwait")
            .on((draft, entry, reader) -> ignored(entry, reader,
                    () -> reader.duration("js_api_timeout", entry, timeout -> draft.apiTimeout = timeout)),
                    "js_api_timeout", "api_timeout")
            .on(MqttMapper::maxAckPending, "max_ack_pending", "max_pending", "max_inflight")
            .on((draft, entry, reader) -> ignored(entry, reader,
                    () -> reader.string(entry, domain -> draft.jsDomain = domain)), "js_domain")
            .on((draft, entry, reader) -> ignored(entry, reader,
                    () -> reader.goInt(entry, replicas -> draft.streamReplicas = replicas)), "stream_replicas")
            .on((draft, entry, reader) -> reader.invalidUse(entry, entry.key(),
                    "consumer replicas setting ignored in this server version"), "consumer_replicas")
            .on((draft, entry, reader) -> ignored(entry, reader,
                    () -> reader.bool(entry, memory -> draft.consumerMemory = memory)), "consumer_memory_storage")
            .on((draft, entry, reader) -> ignored(entry, reader, () -> reader.duration("consumer_inactive_threshold",
                    entry, threshold -> draft.inactiveThreshold = threshold)),
                    "consumer_inactive_threshold", "consumer_auto_cleanup")
            .on((draft, entry, reader) -> reader.bool(entry, reject -> draft.rejectQos2 = reject),
                    "reject_qos2_publish")
            .on((draft, entry, reader) -> reader.bool(entry, downgrade -> draft.downgradeQos2 = downgrade),
                    "downgrade_qos2_subscribe");

    /**
     * Checks and keeps a JetStream setting of nats-server's MQTT, then says it is ignored: Natrium's MQTT does not
     * run on JetStream, so these have nothing to act on.
     */
    private static void ignored(ConfigEntry entry, ConfigReader reader, Runnable parse) {
        parse.run();
        reader.unsupported(entry);
    }

    private static final class Draft extends ListenerDraft {
        Duration ackWait = Duration.ZERO;
        Duration apiTimeout = Duration.ZERO;
        int maxAckPending;
        String jsDomain;
        int streamReplicas;
        boolean consumerMemory;
        Duration inactiveThreshold = Duration.ZERO;
        boolean rejectQos2;
        boolean downgradeQos2;
    }

    private MqttMapper() {
    }

    static void register(KeyTable<FileDraft> table) {
        table.on((file, entry, reader) -> {
            MqttSettings mqtt = map(entry, reader);
            if (mqtt != null) {
                file.settings.mqtt(mqtt);
            }
        }, "mqtt");
    }

    private static MqttSettings map(ConfigEntry entry, ConfigReader reader) {
        if (!(entry.value() instanceof ConfigMap block)) {
            reader.error(entry, "Expected mqtt to be a map, got " + ConfigReader.goType(entry.value()));
            return null;
        }
        Draft d = new Draft();
        MQTT.apply(block, d, reader);
        return new MqttSettings(d.host, d.port, d.tls, d.authorization, d.noAuthUser,
                new MqttDeliverySettings(d.ackWait, d.maxAckPending, d.apiTimeout, d.jsDomain, d.streamReplicas,
                        d.consumerMemory, d.inactiveThreshold, d.rejectQos2, d.downgradeQos2));
    }

    private static void maxAckPending(Draft draft, ConfigEntry entry, ConfigReader reader) {
        reader.integer(entry, value -> {
            if (value < 0 || value > MAX_ACK_PENDING_LIMIT) {
                reader.error(entry, "invalid value " + value + ", should in [0.." + MAX_ACK_PENDING_LIMIT
                        + "] range");
            } else {
                draft.maxAckPending = (int) value;
            }
        });
    }
}
