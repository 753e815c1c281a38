package io.natrium.benchmarks.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;

/**
 * The figures of the MQTT store's choice: the same stream of QoS 1 packets (128 bytes, keyed as {@code MqttStore}
 * keys them, under 100 client ids) put into an H2 MVStore set up as {@code MqttStore} sets it up (16 MiB cache,
 * commit every 100 ms), and appended to a bare log through a buffered {@code FileChannel} with an index on the heap.
 * Run: {@code java -cp benchmarks/target/benchmarks.jar io.natrium.benchmarks.store.MqttStoreFigures}. A
 * first round warms up; the second prints.
 */
public final class MqttStoreFigures {

    private static final int PUTS = 200_000;
    private static final byte[] PACKET = new byte[128];

    private MqttStoreFigures() {
    }

    public static void main(String[] arguments) throws IOException {
        for (int round = 0; round < 2; round++) {
            String mvstore = mvstore();
            String log = appendOnlyLog();
            if (round == 1) {
                System.out.println(mvstore);
                System.out.println(log);
            }
        }
    }

    private static String key(int i) {
        return "client-" + i % 100 + '\0' + String.format("%016x", i);
    }

    private static String mvstore() throws IOException {
        Path file = Files.createTempDirectory("mqtt-store-figures").resolve("natrium-mqtt.mv.db");
        MVStore store = new MVStore.Builder().fileName(file.toString()).cacheSize(16).open();
        store.setAutoCommitDelay(100);
        MVMap<String, byte[]> messages = store.openMap("messages");
        long start = System.nanoTime();
        for (int i = 0; i < PUTS; i++) {
            messages.put(key(i), PACKET);
        }
        long puts = System.nanoTime() - start;
        store.close();
        long size = Files.size(file);
        start = System.nanoTime();
        MVStore reopened = new MVStore.Builder().fileName(file.toString()).cacheSize(16).open();
        int entries = reopened.<String, byte[]>openMap("messages").size();
        long reopen = System.nanoTime() - start;
        reopened.close();
        return String.format("MVStore: %.0f puts/s, file %d KiB, reopened in %d ms with %d entries",
                PUTS / (puts / 1e9), size / 1024, reopen / 1_000_000, entries);
    }

    private static String appendOnlyLog() throws IOException {
        Path file = Files.createTempDirectory("mqtt-store-figures").resolve("messages.log");
        Map<String, byte[]> index = new HashMap<>();
        ByteBuffer buffer = ByteBuffer.allocate(1 << 16);
        long start = System.nanoTime();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            for (int i = 0; i < PUTS; i++) {
                String key = key(i);
                byte[] keyBytes = key.getBytes(StandardCharsets.UTF_8);
                if (buffer.remaining() < 1 + 4 + keyBytes.length + 4 + PACKET.length) {
                    channel.write(buffer.flip());
                    buffer.clear();
                }
                buffer.put((byte) 1).putInt(keyBytes.length).put(keyBytes).putInt(PACKET.length).put(PACKET);
                index.put(key, PACKET);
            }
            channel.write(buffer.flip());
        }
        long puts = System.nanoTime() - start;
        return String.format("append-only log: %.0f puts/s, file %d KiB, %d keys on the heap",
                PUTS / (puts / 1e9), Files.size(file) / 1024, index.size());
    }
}
