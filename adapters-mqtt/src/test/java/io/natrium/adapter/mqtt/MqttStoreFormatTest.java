package io.natrium.adapter.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores written before sessions were kept per account (bare client ids and topics as keys, written here with the
 * MVStore maps as that version laid them out) are moved to {@code $G} when opened, a move cut short is finished, and
 * a store already per account is left as it is.
 */
class MqttStoreFormatTest {

    private static final char SEPARATOR = '\u0000';

    @TempDir
    Path storeDir;

    @Test
    void aStoreWrittenBeforeAccountsHasItsSessionsMessagesAndRetainedMessagesMovedToTheGlobalAccount() throws Exception {
        writeLegacyStore(false);
        try (MqttStore store = MqttStore.open(storeDir)) {
            assertMovedToGlobalAccount(store);
            // New messages come after the ones moved.
            store.addMessage("2:$Gdev-1", MqttPackets.publish("a/b", 1, 0, false, bytes("three")));
            assertThat(payloads(store, "2:$Gdev-1")).containsExactly("one", "two", "three");
        }
        try (MqttStore store = MqttStore.open(storeDir)) {
            assertThat(store.sessions()).as("moved once").containsOnlyKeys("2:$Gdev-1", "2:$Gdev-2");
            assertThat(payloads(store, "2:$Gdev-1")).containsExactly("one", "two", "three");
        }
    }

    @Test
    void aMoveCutShortIsFinishedAtTheNextOpen() throws Exception {
        writeLegacyStore(true);
        try (MqttStore store = MqttStore.open(storeDir)) {
            assertMovedToGlobalAccount(store);
        }
    }

    @Test
    void aStoreWithPerAccountKeysButNoFormatRecordIsLeftAsItIs() throws Exception {
        try (MqttStore store = MqttStore.open(storeDir)) {
            store.saveSession("2:$Gdev-1", Map.of("a/+", 1));
            store.addMessage("2:$Gdev-1", MqttPackets.publish("a/b", 1, 0, false, bytes("one")));
            store.retain("$G", new StoredMessage("t/1", 1, bytes("kept")));
        }
        // As the version before the format record left it.
        MVStore raw = new MVStore.Builder().fileName(file().toString()).open();
        raw.removeMap(raw.openMap(MqttStoreFormat.FORMAT_MAP));
        raw.close();
        try (MqttStore store = MqttStore.open(storeDir)) {
            assertThat(store.sessions()).containsOnlyKeys("2:$Gdev-1");
            assertThat(payloads(store, "2:$Gdev-1")).containsExactly("one");
            assertThat(retained(store, "$G")).containsExactly("t/1=kept");
        }
    }

    private static void assertMovedToGlobalAccount(MqttStore store) {
        assertThat(store.sessions()).containsOnlyKeys("2:$Gdev-1", "2:$Gdev-2");
        assertThat(store.sessions().get("2:$Gdev-1")).containsExactly(Map.entry("a/+", 1));
        assertThat(store.sessions().get("2:$Gdev-2")).containsExactly(Map.entry("x/#", 0));
        assertThat(payloads(store, "2:$Gdev-1")).containsExactly("one", "two");
        assertThat(retained(store, "$G")).containsExactly("t/1=kept", "t/2=also");
    }

    /**
     * The layout of the version before accounts: maps {@code sessions}, {@code messages} and {@code retained} keyed
     * by bare client id and topic, nothing else. {@code cutShort}: as a move interrupted after its first session.
     */
    private void writeLegacyStore(boolean cutShort) throws Exception {
        Files.createDirectories(file().getParent());
        MVStore raw = new MVStore.Builder().fileName(file().toString()).open();
        MVMap<String, byte[]> sessions = raw.openMap("sessions");
        sessions.put(cutShort ? "2:$Gdev-1" : "dev-1", bytes("13:a/+"));
        sessions.put("dev-2", bytes("03:x/#"));
        MVMap<String, byte[]> messages = raw.openMap("messages");
        messages.put("dev-1" + SEPARATOR + "0000000000000001", MqttPackets.publish("a/b", 1, 0, false, bytes("one")));
        messages.put("dev-1" + SEPARATOR + "0000000000000002", MqttPackets.publish("a/b", 1, 0, false, bytes("two")));
        MVMap<String, byte[]> retained = raw.openMap("retained");
        retained.put("t/1", new StoredMessage("t/1", 1, bytes("kept")).encode());
        retained.put("t/2", new StoredMessage("t/2", 0, bytes("also")).encode());
        if (cutShort) {
            raw.openMap(MqttStoreFormat.FORMAT_MAP).put("keys", new byte[] {1});
        }
        raw.close();
    }

    private Path file() {
        return storeDir.resolve("mqtt").resolve(MqttStore.FILE_NAME);
    }

    private static List<String> payloads(MqttStore store, String sessionKey) {
        List<String> payloads = new ArrayList<>();
        store.messagesOf(sessionKey, (key, packet) -> payloads.add(new String(MqttPackets.message(packet).payload(),
                StandardCharsets.UTF_8)));
        return payloads;
    }

    private static List<String> retained(MqttStore store, String account) {
        List<String> all = new ArrayList<>();
        store.retainedMessages(account, message -> all.add(message.topic() + "="
                + new String(message.payload(), StandardCharsets.UTF_8)));
        return all;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
