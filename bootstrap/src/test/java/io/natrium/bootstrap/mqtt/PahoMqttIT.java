package io.natrium.bootstrap.mqtt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.testkit.jwt.TestJwt;
import io.natrium.testkit.jwt.TestNKey;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;

/** Eclipse Paho against the MQTT listener: pub/sub at QoS 0 and 1 with MQTT and NATS clients, auth, takeover. */
class PahoMqttIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String PLAIN = "mqtt { port: -1 }\n";

    static MqttClient client(ConfiguredServer server, String clientId) throws MqttException {
        return new MqttClient("tcp://127.0.0.1:" + server.mqttPort(), clientId, new MemoryPersistence());
    }

    static MqttConnectOptions options(String user, String password) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        // Paho would otherwise try MQTT 3.1 after any refusal, which nats-server (and Natrium) close unanswered.
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(5);
        options.setKeepAliveInterval(30);
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.toCharArray());
        }
        return options;
    }

    static MqttClient connected(ConfiguredServer server, String clientId) throws MqttException {
        MqttClient client = client(server, clientId);
        client.connect(options(null, null));
        return client;
    }

    /** A message as a subscriber got it. */
    record Received(String topic, String payload, int qos) {
    }

    static BlockingQueue<Received> subscribe(MqttClient client, String filter, int qos, int expectedGrant)
            throws MqttException {
        BlockingQueue<Received> received = new LinkedBlockingQueue<>();
        IMqttToken token = client.subscribeWithResponse(filter, qos, (topic, message) -> received.add(
                new Received(topic, new String(message.getPayload(), StandardCharsets.UTF_8), message.getQos())));
        assertThat(token.getGrantedQos()).containsExactly(expectedGrant);
        return received;
    }

    static Received next(BlockingQueue<Received> queue) throws InterruptedException {
        Received message = queue.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(message).as("a message within " + TIMEOUT).isNotNull();
        return message;
    }

    static Connection nats(ConfiguredServer server) throws Exception {
        return Nats.connect(new Options.Builder().server(server.url()).connectionTimeout(TIMEOUT).build());
    }

    @Test
    void mqttClientsExchangeMessagesAtQos0AndQos1() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(PLAIN)) {
            // Two subscribers: Paho hands a message to every listener whose filter matches, whichever
            // subscription brought it.
            MqttClient subscriber = connected(server, "sub");
            MqttClient other = connected(server, "other");
            MqttClient publisher = connected(server, "pub");
            BlockingQueue<Received> qos1 = subscribe(subscriber, "sensors/+/temp", 1, 1);
            BlockingQueue<Received> qos0 = subscribe(other, "sensors/#", 0, 0);

            publisher.publish("sensors/kitchen/temp", "21.5".getBytes(StandardCharsets.UTF_8), 1, false);
            publisher.publish("sensors/kitchen/temp", "21.6".getBytes(StandardCharsets.UTF_8), 0, false);
            // "sensors/#" also matches its parent level, as MQTT says and nats-server arranges.
            publisher.publish("sensors", "root".getBytes(StandardCharsets.UTF_8), 0, false);

            assertThat(next(qos1)).isEqualTo(new Received("sensors/kitchen/temp", "21.5", 1));
            assertThat(next(qos1)).isEqualTo(new Received("sensors/kitchen/temp", "21.6", 0));
            assertThat(next(qos0)).isEqualTo(new Received("sensors/kitchen/temp", "21.5", 0));
            assertThat(next(qos0)).isEqualTo(new Received("sensors/kitchen/temp", "21.6", 0));
            assertThat(next(qos0)).isEqualTo(new Received("sensors", "root", 0));
            disconnect(subscriber, other, publisher);
        }
    }

    @Test
    void qos2SubscriptionsAreGrantedQos1WithDowngradeQos2Subscribe() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start("mqtt { port: -1, downgrade_qos2_subscribe: true }\n")) {
            MqttClient subscriber = connected(server, "sub");
            BlockingQueue<Received> received = subscribe(subscriber, "a/b", 2, 1);
            MqttClient publisher = connected(server, "pub");
            publisher.publish("a/b", "x".getBytes(StandardCharsets.UTF_8), 1, false);
            assertThat(next(received)).isEqualTo(new Received("a/b", "x", 1));
            disconnect(subscriber, publisher);
        }
    }

    @Test
    void mqttPublishesReachNatsSubscribersWithNatsServersSubjectAndHeader() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(PLAIN); Connection nats = nats(server)) {
            Subscription all = nats.subscribe(">");
            nats.flush(TIMEOUT);
            MqttClient publisher = connected(server, "pub");

            publisher.publish("/home//kitchen/", "on".getBytes(StandardCharsets.UTF_8), 0, false);
            publisher.publish("home/hall", "off".getBytes(StandardCharsets.UTF_8), 1, false);

            Message first = all.nextMessage(TIMEOUT);
            assertThat(first.getSubject()).isEqualTo("/.home./.kitchen./");
            assertThat(first.getHeaders().get("Nmqtt-Pub")).containsExactly("0");
            assertThat(new String(first.getData(), StandardCharsets.UTF_8)).isEqualTo("on");
            Message second = all.nextMessage(TIMEOUT);
            assertThat(second.getSubject()).isEqualTo("home.hall");
            assertThat(second.getHeaders().get("Nmqtt-Pub")).containsExactly("1");
            assertThat(new String(second.getData(), StandardCharsets.UTF_8)).isEqualTo("off");
            disconnect(publisher);
        }
    }

    @Test
    void natsMessagesReachMqttSubscribersAtQos0WithoutTheirHeaders() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(PLAIN); Connection nats = nats(server)) {
            MqttClient subscriber = connected(server, "sub");
            BlockingQueue<Received> received = subscribe(subscriber, "#", 1, 1);

            nats.publish("shop.orders.new", "o-1".getBytes(StandardCharsets.UTF_8));
            nats.publish(io.nats.client.impl.NatsMessage.builder().subject("/.orders./")
                    .headers(new io.nats.client.impl.Headers().add("X-Trace", "1")).data("o-2").build());
            nats.flush(TIMEOUT);

            // A NATS publisher has no QoS: its messages reach even a QoS 1 subscription at QoS 0, as in nats-server.
            assertThat(next(received)).isEqualTo(new Received("shop/orders/new", "o-1", 0));
            assertThat(next(received)).isEqualTo(new Received("/orders/", "o-2", 0));
            disconnect(subscriber);
        }
    }

    @Test
    void anUnsubscribedFilterGetsNothingMore() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(PLAIN); Connection nats = nats(server)) {
            MqttClient subscriber = connected(server, "sub");
            BlockingQueue<Received> gone = subscribe(subscriber, "a/#", 0, 0);
            BlockingQueue<Received> kept = subscribe(subscriber, "b", 0, 0);
            subscriber.unsubscribe("a/#");

            nats.publish("a", "1".getBytes(StandardCharsets.UTF_8));
            nats.publish("a.x", "2".getBytes(StandardCharsets.UTF_8));
            nats.publish("b", "3".getBytes(StandardCharsets.UTF_8));

            // Messages on one connection arrive in order: once "b" is here, the two before it would have been too.
            assertThat(next(kept)).isEqualTo(new Received("b", "3", 0));
            assertThat(gone).isEmpty();
            disconnect(subscriber);
        }
    }

    @Test
    void credentialsAreCheckedAndAWrongPasswordIsRefusedWithNotAuthorized() throws Exception {
        String config = PLAIN + "authorization { users: [ {user: dev, password: secret} ] }\n";
        try (ConfiguredServer server = ConfiguredServer.start(config)) {
            MqttClient wrong = client(server, "wrong");
            assertThatThrownBy(() -> wrong.connect(options("dev", "guess")))
                    .isInstanceOf(MqttSecurityException.class)
                    .extracting(e -> ((MqttException) e).getReasonCode())
                    .isEqualTo((int) MqttException.REASON_CODE_NOT_AUTHORIZED);
            MqttClient none = client(server, "none");
            assertThatThrownBy(() -> none.connect(options(null, null)))
                    .extracting(e -> ((MqttException) e).getReasonCode())
                    .isEqualTo((int) MqttException.REASON_CODE_NOT_AUTHORIZED);
            MqttClient right = client(server, "right");
            right.connect(options("dev", "secret"));
            assertThat(right.isConnected()).isTrue();
            disconnect(right);
        }
    }

    /** In operator mode the password is the user JWT, as in nats-server: a bearer one, since MQTT signs no nonce. */
    @Test
    void inOperatorModeThePasswordIsTheUserJwt() throws Exception {
        TestNKey operator = TestNKey.operator();
        TestNKey account = TestNKey.account();
        String config = PLAIN + "operator: \"" + TestJwt.operator(operator, "ops", Map.of()) + "\"\n"
                + "resolver: MEMORY\n"
                + "resolver_preload: { " + account.publicKey() + ": \"" + TestJwt.account(operator, account, "APP",
                        Map.of("limits", TestJwt.unlimitedAccount())) + "\" }\n";
        Map<String, Object> bearer = new LinkedHashMap<>(TestJwt.unlimitedUser());
        bearer.put("bearer_token", true);
        String bearerJwt = TestJwt.user(account, TestNKey.user(), "device", bearer, 0);
        String signingJwt = TestJwt.user(account, TestNKey.user(), "signer", TestJwt.unlimitedUser(), 0);
        try (ConfiguredServer server = ConfiguredServer.start(config)) {
            MqttClient device = client(server, "device");
            device.connect(options("device", bearerJwt));
            BlockingQueue<Received> received = subscribe(device, "home/+", 1, 1);
            device.publish("home/door", "open".getBytes(StandardCharsets.UTF_8), 1, false);
            assertThat(next(received)).isEqualTo(new Received("home/door", "open", 1));
            disconnect(device);
            MqttClient signer = client(server, "signer");
            assertThatThrownBy(() -> signer.connect(options("signer", signingJwt)))
                    .extracting(e -> ((MqttException) e).getReasonCode())
                    .isEqualTo((int) MqttException.REASON_CODE_NOT_AUTHORIZED);
            MqttClient nobody = client(server, "nobody");
            assertThatThrownBy(() -> nobody.connect(options(null, null)))
                    .extracting(e -> ((MqttException) e).getReasonCode())
                    .isEqualTo((int) MqttException.REASON_CODE_NOT_AUTHORIZED);
        }
    }

    @Test
    void allowedConnectionTypesDecideWhoMayComeByMqtt() throws Exception {
        String config = PLAIN + "authorization { users: [\n"
                + "  {user: device, password: d, allowed_connection_types: [\"MQTT\"]}\n"
                + "  {user: app, password: a, allowed_connection_types: [\"STANDARD\"]}\n] }\n";
        try (ConfiguredServer server = ConfiguredServer.start(config)) {
            MqttClient device = client(server, "device");
            device.connect(options("device", "d"));
            assertThat(device.isConnected()).isTrue();
            MqttClient app = client(server, "app");
            assertThatThrownBy(() -> app.connect(options("app", "a")))
                    .extracting(e -> ((MqttException) e).getReasonCode())
                    .isEqualTo((int) MqttException.REASON_CODE_NOT_AUTHORIZED);
            assertThatThrownBy(() -> Nats.connect(new Options.Builder().server(server.url()).userInfo("device", "d")
                    .connectionTimeout(TIMEOUT).maxReconnects(0).build()))
                    .hasMessageContaining("Authorization Violation");
            disconnect(device);
        }
    }

    @Test
    void theListenersOwnUserAndNoAuthUserApplyToMqttClientsOnly() throws Exception {
        String config = "mqtt { port: -1, no_auth_user: dev }\n"
                + "authorization { users: [ {user: dev, password: secret, permissions: {publish: \"allowed.>\"}} ] }\n";
        try (ConfiguredServer server = ConfiguredServer.start(config); Connection nats = natsAs(server, "dev")) {
            Subscription all = nats.subscribe(">");
            nats.flush(TIMEOUT);
            MqttClient anonymous = connected(server, "anonymous");
            anonymous.publish("denied/x", "no".getBytes(StandardCharsets.UTF_8), 1, false);
            anonymous.publish("allowed/x", "yes".getBytes(StandardCharsets.UTF_8), 1, false);
            Message message = all.nextMessage(TIMEOUT);
            assertThat(message.getSubject()).isEqualTo("allowed.x");
            assertThat(anonymous.isConnected()).isTrue();
            disconnect(anonymous);
        }
    }

    private static Connection natsAs(ConfiguredServer server, String user) throws Exception {
        return Nats.connect(new Options.Builder().server(server.url()).userInfo(user, "secret")
                .connectionTimeout(TIMEOUT).build());
    }

    @Test
    void subscriptionsThePermissionsDenyAreRefusedInSuback() throws Exception {
        String config = PLAIN + "authorization { users: [ {user: dev, password: secret,\n"
                + "  permissions: {subscribe: {deny: \"secret.>\"}}} ] }\n";
        try (ConfiguredServer server = ConfiguredServer.start(config)) {
            MqttClient client = client(server, "dev");
            client.connect(options("dev", "secret"));
            IMqttToken token = client.subscribeWithResponse(new String[] {"secret/plans", "public/news"},
                    new int[] {1, 1});
            assertThat(token.getGrantedQos()).containsExactly(0x80, 1);
            assertThat(client.isConnected()).isTrue();
            disconnect(client);
        }
    }

    @Test
    void aClientWithTheSameIdTakesTheSessionOver() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(PLAIN); Connection nats = nats(server)) {
            MqttClient first = connected(server, "device-1");
            CompletableFuture<Throwable> lost = new CompletableFuture<>();
            first.setCallback(new LostCallback(lost));
            BlockingQueue<Received> firstGets = subscribe(first, "t", 0, 0);

            MqttClient second = connected(server, "device-1");
            BlockingQueue<Received> secondGets = subscribe(second, "t", 0, 0);

            assertThat(lost.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).isNotNull();
            nats.publish("t", "after".getBytes(StandardCharsets.UTF_8));
            assertThat(next(secondGets)).isEqualTo(new Received("t", "after", 0));
            assertThat(firstGets).isEmpty();
            assertThat(second.isConnected()).isTrue();
            disconnect(second);
        }
    }

    @Test
    void anEmptyClientIdWithACleanSessionIsGivenOne() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(PLAIN)) {
            MqttClient client = connected(server, "");
            BlockingQueue<Received> received = subscribe(client, "x", 0, 0);
            client.publish("x", "me".getBytes(StandardCharsets.UTF_8), 0, false);
            assertThat(next(received)).isEqualTo(new Received("x", "me", 0));
            disconnect(client);
        }
    }

    @Test
    void varzDescribesTheListenerAsNatsServerDoes() throws Exception {
        String config = "mqtt { port: -1, ack_wait: \"1m\", max_ack_pending: 7 }\nhttp: \"127.0.0.1:-1\"\n";
        try (ConfiguredServer server = ConfiguredServer.start(config)) {
            int http = server.server().monitorAddress().getPort();
            HttpResponse<String> varz = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + http + "/varz")).timeout(TIMEOUT).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode mqtt = new ObjectMapper().readTree(varz.body()).get("mqtt");
            // What nats-server 2.9.10 shows for the same block (its TLS timeout is its default).
            assertThat(mqtt).isEqualTo(new ObjectMapper().readTree("{\"host\":\"0.0.0.0\",\"port\":"
                    + server.mqttPort() + ",\"tls_timeout\":2,\"ack_wait\":60000000000,\"max_ack_pending\":7}"));
        }
    }

    @Test
    void connzShowsAnMqttClientByItsClientId() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(PLAIN + "http: \"127.0.0.1:-1\"\n")) {
            MqttClient client = connected(server, "sensor-1");
            int http = server.server().monitorAddress().getPort();

            JsonNode found = monitor(http, "/connz?mqtt_client=sensor-1");
            assertThat(found.get("connections")).hasSize(1);
            JsonNode connection = found.get("connections").get(0);
            assertThat(connection.get("mqtt_client").asText()).isEqualTo("sensor-1");
            assertThat(connection.get("type").asText()).isEqualTo("mqtt");
            assertThat(connection.has("name")).as("nats-server shows the id as mqtt_client only").isFalse();
            assertThat(monitor(http, "/connz?mqtt_client=sensor-2").get("connections")).isEmpty();
            disconnect(client);
        }
    }

    static JsonNode monitor(int port, String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).timeout(TIMEOUT).build(),
                HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(response.body());
    }

    static void disconnect(MqttClient... clients) throws MqttException {
        for (MqttClient client : clients) {
            if (client.isConnected()) {
                client.disconnect(TIMEOUT.toMillis());
            }
            client.close();
        }
    }

    /** Completes when Paho reports the connection lost. */
    record LostCallback(CompletableFuture<Throwable> lost) implements MqttCallback {

        @Override
        public void connectionLost(Throwable cause) {
            lost.complete(cause == null ? new IllegalStateException("lost") : cause);
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
        }

        @Override
        public void deliveryComplete(IMqttDeliveryToken token) {
        }
    }
}
