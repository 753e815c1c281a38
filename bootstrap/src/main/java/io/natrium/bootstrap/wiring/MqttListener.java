package io.natrium.bootstrap.wiring;

import io.natrium.adapter.protocol.CarriedProtocol;
import io.natrium.application.port.out.MqttStatistics;

/** The MQTT listener as the server's lifecycle drives it; {@link #NONE} when no {@code mqtt} port is set. */
public interface MqttListener extends PortListener {

    MqttListener NONE = new NoListener();

    /** MQTT for the websocket listener's {@code /mqtt}; null when there is no MQTT listener. */
    default CarriedProtocol overWebsocket() {
        return null;
    }

    /** What monitoring shows of the MQTT side; zeros when there is no MQTT listener. */
    default MqttStatistics statistics() {
        return MqttStatistics.NONE;
    }
}
