package io.natrium.application.settings;

/** The kinds of connection a user may be limited to ({@code allowed_connection_types}). */
public enum ConnectionType {
    STANDARD,
    WEBSOCKET,
    MQTT,
    MQTT_WS,
    LEAFNODE,
    LEAFNODE_WS,
    IN_PROCESS
}
