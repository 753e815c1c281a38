package io.natrium.bootstrap.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ServerProcess;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The MQTT store as a process sees it: killed with SIGKILL while clients publish, the server starts again on the same
 * {@code store_dir} with a readable store that holds a consistent past (retained messages, the session and, in order
 * and without gaps, the messages kept for it); an unreadable or missing store is reported in the log.
 */
class MqttStoreCrashIT {

    private static final Duration START = Duration.ofSeconds(60);

    @TempDir
    Path storeDir;

    private record Launched(ServerProcess process, int mqttPort) {
    }

    private Launched launch() throws IOException, InterruptedException {
        int mqttPort = ServerProcess.freePort();
        Path config = Files.createTempFile(storeDir.getParent(), "natrium-mqtt-crash-", ".conf");
        Files.writeString(config, "store_dir: \"" + storeDir + "\"\nmqtt { host: 127.0.0.1, port: " + mqttPort
                + ", max_ack_pending: 65000 }\n", StandardCharsets.UTF_8);
        return new Launched(ServerProcess.start(ServerProcess.natriumLauncher(), List.of("-c", config.toString()),
                START), mqttPort);
    }

    @Test
    void aServerKilledWhileClientsPublishComesBackWithAConsistentStore() throws Exception {
        int acknowledged = 0;
        Launched first = launch();
        try {
            try (RawMqtt device = RawMqtt.connect(first.mqttPort())) {
                assertThat(device.send(RawMqtt.connect("MQTT", 4, 0x00, 60, "crash-dev"))).isEqualTo("20020000");
                assertThat(device.send(RawMqtt.subscribe(1, "c/#", 1))).isEqualTo("9003000101");
                device.send(RawMqtt.DISCONNECT, Duration.ofSeconds(5));
            }
            try (RawMqtt publisher = RawMqtt.connect(first.mqttPort())) {
                assertThat(publisher.send(RawMqtt.connect("crash-pub", 60))).isEqualTo("20020000");
                long killAt = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1500);
                while (System.nanoTime() < killAt) {
                    int number = acknowledged + 1;
                    int packetId = number % 60_000 + 1;
                    // Retained and kept for the session that is away, one write each in the store.
                    publisher.sendWithoutAnswer(RawMqtt.publish(0x03, "c/x", packetId, "n" + number));
                    assertThat(publisher.read(4, Duration.ofSeconds(10)))
                            .isEqualTo(String.format("4002%04x", packetId));
                    acknowledged = number;
                }
                // SIGKILL in the middle of the stream: no shutdown, no final write.
                publisher.sendWithoutAnswer(RawMqtt.publish(0x03, "c/x", 60_001 % 60_000 + 1, "n" + (acknowledged
                        + 1)));
                first.process().process().destroyForcibly();
                assertThat(first.process().process().waitFor(30, TimeUnit.SECONDS)).isTrue();
            }
        } finally {
            first.process().close();
        }
        assertThat(acknowledged).as("messages acknowledged before the kill").isGreaterThan(10);
        int published = acknowledged + 1;

        Launched second = launch();
        try (ServerProcess running = second.process();
                RawMqtt device = RawMqtt.connect(second.mqttPort())) {
            String resumed = device.send(RawMqtt.connect("MQTT", 4, 0x00, 60, "crash-dev"), Duration.ofSeconds(10));
            assertThat(resumed).as("CONNACK with the session present").startsWith("20020100");
            List<Integer> kept = numbers(drain(device, resumed.substring(8)));
            assertThat(kept).as("kept messages").isNotEmpty();
            for (int i = 0; i < kept.size(); i++) {
                assertThat(kept.get(i)).as("message %d of those kept, in order and without gaps", i).isEqualTo(i + 1);
            }
            assertThat(kept.size()).isBetween(1, published);
            try (RawMqtt late = RawMqtt.connect(second.mqttPort())) {
                assertThat(late.send(RawMqtt.connect("late", 60))).isEqualTo("20020000");
                List<Integer> retained = numbers(late.send(RawMqtt.subscribe(1, "c/x", 0)).substring(10));
                assertThat(retained).as("the retained message").singleElement()
                        .satisfies(number -> assertThat(number).isBetween(kept.size(), published));
            }
            assertThat(Files.readString(running.log())).doesNotContain("cannot be read", "is missing");
        }
    }

    @Test
    void anUnreadableStoreIsReportedAndKeptAside() throws Exception {
        Path file = storeDir.resolve("mqtt").resolve("natrium-mqtt.mv.db");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "not a store ".repeat(1000));
        try (ServerProcess server = launch().process()) {
            server.awaitLog("cannot be read", Duration.ofSeconds(30));
            assertThat(Files.readString(server.log())).contains("MQTT store " + file, "starting with an empty store");
        }
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(path -> path.getFileName().toString()))
                    .anyMatch(name -> name.startsWith("natrium-mqtt.mv.db.corrupt-"));
        }
    }

    @Test
    void aMissingStoreIsReported() throws Exception {
        try (ServerProcess server = launch().process()) {
            assertThat(Files.readString(server.log())).doesNotContain("is missing");
        }
        Files.delete(storeDir.resolve("mqtt").resolve("natrium-mqtt.mv.db"));
        try (ServerProcess server = launch().process()) {
            server.awaitLog("is missing", Duration.ofSeconds(30));
        }
    }

    /** A PUBLISH as it came: its packet identifier (0 at QoS 0) and payload. */
    private record Publish(int packetId, String payload) {
    }

    /** Reads what the server sends until it is quiet, acknowledging each QoS 1 PUBLISH as a client would. */
    private static String drain(RawMqtt device, String first) throws IOException {
        StringBuilder all = new StringBuilder(first);
        String more = first;
        while (!more.isEmpty() && !more.endsWith("<closed>")) {
            List<Publish> publishes = publishes(more);
            byte[] acks = new byte[4 * publishes.size()];
            for (int i = 0; i < publishes.size(); i++) {
                int id = publishes.get(i).packetId();
                System.arraycopy(new byte[] {0x40, 2, (byte) (id >> 8), (byte) id}, 0, acks, 4 * i, 4);
            }
            more = device.send(acks, Duration.ofSeconds(2));
            all.append(more);
        }
        return all.toString();
    }

    /** The PUBLISH packets in {@code hex}. */
    private static List<Publish> publishes(String hex) {
        byte[] bytes = HexFormat.of().parseHex(hex.replace("<closed>", ""));
        List<Publish> publishes = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int length = 0;
            int shift = 0;
            int index = at + 1;
            int digit;
            do {
                digit = bytes[index++] & 0xFF;
                length |= (digit & 0x7F) << shift;
                shift += 7;
            } while ((digit & 0x80) != 0);
            if ((bytes[at] & 0xF0) == 0x30) {
                boolean hasId = (bytes[at] & 0x06) != 0;
                int payloadAt = index + 2 + ((bytes[index] & 0xFF) << 8 | bytes[index + 1] & 0xFF);
                int id = hasId ? (bytes[payloadAt] & 0xFF) << 8 | bytes[payloadAt + 1] & 0xFF : 0;
                payloadAt += hasId ? 2 : 0;
                publishes.add(new Publish(id, new String(bytes, payloadAt, index + length - payloadAt,
                        StandardCharsets.UTF_8)));
            }
            at = index + length;
        }
        return publishes;
    }

    /** The numbers of the "n<number>" payloads of the PUBLISH packets in {@code hex}, in order. */
    private static List<Integer> numbers(String hex) {
        return publishes(hex).stream().map(publish -> Integer.parseInt(publish.payload().substring(1))).toList();
    }
}
