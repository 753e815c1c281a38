package io.natrium.application.port.in;

import io.natrium.application.port.MqttFigures;

/** The MQTT figures for monitoring (/metrics, the dashboard). */
public interface MqttStatusQueryUseCase {

    MqttFigures mqtt();
}
