package io.natrium.application.port.out;

import io.natrium.application.port.MqttFigures;

/** The MQTT listener's figures as they are now, counted by the adapter that keeps MQTT's state. From any thread. */
@FunctionalInterface
public interface MqttStatistics {

    /** No MQTT listener: nothing to count. */
    MqttStatistics NONE = () -> MqttFigures.NONE;

    MqttFigures figures();
}
