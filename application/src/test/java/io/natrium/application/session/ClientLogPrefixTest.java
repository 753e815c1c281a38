package io.natrium.application.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.domain.auth.ConnectionType;

import org.junit.jupiter.api.Test;

/** nats-server's names for a client in the log: {@code cid:}, {@code wid:} for WebSocket, {@code mid:} for MQTT. */
class ClientLogPrefixTest {

    @Test
    void namesEachTransportAsNatsServerDoes() {
        assertThat(new ClientLogPrefix("127.0.0.1", 5000, 7, ConnectionType.STANDARD, null))
                .hasToString("127.0.0.1:5000 - cid:7");
        assertThat(new ClientLogPrefix("127.0.0.1", 5000, 7, ConnectionType.WEBSOCKET, null))
                .hasToString("127.0.0.1:5000 - wid:7");
        assertThat(new ClientLogPrefix("::1", 5000, 7, ConnectionType.MQTT, null)).hasToString("[::1]:5000 - mid:7");
        assertThat(new ClientLogPrefix("127.0.0.1", 5000, 7, ConnectionType.MQTT_WS, "10.0.0.7"))
                .hasToString("10.0.0.7/127.0.0.1:5000 - mid_ws:7");
    }

    @Test
    void anInProcessClientWithNoHostIsNamedAsNatsServerNamesItsPipeClients() {
        assertThat(new ClientLogPrefix("", 0, 7, ConnectionType.STANDARD, null)).hasToString("pipe - cid:7");
    }
}
