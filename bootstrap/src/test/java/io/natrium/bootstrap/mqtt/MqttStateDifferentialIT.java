package io.natrium.bootstrap.mqtt;

import static io.natrium.bootstrap.mqtt.MqttDifferentialIT.assertSameTranscripts;

import io.natrium.testkit.RawClient;

import java.time.Duration;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * MQTT's state with nats-server 2.9.10 (kept in JetStream) and with Natrium (kept in its own store): persistent
 * sessions and CONNACK's session present, messages kept for a session that is away, retained messages, wills. The
 * same bytes back from both.
 */
class MqttStateDifferentialIT {

    private static final Duration QUIET = Duration.ofMillis(700);
    private static final Pattern UNTIL_PONG = Pattern.compile("(?s).*?PONG\r\n");
    /** CONNECT flags: clean session, and a will at QoS 0 without retain. */
    private static final int CLEAN = 0x02;
    private static final int PERSISTENT = 0x00;
    private static final int WILL = 0x04;

    @BeforeAll
    static void findTheReference() {
        MqttDifferentialIT.findNatsServer();
    }

    @Test
    void aPersistentSessionKeepsItsSubscriptionAndWhatWasPublishedWhileItWasAway() throws Exception {
        assertSameTranscripts((mqtt, nats) -> {
            StringBuilder transcript = new StringBuilder();
            try (RawMqtt device = RawMqtt.connect(mqtt)) {
                transcript.append(device.send(RawMqtt.connect("MQTT", 4, PERSISTENT, 30, "dev1"))).append('|');
                transcript.append(device.send(RawMqtt.subscribe(1, "s/t", 1))).append('|');
                transcript.append(device.send(RawMqtt.DISCONNECT, QUIET)).append('|');
            }
            try (RawMqtt publisher = RawMqtt.connect(mqtt)) {
                transcript.append(publisher.send(RawMqtt.connect("pub1", 30))).append('|');
                transcript.append(publisher.send(RawMqtt.publish(0x02, "s/t", 7, "while away"))).append('|');
            }
            try (RawMqtt device = RawMqtt.connect(mqtt)) {
                transcript.append(device.send(RawMqtt.connect("MQTT", 4, PERSISTENT, 30, "dev1"))).append('|');
                transcript.append(device.send(RawMqtt.puback(1), QUIET)).append('|');
                transcript.append(device.send(RawMqtt.DISCONNECT, QUIET)).append('|');
            }
            // A clean session discards the stored one: no session present, then or after.
            try (RawMqtt device = RawMqtt.connect(mqtt)) {
                transcript.append(device.send(RawMqtt.connect("MQTT", 4, CLEAN, 30, "dev1"))).append('|');
                transcript.append(device.send(RawMqtt.DISCONNECT, QUIET)).append('|');
            }
            try (RawMqtt device = RawMqtt.connect(mqtt)) {
                transcript.append(device.send(RawMqtt.connect("MQTT", 4, PERSISTENT, 30, "dev1")));
            }
            return transcript.toString();
        }, "20020000|9003000101|<closed>|20020000|40020007|"
                + "20020100" + "3211" + "0003732f74" + "0001" + "7768696c652061776179" + "||<closed>|"
                + "20020000|<closed>|20020000");
    }

    @Test
    void retainedMessagesAreSetReplacedClearedAndGivenToNewSubscriptions() throws Exception {
        assertSameTranscripts((mqtt, nats) -> {
            StringBuilder transcript = new StringBuilder();
            try (RawMqtt publisher = RawMqtt.connect(mqtt); RawMqtt subscriber = RawMqtt.connect(mqtt)) {
                transcript.append(publisher.send(RawMqtt.connect("pub2", 30))).append('|');
                transcript.append(publisher.send(RawMqtt.publish(0x03, "r/a", 1, "v1"))).append('|');
                transcript.append(publisher.send(RawMqtt.publish(0x03, "r/a", 2, "v2"))).append('|');
                transcript.append(publisher.send(RawMqtt.publish(0x03, "r/b", 3, "gone"))).append('|');
                transcript.append(publisher.send(RawMqtt.publish(0x03, "r/b", 4, ""))).append('|');
                transcript.append(subscriber.send(RawMqtt.connect("sub2", 30))).append('|');
                // The retained message comes after SUBACK, with the retain flag, at the lower of the two QoS.
                transcript.append(subscriber.send(RawMqtt.subscribe(5, "r/#", 0))).append('|');
                // Published with retain to a subscription that exists: delivered as any message.
                transcript.append(publisher.send(RawMqtt.publish(0x01, "r/a", 0, "v3"), QUIET)).append('|');
                transcript.append(subscriber.answer(QUIET));
            }
            return transcript.toString();
        }, "20020000|40020001|40020002|40020003|40020004|20020000|"
                + "900300050031070003722f61" + "7632|"
                + "|3007" + "0003722f61" + "7633");
    }

