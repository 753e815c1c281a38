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

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String key(String clientId) {
        return MqttSessionKey.of("$G", clientId);
    }

    private List<byte[]> owed(String clientId) {
        List<byte[]> packets = new ArrayList<>();
        state.owed(clientId, (key, packet) -> packets.add(packet));
        return packets;
    }

    @Test
    void sessionPresentOnlyWhenAPersistentSessionResumes() {
        assertThat(state.open(key("d"), false)).isFalse();
        assertThat(state.open(key("d"), false)).isTrue();
        assertThat(state.open(key("d"), true)).as("a clean session discards it").isFalse();
        assertThat(state.open(key("d"), false)).isFalse();
        assertThat(state.open(key("c"), true)).isFalse();
        assertThat(state.open(key("c"), true)).as("clean sessions are not kept").isFalse();
    }

    @Test
    void qos1MessagesAreKeptForMatchingQos1SubscriptionsOfSessionsThatAreAway() {
        state.open(key("away"), false);
        state.subscriptionsChanged(key("away"), Map.of("a/#", 1, "q0/+", 0));
        state.open(key("here"), false);
        state.subscriptionsChanged(key("here"), Map.of("a/#", 1));
        state.online(key("here"), this);
        assertThat(state.anyAway()).isTrue();

        state.keepForOffline("$G", "a", "a", 1, bytes("parent level"));
        state.keepForOffline("$G", "a.b.c", "a/b/c", 2, bytes("below"));
        state.keepForOffline("$G", "q0.x", "q0/x", 1, bytes("QoS 0 subscription"));
        state.keepForOffline("$G", "b", "b", 1, bytes("no subscription"));
        state.keepForOffline("other", "a", "a", 1, bytes("another account"));

        assertThat(owed(key("away"))).hasSize(2).allSatisfy(kept -> assertThat(MqttPackets.message(kept).qos())
                .as("the lower of the two QoS").isEqualTo(1));
        assertThat(owed(key("here"))).isEmpty();
        state.online(key("away"), this);
        assertThat(state.anyAway()).isFalse();
        state.offline(key("away"), new Object());
        assertThat(state.anyAway()).as("only the connection that holds the session lets it go").isFalse();
    }

    @Test
    void aCleanSessionTakingAPersistentOneOverLeavesNoStaleConnectionBehind() {
        state.open(key("taken"), false);
        state.online(key("taken"), this);
        state.open(key("away"), false);
        state.subscriptionsChanged(key("away"), Map.of("t", 1));

        state.open(key("taken"), true);

        assertThat(state.anyAway()).as("the session away still gets what is kept").isTrue();
    }

    @Test
    void retainedMessagesMatchFiltersAsSubscriptionsDoAndAnEmptyOneClears() {
        state.retain("$G", new StoredMessage("a", 0, new byte[] {1}));
        state.retain("$G", new StoredMessage("a/b", 1, new byte[] {2}));
        state.retain("$G", new StoredMessage("x/b", 1, new byte[] {3}));
        state.retain("$G", new StoredMessage("x/b", 1, new byte[0]));
        state.retain("other", new StoredMessage("a/c", 1, new byte[] {4}));

        assertThat(state.retainedFor("$G", "a/#")).extracting(StoredMessage::topic)
                .containsExactlyInAnyOrder("a", "a/b");
        assertThat(state.retainedFor("$G", "+/b")).extracting(StoredMessage::topic).containsExactly("a/b");
        assertThat(state.retainedFor("$G", "x/#")).isEmpty();
        assertThat(state.retainedFor("other", "#")).extracting(StoredMessage::topic).containsExactly("a/c");
    }

    @Test
    void aPersistentWindowKeepsPacketsUntilAcknowledgedAndQueuesWhatDoesNotFit() {
        InflightWindow window = new InflightWindow(1);
        window.resume(state.journal(key("d")), owed -> state.owed(key("d"), owed));
        int first = window.reserve();
        window.sent(first, MqttPackets.publish("t", 1, first, false, new byte[] {1}), 0);
        assertThat(window.reserve()).as("the window is full").isZero();
        assertThat(window.keepsOverflow()).isTrue();
        window.overflow(packet("t", "second"));
        assertThat(owed(key("d"))).hasSize(2).first()
                .satisfies(kept -> assertThat(MqttPackets.isDuplicate(kept)).as("sent once: a duplicate next").isTrue());

        assertThat(window.admitBacklog(1)).as("no room before the PUBACK").isEmpty();
        assertThat(window.acknowledge(first)).isTrue();
        List<byte[]> admitted = window.admitBacklog(2);

        assertThat(admitted).singleElement().satisfies(sent -> assertThat(MqttPackets.isDuplicate(sent)).isFalse());
        assertThat(owed(key("d"))).singleElement()
                .satisfies(kept -> assertThat(MqttPackets.isDuplicate(kept)).as("now sent once").isTrue());
        window.clear();
        assertThat(owed(key("d"))).as("a closed connection leaves the session's packets in the store").hasSize(1);
    }

    @Test
    void aQos2PacketLeavesTheWindowOnPubrecAndItsIdentifierIsHeldUntilPubcomp() {
        InflightWindow window = new InflightWindow(1);
        window.resume(state.journal(key("q2")), owed -> state.owed(key("q2"), owed));
        int first = window.reserve();
        window.sent(first, MqttPackets.publish("t", 2, first, false, new byte[] {1}), 0);
        assertThat(owed(key("q2"))).hasSize(1);

        assertThat(window.received(first, 10)).isTrue();
        assertThat(owed(key("q2"))).as("delivered: no longer owed").isEmpty();
        assertThat(state.releasing(key("q2"))).containsExactly(first);
        int second = window.reserve();
        assertThat(second).as("the window has room again, under another identifier").isNotZero().isNotEqualTo(first);
        window.sent(second, MqttPackets.publish("t", 2, second, false, new byte[] {2}), 10);

        assertThat(window.due(10 + 5, 5)).as("a PUBLISH without PUBREC, and the PUBREL without PUBCOMP, again")
                .extracting(packet -> packet[0] & 0xFF).containsExactlyInAnyOrder(0x3C, 0x62);
        window.completed(first);
        assertThat(state.releasing(key("q2"))).isEmpty();
        assertThat(window.received(0x7777, 20)).as("a PUBREC for nothing sent").isFalse();
        assertThat(window.due(100, 5)).extracting(packet -> packet[0] & 0xFF).containsExactly(0x3C);
    }

    @Test
    void aResumedSessionSendsItsPubrelsAgainAndTheirIdentifiersStayTaken() {
        InflightWindow window = new InflightWindow(10);
        List<byte[]> pubrels = window.resumeReleases(List.of(1, 2), 0);
        assertThat(pubrels).extracting(packet -> packet[3] & 0xFF).containsExactly(1, 2);
        assertThat(pubrels).allSatisfy(packet -> assertThat(packet[0] & 0xFF).isEqualTo(0x62));
        assertThat(window.reserve()).isEqualTo(3);
    }

    @Test
    void aQos2PublishIsKeptOnceUntilReleased() {
        assertThat(state.received(key("c"), 5, bytes("first"))).isTrue();
        assertThat(state.received(key("c"), 5, bytes("duplicate"))).isFalse();
        assertThat(state.released(MqttSessionKey.of("other", "c"), 5)).as("another account's session").isNull();
        assertThat(new String(state.released(key("c"), 5), StandardCharsets.UTF_8)).isEqualTo("first");
        assertThat(state.released(key("c"), 5)).isNull();
    }

    @Test
    void aCleanSessionsQos2ExchangesEndWithIt() {
        state.received(key("clean"), 1, bytes("unreleased"));
        state.endExchanges(key("clean"));
        assertThat(state.released(key("clean"), 1)).isNull();
    }

    @Test
    void sessionKeysKeepAccountsApart() {
        assertThat(MqttSessionKey.of("A", "Bx")).isNotEqualTo(MqttSessionKey.of("AB", "x"));
        assertThat(MqttSessionKey.account(MqttSessionKey.of("a:b", "c:d"))).isEqualTo("a:b");
        assertThat(MqttSessionKey.name(MqttSessionKey.of("a:b", "c:d"))).isEqualTo("c:d");
        state.open(MqttSessionKey.of("A", "d"), false);
        assertThat(state.open(MqttSessionKey.of("B", "d"), false)).as("the same id in another account").isFalse();
        assertThat(state.open(MqttSessionKey.of("A", "d"), false)).isTrue();
    }

    @Test
    void republishSetsThePacketIdentifierAndTheDuplicateFlag() {
        byte[] packet = MqttPackets.publish("ab", 1, 0, true, new byte[] {7});
        byte[] copy = MqttPackets.republish(packet, 0x1234, true);
        assertThat(copy).containsExactly(0x3B, 7, 0, 2, 'a', 'b', 0x12, 0x34, 7);
        assertThat(MqttPackets.republish(copy, 1, false)).containsExactly(0x33, 7, 0, 2, 'a', 'b', 0, 1, 7);
    }
}
