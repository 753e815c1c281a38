package io.natrium.adapter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class MqttStateTest {

    private final MqttStore store = MqttStore.inMemory();
    private final MqttState state = new MqttState(store);

    private static byte[] packet(String topic, String payload) {
        return MqttPackets.publish(topic, 1, 0, false, payload.getBytes(StandardCharsets.UTF_8));
    }

    private List<byte[]> owed(String clientId) {
        List<byte[]> packets = new ArrayList<>();
        state.owed(clientId, (key, packet) -> packets.add(packet));
        return packets;
    }

    @Test
    void sessionPresentOnlyWhenAPersistentSessionResumes() {
        assertThat(state.open("d", false)).isFalse();
        assertThat(state.open("d", false)).isTrue();
        assertThat(state.open("d", true)).as("a clean session discards it").isFalse();
        assertThat(state.open("d", false)).isFalse();
        assertThat(state.open("c", true)).isFalse();
        assertThat(state.open("c", true)).as("clean sessions are not kept").isFalse();
    }

    @Test
    void qos1MessagesAreKeptForMatchingQos1SubscriptionsOfSessionsThatAreAway() {
        state.open("away", false);
        state.subscriptionsChanged("away", Map.of("a/#", 1, "q0/+", 0));
        state.open("here", false);
        state.subscriptionsChanged("here", Map.of("a/#", 1));
        state.online("here", this);
        assertThat(state.anyAway()).isTrue();

        state.keepForOffline("a", packet("a", "parent level"));
        state.keepForOffline("a.b.c", packet("a/b/c", "below"));
        state.keepForOffline("q0.x", packet("q0/x", "QoS 0 subscription"));
        state.keepForOffline("b", packet("b", "no subscription"));

        assertThat(owed("away")).hasSize(2);
        assertThat(owed("here")).isEmpty();
        state.online("away", this);
        assertThat(state.anyAway()).isFalse();
        state.offline("away", new Object());
        assertThat(state.anyAway()).as("only the connection that holds the session lets it go").isFalse();
    }

    @Test
    void aCleanSessionTakingAPersistentOneOverLeavesNoStaleConnectionBehind() {
        state.open("taken", false);
        state.online("taken", this);
        state.open("away", false);
        state.subscriptionsChanged("away", Map.of("t", 1));

        state.open("taken", true);

        assertThat(state.anyAway()).as("the session away still gets what is kept").isTrue();
    }

    @Test
    void retainedMessagesMatchFiltersAsSubscriptionsDoAndAnEmptyOneClears() {
        state.retain(new StoredMessage("a", 0, new byte[] {1}));
        state.retain(new StoredMessage("a/b", 1, new byte[] {2}));
        state.retain(new StoredMessage("x/b", 1, new byte[] {3}));
        state.retain(new StoredMessage("x/b", 1, new byte[0]));

        assertThat(state.retainedFor("a/#")).extracting(StoredMessage::topic).containsExactlyInAnyOrder("a", "a/b");
        assertThat(state.retainedFor("+/b")).extracting(StoredMessage::topic).containsExactly("a/b");
        assertThat(state.retainedFor("x/#")).isEmpty();
    }

    @Test
    void aPersistentWindowKeepsPacketsUntilAcknowledgedAndQueuesWhatDoesNotFit() {
        InflightWindow window = new InflightWindow(1);
        window.resume(state.journal("d"), owed -> state.owed("d", owed));
        int first = window.reserve();
        window.sent(first, MqttPackets.publish("t", 1, first, false, new byte[] {1}), 0);
        assertThat(window.reserve()).as("the window is full").isZero();
        assertThat(window.keepsOverflow()).isTrue();
        window.overflow(packet("t", "second"));
        assertThat(owed("d")).hasSize(2).first()
                .satisfies(kept -> assertThat(MqttPackets.isDuplicate(kept)).as("sent once: a duplicate next").isTrue());

        assertThat(window.admitBacklog(1)).as("no room before the PUBACK").isEmpty();
        assertThat(window.acknowledge(first)).isTrue();
        List<byte[]> admitted = window.admitBacklog(2);

        assertThat(admitted).singleElement().satisfies(sent -> assertThat(MqttPackets.isDuplicate(sent)).isFalse());
        assertThat(owed("d")).singleElement()
                .satisfies(kept -> assertThat(MqttPackets.isDuplicate(kept)).as("now sent once").isTrue());
        window.clear();
        assertThat(owed("d")).as("a closed connection leaves the session's packets in the store").hasSize(1);
    }

    @Test
    void republishSetsThePacketIdentifierAndTheDuplicateFlag() {
        byte[] packet = MqttPackets.publish("ab", 1, 0, true, new byte[] {7});
        byte[] copy = MqttPackets.republish(packet, 0x1234, true);
        assertThat(copy).containsExactly(0x3B, 7, 0, 2, 'a', 'b', 0x12, 0x34, 7);
        assertThat(MqttPackets.republish(copy, 1, false)).containsExactly(0x33, 7, 0, 2, 'a', 'b', 0, 1, 7);
    }
}
