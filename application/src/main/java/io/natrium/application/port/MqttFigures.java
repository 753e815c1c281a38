package io.natrium.application.port;

/**
 * What an operator watches of the MQTT side at a glance (/metrics, the dashboard): the MQTT clients connected, the
 * persistent sessions the server keeps, the retained messages, the QoS 1 and 2 messages sent to connected clients
 * and not acknowledged yet, and the messages kept in the store for persistent sessions (owed while away, or sent and
 * not acknowledged). All zero without an MQTT listener.
 */
public record MqttFigures(long clients, long persistentSessions, long retainedMessages, long inflightMessages,
        long storedMessages) {

    public static final MqttFigures NONE = new MqttFigures(0, 0, 0, 0, 0);
}