    @Test
    void natsSubscribersSeeRetainedPublishesAndWillsWithTheSameHeaders() throws Exception {
        assertSameTranscripts((mqtt, nats) -> {
            try (RawClient natsClient = RawClient.connectAndReadInfo("127.0.0.1", nats);
                    RawMqtt client = RawMqtt.connect(mqtt)) {
                natsClient.send("CONNECT {\"verbose\":false,\"headers\":true}\r\nSUB r.> 1\r\nPING\r\n");
                StringBuilder transcript = new StringBuilder(natsClient.expectPattern(UNTIL_PONG).group());
                transcript.append('|').append(client.send(RawMqtt.connect("MQTT", 4, CLEAN | WILL | 0x20, 30, "h1",
                        "r/will", "bye"))).append('|');
                transcript.append(client.send(RawMqtt.publish(0x03, "r/kept", 1, "v"))).append('|');
                client.close();
                transcript.append(natsClient.expectPattern(Pattern.compile("(?s).*?bye\r\n")).group());
                return transcript.toString();
            }
        }, "PONG\r\n|20020000|40020001|"
                + "HMSG r.kept 1 25 26\r\nNATS/1.0\r\nNmqtt-Pub:1\r\n\r\nv\r\n"
                + "HMSG r.will 1 25 28\r\nNATS/1.0\r\nNmqtt-Pub:0\r\n\r\nbye\r\n");
    }

    @Test
    void aWillIsPublishedWhenTheConnectionIsLostButNotAfterDisconnect() throws Exception {
        assertSameTranscripts((mqtt, nats) -> {
            StringBuilder transcript = new StringBuilder();
            try (RawMqtt subscriber = RawMqtt.connect(mqtt)) {
                transcript.append(subscriber.send(RawMqtt.connect("sub3", 30))).append('|');
                transcript.append(subscriber.send(RawMqtt.subscribe(1, "w/+", 0))).append('|');
                try (RawMqtt polite = RawMqtt.connect(mqtt)) {
                    transcript.append(polite.send(RawMqtt.connect("MQTT", 4, CLEAN | WILL, 30, "w1", "w/1", "bye")))
                            .append('|');
                    transcript.append(polite.send(RawMqtt.DISCONNECT, QUIET)).append('|');
                }
                transcript.append(subscriber.answer(QUIET)).append('|');
                RawMqtt lost = RawMqtt.connect(mqtt);
                transcript.append(lost.send(RawMqtt.connect("MQTT", 4, CLEAN | WILL, 30, "w2", "w/2", "lost")))
                        .append('|');
                lost.close();
                transcript.append(subscriber.answer(Duration.ofSeconds(5)));
            }
            return transcript.toString();
        }, "20020000|9003000100|20020000|<closed>||20020000|" + "3009" + "0003772f32" + "6c6f7374");
    }

    @Test
    void aClientTakenOverLosesItsWill() throws Exception {
        assertSameTranscripts((mqtt, nats) -> {
            StringBuilder transcript = new StringBuilder();
            try (RawMqtt subscriber = RawMqtt.connect(mqtt); RawMqtt first = RawMqtt.connect(mqtt);
                    RawMqtt second = RawMqtt.connect(mqtt)) {
                transcript.append(subscriber.send(RawMqtt.connect("sub4", 30))).append('|');
                transcript.append(subscriber.send(RawMqtt.subscribe(1, "w/+", 0))).append('|');
                transcript.append(first.send(RawMqtt.connect("MQTT", 4, CLEAN | WILL, 30, "w3", "w/3", "gone")))
                        .append('|');
                transcript.append(second.send(RawMqtt.connect("w3", 30))).append('|');
                transcript.append(first.answer(Duration.ofSeconds(5))).append('|');
                // Only what the new client publishes reaches the subscriber: the replaced client's will was dropped.
                second.sendWithoutAnswer(RawMqtt.publish(0, "w/m", 0, "after"));
                transcript.append(subscriber.answer(Duration.ofSeconds(5)));
            }
            return transcript.toString();
        }, "20020000|9003000100|20020000|20020000|<closed>|" + "300a" + "0003772f6d" + "6166746572");
    }
}
