package io.natrium.bootstrap.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.testkit.RawClient;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients other than a NATS client's CONNECT through the auth callout, as nats-server's current source decides
 * them: MQTT clients (Paho) granted, with the granted account and permissions, or refused with CONNACK 5, the
 * request naming them as nats-server's {@code fillClientInfo} does ({@code type: mqtt}, the client id as
 * {@code mqtt_id}); and a client that sends no CONNECT, decided as the {@code no_auth_user} (nats-server's PING-first
 * path). The callout service is a jnats client ({@link CalloutResponder}); nats-server 2.9.10 has no auth callout.
 */
class CalloutClientKindsIT {

    private static final Duration WAIT = Duration.ofSeconds(15);
    /** The server's first keep-alive PING may come before the PONG. */
    private static final Pattern PONG = Pattern.compile("\\A(?:PING\r\n)?PONG\r\n");

    private static ConfiguredServer server;
    private static CalloutResponder service;

    @BeforeAll
    static void start() throws Exception {
        server = ConfiguredServer.start("""
                accounts {
                  AUTH { users: [ { user: auth, password: pwd } ] }
                  APP {}
                }
                no_auth_user: guest
                authorization {
                  timeout: 4
                  users: [ { user: guest, password: guestpw } ]
                  auth_callout { issuer: %s, account: AUTH, auth_users: [ auth ] }
                }
                mqtt { port: -1 }
                """.formatted(CalloutResponder.ISSUER.publicKey()));
        service = new CalloutResponder(SecureClients.connect(SecureClients.user(server, "auth", "pwd")), null,
                CalloutClientKindsIT::answer);
    }

    @AfterAll
    static void stop() throws Exception {
        if (service != null) {
            service.close();
        }
        if (server != null) {
            server.close();
        }
    }

    /** Grants alice and the no_auth_user (alice's permissions in APP), refuses anyone else with an error. */
    private static CalloutResponder.Answer answer(CalloutResponder.Request request) {
        String user = (String) request.nats("client_info").getOrDefault("user", "");
        if (user.equals("alice") || user.equals("guest")) {
            return CalloutResponder.Answer.of(CalloutResponder.grant(CalloutResponder.ISSUER, request.userNkey(),
                    request.serverId(), request.userNkey(), 0));
        }
        return CalloutResponder.Answer.of(CalloutResponder.signed(CalloutResponder.ISSUER, request.userNkey(),
                request.serverId(), Map.of("error", user + " is not welcome"), 0));
    }

    @Test
    void anMqttClientIsGrantedTheAccountAndPermissionsTheCalloutGives() throws Exception {
        service.forgetRequests();
        MqttClient alice = mqtt("device-7");
        try {
            alice.connect(options("alice", "secret"));
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            alice.subscribe("allowed/+", 0, (topic, message) -> received.add(topic + " "
                    + new String(message.getPayload(), UTF_8)));
            alice.publish("allowed/one", "hello".getBytes(UTF_8), 0, false);
            assertThat(received.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo("allowed/one hello");

            CalloutResponder.Request request = service.nextRequest();
            assertThat(request.nats("client_info")).containsEntry("type", "mqtt")
                    .containsEntry("mqtt_id", "device-7").containsEntry("user", "alice")
                    .containsEntry("kind", "Client").doesNotContainKey("name");
            assertThat(request.nats("connect_opts")).containsEntry("user", "alice")
                    .containsEntry("pass", "secret").doesNotContainKey("jwt");
        } finally {
            if (alice.isConnected()) {
                alice.disconnect();
            }
            alice.close();
        }
    }

    @Test
    void anMqttClientTheCalloutRefusesGetsConnackNotAuthorized() throws Exception {
        MqttClient bob = mqtt("device-8");
        try {
            assertThatThrownBy(() -> bob.connect(options("bob", "guess")))
                    .isInstanceOfSatisfying(MqttSecurityException.class, refused -> assertThat(
                            refused.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
        } finally {
            bob.close();
        }
    }

    @Test
    void aClientThatSendsNoConnectIsDecidedByTheCalloutAsTheNoAuthUser() throws Exception {
        service.forgetRequests();
        try (RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
            client.send("PING\r\n");
            client.expectPattern(PONG);
            client.send("SUB allowed.raw 1\r\nPUB allowed.raw 2\r\nhi\r\nPING\r\n");
            assertThat(client.drainThrough(Pattern.compile("PONG\r\n"), WAIT))
                    .contains("MSG allowed.raw 1 2\r\nhi\r\n");
        }
        assertThat(service.nextRequest().nats("client_info")).containsEntry("user", "guest")
                .containsEntry("type", "nats");
    }

    private static MqttClient mqtt(String clientId) throws MqttException {
        return new MqttClient("tcp://127.0.0.1:" + server.mqttPort(), clientId, new MemoryPersistence());
    }

    private static MqttConnectOptions options(String user, String password) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        // Paho would otherwise try MQTT 3.1 after a refusal, which the server closes unanswered.
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setAutomaticReconnect(false);
        options.setConnectionTimeout(10);
        options.setUserName(user);
        options.setPassword(password.toCharArray());
        return options;
    }
}
