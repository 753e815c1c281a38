package io.natrium.adapter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.out.ProtocolTracer;
import io.natrium.application.settings.MqttDeliverySettings;
import io.natrium.domain.auth.ConnectionType;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** Takeover and nats-server's one-second jail for client ids that flap between connections, on a clock of the test. */
class MqttClientIdsTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final MqttClientIds ids = new MqttClientIds(now::get);

    @Test
    void aTakeoverJailsTheSessionForOneSecond() {
        MqttConnectionHandler first = client();
        MqttConnectionHandler second = client();
        assertThat(ids.jailed("$G id")).isFalse();
        assertThat(ids.takeOver("$G id", first)).isNull();
        assertThat(ids.jailed("$G id")).as("a first connection jails nothing").isFalse();
        assertThat(ids.takeOver("$G id", second)).isSameAs(first);
        assertThat(ids.jailed("$G id")).isTrue();
        assertThat(ids.jailed("$G other")).isFalse();
        assertThat(ids.jailed("ACC id")).as("another account's session of the same id").isFalse();
        advance(MqttClientIds.JAIL);
        assertThat(ids.jailed("$G id")).as("exactly one second later").isTrue();
        advance(Duration.ofMillis(1));
        assertThat(ids.jailed("$G id")).isFalse();
        assertThat(ids.flapping()).as("the old entry is forgotten").isZero();
    }

    @Test
    void theReplacedClientLeavingKeepsTheJailAndTheHolderLeavingEndsIt() {
        MqttConnectionHandler first = client();
        MqttConnectionHandler second = client();
        takeOverTwice(first, second);
        assertThat(ids.leave("$G id", first)).isFalse();
        assertThat(ids.jailed("$G id")).isTrue();
        assertThat(ids.leave("$G id", second)).isTrue();
        assertThat(ids.jailed("$G id")).isFalse();
        assertThat(ids.flapping()).isZero();
        assertThat(ids.size()).isZero();
    }

    @Test
    void aTakeoverAfterTheJailJailsAgain() {
        MqttConnectionHandler first = client();
        MqttConnectionHandler second = client();
        takeOverTwice(first, second);
        advance(Duration.ofMillis(1500));
        assertThat(ids.jailed("$G id")).isFalse();
        assertThat(ids.takeOver("$G id", first)).isSameAs(second);
        assertThat(ids.jailed("$G id")).isTrue();
    }

    /** {@code first} connects as {@code $G id}, then {@code second} takes its session over. */
    private void takeOverTwice(MqttConnectionHandler first, MqttConnectionHandler second) {
        ids.takeOver("$G id", first);
        ids.takeOver("$G id", second);
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    private static MqttConnectionHandler client() {
        return new MqttConnectionHandler(null, ProtocolTracer.OFF, null, MqttDeliverySettings::defaults, null, ConnectionType.MQTT, null,
                null);
    }
}
