package io.natrium.bootstrap.mqtt;

import java.time.Duration;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * nats-server's jail for client ids that flap between connections ({@code mqttSessFlappingJailDur}, one second), with
 * nats-server 2.9.10 -js and with Natrium: after a takeover, a client connecting with that id within the second gets
 * no CONNACK and is closed when the second is over, the session staying with its holder; past the second a client
 * takes it over again; a holder that disconnects ends the jail at once.
 */
class MqttFlappingDifferentialIT {

    private static final Duration CLOSE_WITHIN = Duration.ofSeconds(10);
    /** The jail is one second; a loaded machine may answer the held client a little early by its own clock. */
    private static final Duration HELD_AT_LEAST = Duration.ofMillis(800);
    private static final byte[] DISCONNECT = {(byte) 0xE0, 0};

    @BeforeAll
    static void findTheReference() {
        MqttDifferentialIT.findNatsServer();
    }

    @Test
    void aClientReconnectingAtOnceAfterATakeoverIsHeldAndClosed() throws Exception {
        MqttDifferentialIT.assertSameTranscripts((mqtt, nats) -> {
            try (RawMqtt first = RawMqtt.connect(mqtt); RawMqtt second = RawMqtt.connect(mqtt);
                    RawMqtt back = RawMqtt.connect(mqtt); RawMqtt later = RawMqtt.connect(mqtt);
                    RawMqtt afterLeave = RawMqtt.connect(mqtt)) {
                StringBuilder transcript = new StringBuilder(first.send(RawMqtt.connect("flap", 30)));
                second.sendWithoutAnswer(RawMqtt.connect("flap", 30));
                transcript.append('|').append(second.read(4, CLOSE_WITHIN));
                // The replaced client comes back at once, as a client with automatic reconnection would.
                long start = System.nanoTime();
                back.sendWithoutAnswer(RawMqtt.connect("flap", 30));
                back.sendWithoutAnswer(RawMqtt.PINGREQ);
                transcript.append('|').append(first.answer(CLOSE_WITHIN));
                transcript.append('|').append(back.answer(CLOSE_WITHIN));
                Duration held = Duration.ofNanos(System.nanoTime() - start);
                transcript.append('|').append(held.compareTo(HELD_AT_LEAST) >= 0 ? "held" : "held only " + held);
                transcript.append('|').append(second.send(RawMqtt.PINGREQ));
                // The takeover is more than a second old now: the next client takes the session over.
                transcript.append('|').append(later.send(RawMqtt.connect("flap", 30)));
                transcript.append('|').append(second.answer(CLOSE_WITHIN));
                // Its holder leaving ends the jail that this takeover started.
                transcript.append('|').append(later.send(DISCONNECT, CLOSE_WITHIN));
                transcript.append('|').append(afterLeave.send(RawMqtt.connect("flap", 30)));
                return transcript.toString();
            }
        }, "20020000|20020000|<closed>|<closed>|held|d000|20020000|<closed>|<closed>|20020000");
    }
}
