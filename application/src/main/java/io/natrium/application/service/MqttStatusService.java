package io.natrium.application.service;

import io.natrium.application.port.MqttFigures;
import io.natrium.application.port.in.MqttStatusQueryUseCase;
import io.natrium.application.port.out.MqttStatistics;

/** Answers monitoring's MQTT questions from what the MQTT listener counts. */
public final class MqttStatusService implements MqttStatusQueryUseCase {

    private final MqttStatistics statistics;

    public MqttStatusService(MqttStatistics statistics) {
        this.statistics = statistics;
    }

    @Override
    public MqttFigures mqtt() {
        return statistics.figures();
    }
}
