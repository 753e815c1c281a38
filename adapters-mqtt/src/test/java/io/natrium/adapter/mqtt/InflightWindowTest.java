package io.natrium.adapter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A clean session's window (no journal): what finds it full waits in memory, bounded, instead of being dropped. */
class InflightWindowTest {

    @Test
    void aPacketThatFindsTheWindowFullWaitsAndGoesOutAsAcknowledgementsFreeTheWindow() {
        InflightWindow window = new InflightWindow(2);
        int first = send(window, "a");
        send(window, "b");
        assertThat(window.reserve()).as("max_ack_pending out").isZero();
        assertThat(window.keepsOverflow()).isTrue();
        window.overflow(MqttPackets.publish("c", 1, 0, false, new byte[] {'c'}));
        window.overflow(MqttPackets.publish("d", 1, 0, false, new byte[] {'d'}));

        assertThat(window.admitBacklog(0)).as("no room yet").isEmpty();
        window.acknowledge(first);
        List<byte[]> admitted = window.admitBacklog(0);

        assertThat(admitted).hasSize(1);
        assertThat(admitted.get(0)).isEqualTo(MqttPackets.publish("c", 1, identifierOf(admitted.get(0)), false,
                new byte[] {'c'}));
        assertThat(identifierOf(admitted.get(0))).isNotZero();
        assertThat(window.size()).isEqualTo(2);
        assertThat(window.reserve()).as("d still waits ahead of anything new").isZero();
    }

    @Test
    void aCleanSessionKeepsNoMoreThanTheBoundInMemory() {
        InflightWindow window = new InflightWindow(1);
        int out = send(window, "first");
        for (int i = 0; i < OwedLimits.DEFAULT_MESSAGES + 5; i++) {
            window.overflow(MqttPackets.publish("t", 1, 0, false, new byte[] {(byte) i}));
        }

        List<byte[]> delivered = new ArrayList<>();
        for (int round = 0; round < OwedLimits.DEFAULT_MESSAGES + 10; round++) {
            window.acknowledge(out);
            List<byte[]> admitted = window.admitBacklog(0);
            if (admitted.isEmpty()) {
                break;
            }
            delivered.addAll(admitted);
            out = identifierOf(admitted.get(0));
        }

        assertThat(delivered).hasSize(OwedLimits.DEFAULT_MESSAGES);
    }

    @Test
    void aPacketQueuedJustAfterAnAcknowledgementFreedThePlaceSaysSoToBeSentAtOnce() {
        InflightWindow window = new InflightWindow(1);
        int first = send(window, "a");
        assertThat(window.reserve()).as("the publisher finds the window full").isZero();
        // The subscriber's PUBACK comes before the publisher queues its packet: it finds no backlog to admit.
        window.acknowledge(first);
        assertThat(window.admitBacklog(0)).isEmpty();

        assertThat(window.overflow(MqttPackets.publish("b", 1, 0, false, new byte[] {'b'})))
                .as("the window has room for the backlog now").isTrue();
        assertThat(window.admitBacklog(0)).hasSize(1);
        assertThat(window.overflow(MqttPackets.publish("c", 1, 0, false, new byte[] {'c'})))
                .as("full again: the next PUBACK sends it").isFalse();
    }

    @Test
    void aRaisedLimitLetsTheBacklogOutWithoutAnAcknowledgement() {
        int[] limit = {1};
        InflightWindow window = new InflightWindow(() -> limit[0]);
        send(window, "a");
        window.overflow(MqttPackets.publish("b", 1, 0, false, new byte[] {'b'}));
        assertThat(window.admitBacklog(0)).isEmpty();

        limit[0] = 2;

        assertThat(window.admitBacklog(0)).hasSize(1);
        assertThat(window.size()).isEqualTo(2);
    }

    @Test
    void clearingForgetsTheBacklog() {
        InflightWindow window = new InflightWindow(1);
        int first = send(window, "a");
        window.overflow(MqttPackets.publish("b", 1, 0, false, new byte[] {'b'}));

        window.clear();
        window.acknowledge(first);

        assertThat(window.admitBacklog(0)).isEmpty();
    }

    private static int send(InflightWindow window, String topic) {
        int identifier = window.reserve();
        assertThat(identifier).isNotZero();
        window.sent(identifier, MqttPackets.publish(topic, 1, identifier, false, new byte[] {1}), 0);
        return identifier;
    }

    /** The packet identifier of a QoS 1 PUBLISH: the two bytes after its topic. */
    private static int identifierOf(byte[] publish) {
        int at = 1;
        while ((publish[at] & 0x80) != 0) {
            at++;
        }
        at++;
        int topicLength = ((publish[at] & 0xff) << 8) | (publish[at + 1] & 0xff);
        int identifierAt = at + 2 + topicLength;
        return ((publish[identifierAt] & 0xff) << 8) | (publish[identifierAt + 1] & 0xff);
    }
}
