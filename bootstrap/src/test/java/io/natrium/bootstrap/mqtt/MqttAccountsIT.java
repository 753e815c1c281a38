package io.natrium.bootstrap.mqtt;

import static io.natrium.bootstrap.mqtt.PahoMqttIT.client;
import static io.natrium.bootstrap.mqtt.PahoMqttIT.disconnect;
import static io.natrium.bootstrap.mqtt.PahoMqttIT.next;
import static io.natrium.bootstrap.mqtt.PahoMqttIT.options;
import static io.natrium.bootstrap.mqtt.PahoMqttIT.subscribe;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.bootstrap.mqtt.PahoMqttIT.Received;
import io.natrium.bootstrap.mqtt.PahoMqttStateIT.Got;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * MQTT sessions are kept per account, as nats-server keeps them (each account has its own MQTT streams there): the
 * same client id in two accounts is two sessions, connected at once; a takeover happens only within an account; and
 * retained and kept messages stay within theirs.
 */
class MqttAccountsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @TempDir
    Path storeDir;

    private String config() {
        return "store_dir: \"" + storeDir + "\"\n"
                + "accounts {\n"
                + "  A { users [ { user: a, password: a }, { user: a2, password: a2 } ] }\n"
                + "  B { users [ { user: b, password: b } ] }\n"
                + "}\n"
                + "mqtt { port: -1 }\n";
    }

    private static MqttConnectOptions as(String user, boolean cleanSession) {
        MqttConnectOptions options = options(user, user);
        options.setCleanSession(cleanSession);
        return options;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSameClientIdInTwoAccountsIsTwoSessionsConnectedAtOnce() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(config())) {
            MqttClient inA = client(server, "device");
            CompletableFuture<Throwable> lostA = watchLoss(inA);
            assertThat(inA.connectWithResult(as("a", false)).getSessionPresent()).isFalse();
            inA.subscribe("cmd", 1);

            MqttClient inB = client(server, "device");
            CompletableFuture<Throwable> lostB = watchLoss(inB);
            assertThat(inB.connectWithResult(as("b", false)).getSessionPresent())
                    .as("A's session is not B's").isFalse();

            // Both still connected: a QoS 1 round trip on each.
            inA.publish("ping/a", bytes("x"), 1, false);
            inB.publish("ping/b", bytes("x"), 1, false);
            assertThat(lostA).isNotDone();
            assertThat(lostB).isNotDone();

            // Within A, the same id takes the session over (with the subscription made above).
            MqttClient againInA = client(server, "device");
            assertThat(againInA.connectWithResult(as("a2", false)).getSessionPresent()).isTrue();
            assertThat(lostA.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as("taken over").isNotNull();
            inB.publish("ping/b", bytes("y"), 1, false);
            assertThat(lostB).isNotDone();
            disconnect(againInA, inB, inA);
        }
    }

    @Test
    void retainedMessagesAndMessagesKeptForAwaySessionsStayInTheirAccount() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(config())) {
            MqttClient awayInB = client(server, "away");
            awayInB.connect(as("b", false));
            awayInB.subscribe("news", 1);
            awayInB.disconnect();

            MqttClient publisherInA = client(server, "publisher");
            publisherInA.connect(as("a", true));
            publisherInA.publish("status", bytes("A's"), 1, true);
            publisherInA.publish("news", bytes("for A"), 1, false);

            MqttClient readerInB = client(server, "reader");
            readerInB.connect(as("b", true));
            BlockingQueue<Received> inB = subscribe(readerInB, "status", 1, 1);
            MqttClient readerInA = client(server, "reader");
            readerInA.connect(as("a", true));
            assertThat(next(subscribe(readerInA, "status", 1, 1))).isEqualTo(new Received("status", "A's", 1));

            MqttClient publisherInB = client(server, "publisher");
            publisherInB.connect(as("b", true));
            publisherInB.publish("news", bytes("for B"), 1, false);
            publisherInB.publish("status", bytes("B's"), 1, true);
            assertThat(next(inB)).as("B's own message, not A's retained one")
                    .isEqualTo(new Received("status", "B's", 1));

            BlockingQueue<Got> kept = new LinkedBlockingQueue<>();
            awayInB.setCallback(new PahoMqttStateIT.Collector(kept));
            assertThat(awayInB.connectWithResult(as("b", false)).getSessionPresent()).isTrue();
            assertThat(kept.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(new Got("news", "for B", 1,
                    false));
            // A round trip: anything else kept would have come before its answer.
            awayInB.publish("ping", bytes("x"), 1, false);
            assertThat(kept).as("nothing of A's").isEmpty();
            disconnect(awayInB, publisherInA, readerInB, readerInA, publisherInB);
        }
    }

    private static CompletableFuture<Throwable> watchLoss(MqttClient client) {
        CompletableFuture<Throwable> lost = new CompletableFuture<>();
        client.setCallback(new PahoMqttIT.LostCallback(lost));
        return lost;
    }
}
