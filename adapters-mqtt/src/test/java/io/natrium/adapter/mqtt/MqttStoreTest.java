package io.natrium.adapter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MqttStoreTest {

    @TempDir
    Path storeDir;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sessionsMessagesAndRetainedMessagesOutliveTheProcess() {
        Map<String, Integer> filters = new LinkedHashMap<>();
        filters.put("a/+/c", 1);
        filters.put("x:y/#", 0);
        try (MqttStore store = MqttStore.open(storeDir)) {
            store.saveSession("dev-1", filters);
            store.addMessage("dev-1", MqttPackets.publish("a/b/c", 1, 0, false, bytes("one")));
            store.addMessage("dev-1", MqttPackets.publish("a/b/c", 1, 0, false, bytes("two")));
            store.addMessage("dev-10", MqttPackets.publish("a/b/c", 1, 0, false, bytes("other")));
            store.retain("$G", new StoredMessage("t/1", 1, bytes("kept")));
        }
        try (MqttStore store = MqttStore.open(storeDir)) {
            assertThat(store.sessions()).containsOnlyKeys("dev-1");
            assertThat(store.sessions().get("dev-1")).containsExactly(Map.entry("a/+/c", 1), Map.entry("x:y/#", 0));
            assertThat(payloads(store, "dev-1")).containsExactly("one", "two");
            List<StoredMessage> retained = new ArrayList<>();
            store.retainedMessages("$G", retained::add);
            assertThat(retained).singleElement().satisfies(message -> {
                assertThat(message.topic()).isEqualTo("t/1");
                assertThat(message.qos()).isEqualTo(1);
                assertThat(new String(message.payload(), StandardCharsets.UTF_8)).isEqualTo("kept");
            });
            // New messages come after the ones kept, across the restart.
            store.addMessage("dev-1", MqttPackets.publish("a/b/c", 1, 0, false, bytes("three")));
            assertThat(payloads(store, "dev-1")).containsExactly("one", "two", "three");
        }
    }

    @Test
    void deletingASessionForgetsItsMessagesOnly() {
        try (MqttStore store = MqttStore.inMemory()) {
            store.saveSession("a", Map.of("t", 1));
            store.addMessage("a", MqttPackets.publish("t", 1, 0, false, bytes("for a")));
            String key = store.addMessage("ab", MqttPackets.publish("t", 1, 0, false, bytes("for ab")));
            store.addMessage("ab", MqttPackets.publish("t", 1, 0, false, bytes("again")));

            store.deleteSession("a");
            store.removeMessage(key);

            assertThat(store.sessions()).isEmpty();
            assertThat(payloads(store, "a")).isEmpty();
            assertThat(payloads(store, "ab")).containsExactly("again");
        }
    }

    @Test
    void qos2IdentifiersOutliveTheProcessAndADuplicateIsKeptOnce() {
        try (MqttStore store = MqttStore.open(storeDir)) {
            assertThat(store.receive("s", 7, bytes("first"))).isTrue();
            assertThat(store.receive("s", 7, bytes("again"))).as("a duplicate is not kept").isFalse();
            store.releasing("s", 9);
            store.releasing("s", 3);
            store.releasing("s2", 1);
        }
        try (MqttStore store = MqttStore.open(storeDir)) {
            assertThat(store.releasingOf("s")).containsExactly(3, 9);
            assertThat(new String(store.release("s", 7), StandardCharsets.UTF_8)).isEqualTo("first");
            assertThat(store.release("s", 7)).as("released once").isNull();
            store.completed("s", 3);
            store.deleteSession("s2");
            assertThat(store.releasingOf("s")).containsExactly(9);
            assertThat(store.releasingOf("s2")).isEmpty();
        }
    }

    @Test
    void aSessionKeepsNoMoreThanItsLimitsAndHasRoomAgainAsItAcknowledges() {
        try (MqttStore store = MqttStore.inMemory(new OwedLimits(3, 1000))) {
            String first = store.addMessage("s", MqttPackets.publish("t", 1, 0, false, bytes("1")));
            store.addMessage("s", MqttPackets.publish("t", 1, 0, false, bytes("2")));
            store.addMessage("s", MqttPackets.publish("t", 1, 0, false, bytes("3")));
            assertThat(store.addMessage("s", MqttPackets.publish("t", 1, 0, false, bytes("4"))))
                    .as("a fourth message finds the session full").isNull();
            assertThat(store.addMessage("other", MqttPackets.publish("t", 1, 0, false, bytes("x"))))
                    .as("the limit is each session's").isNotNull();
            store.removeMessage(first);
            store.addMessage("s", MqttPackets.publish("t", 1, 0, false, bytes("5")));
            assertThat(payloads(store, "s")).containsExactly("2", "3", "5");

            assertThat(store.addMessage("big", MqttPackets.publish("t", 1, 0, false, new byte[1000])))
                    .as("over the bytes").isNull();
            assertThat(store.addMessage("big", MqttPackets.publish("t", 1, 0, false, new byte[900]))).isNotNull();
        }
    }

    @Test
    void theLimitsCountWhatTheStoreHeldBeforeARestart() {
        try (MqttStore store = MqttStore.open(storeDir)) {
            store.addMessage("s", MqttPackets.publish("t", 1, 0, false, bytes("1")));
            store.addMessage("s", MqttPackets.publish("t", 1, 0, false, bytes("2")));
        }
        try (MqttStore store = MqttStore.open(storeDir)) {
            for (int i = 0; i < OwedLimits.DEFAULT_MESSAGES - 2; i++) {
                assertThat(store.addMessage("s", MqttPackets.publish("t", 1, 0, false, bytes("n")))).isNotNull();
            }
            assertThat(store.addMessage("s", MqttPackets.publish("t", 1, 0, false, bytes("over")))).isNull();
        }
    }

    @Test
    void retainedMessagesAreEachAccountsOwn() {
        try (MqttStore store = MqttStore.inMemory()) {
            store.retain("A", new StoredMessage("t", 0, bytes("of A")));
            store.retain("AB", new StoredMessage("t", 0, bytes("of AB")));
            store.retain("B", new StoredMessage("t", 0, bytes("of B")));
            store.clearRetained("B", "t");
            List<String> ofA = new ArrayList<>();
            store.retainedMessages("A", message -> ofA.add(new String(message.payload(), StandardCharsets.UTF_8)));
            List<StoredMessage> ofB = new ArrayList<>();
            store.retainedMessages("B", ofB::add);
            assertThat(ofA).containsExactly("of A");
            assertThat(ofB).isEmpty();
        }
    }

    @Test
    void anUnreadableStoreIsKeptAsideAndAnEmptyOneStarts() throws IOException {
        Path file = storeDir.resolve("mqtt").resolve(MqttStore.FILE_NAME);
        Files.createDirectories(file.getParent());
        Files.write(file, bytes("this is no MVStore file at all, only some text in its place".repeat(100)));

        try (MqttStore store = MqttStore.open(storeDir)) {
            assertThat(store.sessions()).isEmpty();
            store.saveSession("fresh", Map.of());
        }

        try (Stream<Path> files = Files.list(file.getParent())) {
            List<Path> aside = files.filter(path -> path.getFileName().toString()
                    .startsWith(MqttStore.FILE_NAME + ".corrupt-")).toList();
            assertThat(aside).singleElement().satisfies(path -> assertThat(Files.readString(path))
                    .startsWith("this is no MVStore file"));
        }
        try (MqttStore store = MqttStore.open(storeDir)) {
            assertThat(store.sessions()).containsOnlyKeys("fresh");
        }
    }

    private static List<String> payloads(MqttStore store, String clientId) {
        List<String> payloads = new ArrayList<>();
        store.messagesOf(clientId, (key, packet) -> {
            // A QoS 1 PUBLISH to "a/b/c" or "t": fixed header, length, topic, packet id, then the payload.
            int topicLength = packet[3] & 0xFF;
            payloads.add(new String(packet, 2 + 2 + topicLength + 2, packet.length - (2 + 2 + topicLength + 2),
                    StandardCharsets.UTF_8));
        });
        return payloads;
    }
}
