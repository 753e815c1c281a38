package io.natrium.bootstrap.wiring;

import io.natrium.adapter.protocol.CarriedProtocol;

/** The MQTT listener as the server's lifecycle drives it; {@link #NONE} when no {@code mqtt} port is set. */
public interface MqttListener extends PortListener {

    MqttListener NONE = new NoListener();

    /** MQTT for the websocket listener's {@code /mqtt}; null when there is no MQTT listener. */
    default CarriedProtocol overWebsocket() {
        return null;
    }
}
