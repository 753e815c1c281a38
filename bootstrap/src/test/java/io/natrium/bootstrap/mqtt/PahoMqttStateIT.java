package io.natrium.bootstrap.mqtt;

import static io.natrium.bootstrap.mqtt.PahoMqttIT.client;
import static io.natrium.bootstrap.mqtt.PahoMqttIT.connected;
import static io.natrium.bootstrap.mqtt.PahoMqttIT.options;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MQTT state without JetStream, with Eclipse Paho and raw packets: persistent sessions across reconnections,
 * takeovers and server restarts (kept under {@code store_dir}), retained messages, wills, {@code max_ack_pending}
 * for what a session is owed.
 */
class PahoMqttStateIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path storeDir;

    private String config(String mqttKeys) {
        return "store_dir: \"" + storeDir + "\"\nmqtt { port: -1" + mqttKeys + " }\n";
    }

    /** A message as Paho handed it over, with its retain and duplicate flags. */
    record Got(String topic, String payload, int qos, boolean retained) {
    }

    private static BlockingQueue<Got> subscribe(MqttClient client, String filter, int qos) throws MqttException {
        BlockingQueue<Got> got = new LinkedBlockingQueue<>();
        IMqttToken token = client.subscribeWithResponse(filter, qos, (topic, message) -> got.add(new Got(topic,
                new String(message.getPayload(), StandardCharsets.UTF_8), message.getQos(), message.isRetained())));
        assertThat(token.getGrantedQos()).containsExactly(qos);
        return got;
    }

    private static Got nextGot(BlockingQueue<Got> queue) throws InterruptedException {
        Got message = queue.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(message).as("a message within " + TIMEOUT).isNotNull();
        return message;
    }

    private static MqttConnectOptions persistent() {
        MqttConnectOptions options = options(null, null);
        options.setCleanSession(false);
        return options;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aPersistentSessionGetsWhatWasPublishedWhileItWasAwayAcrossARestart() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(config(""))) {
            MqttClient device = client(server, "device-1");
            assertThat(device.connectWithResult(persistent()).getSessionPresent()).isFalse();
            device.subscribe("cmd/#", 1);
            disconnect(device);
            MqttClient publisher = connected(server, "publisher");
            publisher.publish("cmd/reboot", bytes("before the restart"), 1, false);
            disconnect(publisher);
        }
        try (ConfiguredServer server = ConfiguredServer.start(config(""))) {
            MqttClient publisher = connected(server, "publisher");
            publisher.publish("cmd/update", bytes("after the restart"), 1, false);
            // QoS 0 is not kept for a session that is away, as in nats-server.
            publisher.publish("cmd/update", bytes("at QoS 0"), 0, false);

            MqttClient device = client(server, "device-1");
            BlockingQueue<Got> got = new LinkedBlockingQueue<>();
            device.setCallback(new Collector(got));
            assertThat(device.connectWithResult(persistent()).getSessionPresent()).isTrue();
            assertThat(nextGot(got)).isEqualTo(new Got("cmd/reboot", "before the restart", 1, false));
            assertThat(nextGot(got)).isEqualTo(new Got("cmd/update", "after the restart", 1, false));
            // The restored subscription carries on.
            publisher.publish("cmd/x", bytes("live"), 1, false);
            assertThat(nextGot(got)).isEqualTo(new Got("cmd/x", "live", 1, false));
            assertThat(got).isEmpty();
            disconnect(device, publisher);
        }
    }

    @Test
    void aCleanSessionDiscardsTheStoredOne() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(config(""))) {
            MqttClient device = client(server, "device-2");
            device.connect(persistent());
            device.subscribe("a", 1);
            device.disconnect();
            assertThat(device.connectWithResult(options(null, null)).getSessionPresent()).isFalse();
            device.disconnect();
            assertThat(device.connectWithResult(persistent()).getSessionPresent()).isFalse();
            device.disconnect();
            device.close();
        }
    }

    @Test
    void anUnacknowledgedMessageComesAgainAsADuplicateAfterAReconnectionAndARestart() throws Exception {
        String config = config(", ack_wait: \"1m\"");
        try (ConfiguredServer server = ConfiguredServer.start(config)) {
            try (RawMqtt device = RawMqtt.connect(server.mqttPort());
                    RawMqtt publisher = RawMqtt.connect(server.mqttPort())) {
                assertThat(device.send(RawMqtt.connect("MQTT", 4, 0x00, 60, "raw-1"))).isEqualTo("20020000");
                assertThat(device.send(RawMqtt.subscribe(1, "r", 1))).isEqualTo("9003000101");
                assertThat(publisher.send(RawMqtt.connect("p", 60))).isEqualTo("20020000");
                assertThat(publisher.send(RawMqtt.publish(0x02, "r", 5, "m"))).isEqualTo("40020005");
                assertThat(device.answer(TIMEOUT)).isEqualTo(publishOnR(false, 1, "m"));
            }
            // Lost without a PUBACK: the next connection gets it again, marked as a duplicate.
            try (RawMqtt device = RawMqtt.connect(server.mqttPort())) {
                assertThat(device.send(RawMqtt.connect("MQTT", 4, 0x00, 60, "raw-1")))
                        .isEqualTo("20020100" + publishOnR(true, 1, "m"));
            }
        }
        try (ConfiguredServer server = ConfiguredServer.start(config);
                RawMqtt device = RawMqtt.connect(server.mqttPort())) {
            assertThat(device.send(RawMqtt.connect("MQTT", 4, 0x00, 60, "raw-1")))
                    .isEqualTo("20020100" + publishOnR(true, 1, "m"));
            assertThat(device.send(RawMqtt.puback(1), Duration.ofMillis(300))).isEmpty();
            assertThat(device.send(RawMqtt.DISCONNECT, TIMEOUT)).isEqualTo("<closed>");
            try (RawMqtt again = RawMqtt.connect(server.mqttPort())) {
                assertThat(again.send(RawMqtt.connect("MQTT", 4, 0x00, 60, "raw-1"))).isEqualTo("20020100");
            }
        }
    }

    @Test
    void whatASessionIsOwedGoesOutNoFasterThanMaxAckPending() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(config(", max_ack_pending: 2"))) {
            try (RawMqtt device = RawMqtt.connect(server.mqttPort())) {
                assertThat(device.send(RawMqtt.connect("MQTT", 4, 0x00, 60, "raw-2"))).isEqualTo("20020000");
                assertThat(device.send(RawMqtt.subscribe(1, "r", 1))).isEqualTo("9003000101");
                device.send(RawMqtt.DISCONNECT, TIMEOUT);
            }
            try (RawMqtt publisher = RawMqtt.connect(server.mqttPort())) {
                publisher.send(RawMqtt.connect("p", 60));
                for (int i = 1; i <= 4; i++) {
                    assertThat(publisher.send(RawMqtt.publish(0x02, "r", i, "m" + i)))
                            .isEqualTo(String.format("4002%04x", i));
                }
            }
            try (RawMqtt device = RawMqtt.connect(server.mqttPort())) {
                assertThat(device.send(RawMqtt.connect("MQTT", 4, 0x00, 60, "raw-2")))
                        .isEqualTo("20020100" + publishOnR(false, 1, "m1") + publishOnR(false, 2, "m2"));
                assertThat(device.send(RawMqtt.puback(1))).isEqualTo(publishOnR(false, 3, "m3"));
                assertThat(device.send(RawMqtt.puback(2))).isEqualTo(publishOnR(false, 4, "m4"));
                device.send(RawMqtt.puback(3), Duration.ofMillis(200));
                assertThat(device.send(RawMqtt.puback(4), Duration.ofMillis(500))).isEmpty();
            }
        }
    }

    @Test
    void aTakeoverHandsThePersistentSessionToTheNewConnection() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(config(""))) {
            MqttClient first = client(server, "device-3");
            first.connect(persistent());
            first.subscribe("t", 1);
            MqttClient second = client(server, "device-3");
            BlockingQueue<Got> got = new LinkedBlockingQueue<>();
            second.setCallback(new Collector(got));
            assertThat(second.connectWithResult(persistent()).getSessionPresent()).isTrue();
            MqttClient publisher = connected(server, "publisher");
            publisher.publish("t", bytes("to the new one"), 1, false);
            assertThat(nextGot(got)).isEqualTo(new Got("t", "to the new one", 1, false));
            disconnect(second, publisher, first);
        }
    }

    @Test
    void retainedMessagesAreKeptAcrossARestartAndClearedByAnEmptyOne() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(config(""))) {
            MqttClient publisher = connected(server, "publisher");
            publisher.publish("status/a", bytes("first"), 1, true);
            publisher.publish("status/a", bytes("online"), 1, true);
            publisher.publish("status/b", bytes("short-lived"), 0, true);
            publisher.publish("status/b", new byte[0], 0, true);
            disconnect(publisher);
        }
        try (ConfiguredServer server = ConfiguredServer.start(config(""))) {
            MqttClient subscriber = connected(server, "subscriber");
            BlockingQueue<Got> got = subscribe(subscriber, "status/+", 1);
            assertThat(nextGot(got)).isEqualTo(new Got("status/a", "online", 1, true));
            MqttClient publisher = connected(server, "publisher");
            publisher.publish("status/a", bytes("live"), 0, true);
            assertThat(nextGot(got)).isEqualTo(new Got("status/a", "live", 0, false));
            assertThat(got).isEmpty();
            disconnect(subscriber, publisher);
        }
    }

    @Test
    void aLostClientsWillIsPublishedAndRetained() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(config(""))) {
            MqttClient watcher = connected(server, "watcher");
            BlockingQueue<Got> got = subscribe(watcher, "last/+", 1);
            try (RawMqtt device = RawMqtt.connect(server.mqttPort())) {
                // Will flag, will QoS 1, will retain, clean session.
                assertThat(device.send(RawMqtt.connect("MQTT", 4, 0x02 | 0x04 | 0x08 | 0x20, 60, "dev",
                        "last/dev", "gone"))).isEqualTo("20020000");
            }
            assertThat(nextGot(got)).isEqualTo(new Got("last/dev", "gone", 1, false));
            MqttClient late = connected(server, "late");
            assertThat(nextGot(subscribe(late, "last/dev", 1))).isEqualTo(new Got("last/dev", "gone", 1, true));
            disconnect(watcher, late);
        }
        assertThat(Files.exists(storeDir.resolve("mqtt").resolve("natrium-mqtt.mv.db"))).isTrue();
    }

    private static void disconnect(MqttClient... clients) throws MqttException {
        for (MqttClient client : clients) {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close(true);
        }
    }

    /** PUBLISH QoS 1 (with DUP when {@code duplicate}) of {@code payload} on topic "r". */
    private static String publishOnR(boolean duplicate, int packetId, String payload) {
        return (duplicate ? "3a" : "32") + String.format("%02x", 2 + 1 + 2 + payload.length()) + "0001"
                + HexFormat.of().formatHex(bytes("r")) + String.format("%04x", packetId)
                + HexFormat.of().formatHex(bytes(payload));
    }

    /** Collects what arrives from the moment the client connects (a resumed session's messages come at once). */
    record Collector(BlockingQueue<Got> got) implements MqttCallback {

        @Override
        public void connectionLost(Throwable cause) {
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            got.add(new Got(topic, new String(message.getPayload(), StandardCharsets.UTF_8), message.getQos(),
                    message.isRetained()));
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}
