package io.natrium.adapter.monitor;

import static io.natrium.adapter.monitor.PrometheusText.Type.GAUGE;

import io.natrium.application.port.MqttFigures;

/**
 * The MQTT side as {@code natrium_mqtt_*} gauges (neither nats-server nor prometheus-nats-exporter has MQTT figures,
 * hence Natrium's own prefix), with the {@code server_id} label of the other families: what an operator watches of a
 * broker that keeps sessions for devices (are they connected, how many sessions and retained messages the store
 * holds, whether acknowledgements keep up).
 */
final class MqttMetrics {

    private static final String PREFIX = "natrium_mqtt_";

    private MqttMetrics() {
    }

    static void write(PrometheusText out, String serverId, MqttFigures mqtt) {
        gauge(out, "clients", "MQTT clients connected", serverId, mqtt.clients());
        gauge(out, "persistent_sessions", "Persistent MQTT sessions kept (clean session 0), connected or not",
                serverId, mqtt.persistentSessions());
        gauge(out, "retained_messages", "Retained MQTT messages kept, in every account", serverId,
                mqtt.retainedMessages());
        gauge(out, "inflight_messages", "QoS 1 and 2 messages sent to connected MQTT clients and not acknowledged",
                serverId, mqtt.inflightMessages());
        gauge(out, "stored_messages",
                "Messages kept in the MQTT store for persistent sessions: owed while away, or sent and not acknowledged",
                serverId, mqtt.storedMessages());
    }

    private static void gauge(PrometheusText out, String name, String help, String serverId, double value) {
        out.metric(PREFIX + name, GAUGE, help, value, "server_id", serverId);
    }
}
