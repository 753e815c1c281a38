package io.natrium.domain.auth;

/**
 * The kinds of connection a user may be limited to ({@code allowed_connection_types}), by nats-server's names. Only
 * {@link #STANDARD} connections exist today.
 */
public enum ConnectionType {
    STANDARD,
    WEBSOCKET,
    MQTT,
    MQTT_WS,
    LEAFNODE,
    LEAFNODE_WS,
    IN_PROCESS
}
