package io.natrium.benchmarks.load;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * An MQTT load scenario: one publisher sends {@code messages} PUBLISH packets of {@code payloadSize} bytes at
 * {@code qos} to one topic, which {@code subscribers} clients receive at the same QoS (none: publish only). At QoS 1
 * the publisher keeps up to {@value #WINDOW} packets unacknowledged and the subscribers acknowledge each message.
 * The figure is messages published per second, from the first PUBLISH until the server answered the publisher's
 * PINGREQ sent after the last one (and all PUBACKs came, at QoS 1) and every subscriber has every message. One thread per client, blocking sockets.
 * Each run connects with client ids of its own: a broker may still hold the previous run's client when the next one
 * connects, and nats-server takes that for a flapping client, jailing the id for a second (no CONNACK, then closed).
 */
record MqttScenario(String id, String title, int qos, int subscribers, int payloadSize) {

    /** Unacknowledged QoS 1 packets a publisher keeps out, below every server's default in-flight limit. */
    static final int WINDOW = 16;
    private static final String TOPIC = "load/mqtt";
    private static final byte[] PINGREQ = {(byte) 0xC0, 0};
    private static final AtomicLong RUNS = new AtomicLong();

    static List<MqttScenario> all() {
        return List.of(
                new MqttScenario("mqtt-pub0", "MQTT publish, QoS 0, 16 B", 0, 0, 16),
                new MqttScenario("mqtt-pub1", "MQTT publish, QoS 1, 16 B", 1, 0, 16),
                new MqttScenario("mqtt-fanout0", "MQTT fan-out 1:5, QoS 0, 16 B", 0, 5, 16),
                new MqttScenario("mqtt-fanout1", "MQTT fan-out 1:5, QoS 1, 16 B", 1, 5, 16));
    }

    /** The scenarios with these ids, in the order given. */
    static List<MqttScenario> named(List<String> ids) {
        List<MqttScenario> named = new ArrayList<>();
        for (String id : ids) {
            named.add(all().stream().filter(scenario -> scenario.id().equals(id)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown scenario " + id)));
        }
        return named;
    }

    /**
     * Runs once against the MQTT port {@code port}. The broker's CPU time ({@code cpuNanos}) is read when the clients
     * are connected and subscribed and again when every message arrived, so that setting them up (for nats-server a
     * JetStream session and consumers per client) is not counted per message.
     */
    MqttRound run(int port, long messages, long timeoutSeconds, LongSupplier cpuNanos)
            throws IOException, InterruptedException {
        List<MqttWire> readers = new ArrayList<>();
        String clientIds = id + "-" + RUNS.incrementAndGet();
        try (MqttWire publisher = MqttWire.connect(port, clientIds + "-pub")) {
            for (int i = 0; i < subscribers; i++) {
                MqttWire reader = MqttWire.connect(port, clientIds + "-sub-" + i);
                readers.add(reader);
                reader.subscribe(TOPIC, qos);
            }
            CountDownLatch done = new CountDownLatch(subscribers);
            AtomicReference<Throwable> failure = new AtomicReference<>();
            List<Thread> threads = new ArrayList<>();
            for (MqttWire reader : readers) {
                Thread thread = new Thread(() -> receive(reader, messages, done, failure), id + "-sub");
                thread.setDaemon(true);
                threads.add(thread);
            }
            long cpuBefore = cpuNanos.getAsLong();
            long start = System.nanoTime();
            threads.forEach(Thread::start);
            publish(publisher, messages);
            if (!done.await(timeoutSeconds, TimeUnit.SECONDS)) {
                throw new IOException(title + ": subscribers did not get every message within " + timeoutSeconds
                        + " s" + (failure.get() == null ? "" : ": " + failure.get()));
            }
            if (failure.get() != null) {
                throw new IOException(title + ": " + failure.get(), failure.get());
            }
            double rate = messages / ((System.nanoTime() - start) / 1e9);
            return new MqttRound(rate, (cpuNanos.getAsLong() - cpuBefore) / 1e3 / messages);
        } finally {
            readers.forEach(MqttWire::close);
        }
    }

    private void publish(MqttWire publisher, long messages) throws IOException {
        byte[] packet = MqttWire.publishPacket(TOPIC, qos, payloadSize);
        int idAt = qos > 0 ? MqttWire.packetIdOffset(packet) : -1;
        long sent = 0;
        long acknowledged = 0;
        int packetId = 0;
        while (sent < messages) {
            if (qos > 0) {
                while (sent - acknowledged >= WINDOW) {
                    acknowledged += readAcknowledgements(publisher);
                }
                packetId = packetId == 0xFFFF ? 1 : packetId + 1;
                packet[idAt] = (byte) (packetId >> 8);
                packet[idAt + 1] = (byte) packetId;
            }
            publisher.write(packet);
            sent++;
        }
        // The server answers PINGREQ after what came before it: the run ends once it has taken every PUBLISH.
        publisher.write(PINGREQ);
        publisher.flush();
        boolean pinged = false;
        while (!pinged || qos > 0 && acknowledged < messages) {
            int type = publisher.readPacket();
            if (type == MqttWire.PUBACK) {
                acknowledged++;
            } else if (type == MqttWire.PINGRESP) {
                pinged = true;
            }
        }
    }

    /** Reads at least one packet and whatever else is waiting; returns how many were PUBACKs. */
    private static int readAcknowledgements(MqttWire publisher) throws IOException {
        int acknowledged = 0;
        do {
            if (publisher.readPacket() == MqttWire.PUBACK) {
                acknowledged++;
            }
        } while (publisher.inputWaiting());
        return acknowledged;
    }

    private void receive(MqttWire reader, long messages, CountDownLatch done, AtomicReference<Throwable> failure) {
        try {
            long received = 0;
            while (received < messages) {
                if (reader.readPacket() == MqttWire.PUBLISH) {
                    if (reader.lastQos() > 0) {
                        reader.acknowledgeLast();
                    }
                    received++;
                }
                if (!reader.inputWaiting()) {
                    reader.flush();
                }
            }
            reader.flush();
            done.countDown();
        } catch (IOException | RuntimeException e) {
            failure.compareAndSet(null, e);
            done.countDown();
        }
    }
}
