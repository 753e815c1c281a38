package io.natrium.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.MqttFigures;
import io.natrium.application.port.out.MqttStatistics;

import org.junit.jupiter.api.Test;

class MqttStatusServiceTest {

    @Test
    void answersWhatTheListenerCountsNow() {
        MqttFigures[] now = {new MqttFigures(1, 2, 3, 4, 5)};
        MqttStatusService service = new MqttStatusService(() -> now[0]);
        assertThat(service.mqtt()).isEqualTo(new MqttFigures(1, 2, 3, 4, 5));

        now[0] = new MqttFigures(0, 2, 1, 0, 0);

        assertThat(service.mqtt()).isEqualTo(now[0]);
    }

    @Test
    void withoutAListenerEverythingIsZero() {
        assertThat(new MqttStatusService(MqttStatistics.NONE).mqtt()).isEqualTo(new MqttFigures(0, 0, 0, 0, 0));
    }
}
