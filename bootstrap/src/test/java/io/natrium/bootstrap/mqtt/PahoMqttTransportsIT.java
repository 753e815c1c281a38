package io.natrium.bootstrap.mqtt;

import static io.natrium.bootstrap.mqtt.PahoMqttIT.disconnect;
import static io.natrium.bootstrap.mqtt.PahoMqttIT.monitor;
import static io.natrium.bootstrap.mqtt.PahoMqttIT.next;
import static io.natrium.bootstrap.mqtt.PahoMqttIT.options;
import static io.natrium.bootstrap.mqtt.PahoMqttIT.subscribe;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.bootstrap.mqtt.PahoMqttIT.Received;
import io.natrium.testkit.tls.CertificateSpec;
import io.natrium.testkit.tls.TlsFiles;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import com.fasterxml.jackson.databind.JsonNode;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;

import javax.net.ssl.SSLContext;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttSecurityException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Eclipse Paho over the MQTT listener's other transports: {@code ssl://} (the {@code mqtt { tls }} block, with
 * {@code verify} and {@code verify_and_map}) and {@code ws://host:port/mqtt} (MQTT over the websocket listener),
 * each exchanging messages with NATS clients and with a plain MQTT client.
 */
class PahoMqttTransportsIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path directory;

    @Test
    void pahoOverSslExchangesMessagesWithNatsAndConnzShowsItsTls() throws Exception {
        TlsFiles files = TlsFiles.create(directory);
        String config = tlsBlock(files, "verify") + "http: \"127.0.0.1:-1\"\n";
        try (ConfiguredServer server = ConfiguredServer.start(config);
                Connection nats = PahoMqttIT.nats(server)) {
            MqttClient client = ssl(server, "ssl-1");
            client.connect(secured(files.clientContextWithCertificate()));
            BlockingQueue<Received> received = subscribe(client, "t/ssl", 1, 1);
            Subscription up = nats.subscribe("t.up");
            nats.flush(TIMEOUT);

            nats.publish("t.ssl", "down".getBytes(StandardCharsets.UTF_8));
            assertThat(next(received)).isEqualTo(new Received("t/ssl", "down", 0));
            client.publish("t/up", "up".getBytes(StandardCharsets.UTF_8), 1, false);
            Message message = up.nextMessage(TIMEOUT);
            assertThat(message).as("the MQTT publish over TLS").isNotNull();
            assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo("up");

            JsonNode connection = monitor(server.server().monitorAddress().getPort(), "/connz?mqtt_client=ssl-1")
                    .get("connections").get(0);
            assertThat(connection.get("type").asText()).isEqualTo("mqtt");
            assertThat(connection.get("tls_version").asText()).startsWith("1.");
            disconnect(client);

            MqttClient withoutCertificate = ssl(server, "ssl-2");
            assertThatThrownBy(() -> withoutCertificate.connect(secured(files.clientContext())))
                    .as("verify asks every client for a certificate").isInstanceOf(MqttException.class);
            withoutCertificate.close();
        }
    }

    @Test
    void pahoOverSslIsTheUserItsCertificateNames() throws Exception {
        TlsFiles files = TlsFiles.create(directory);
        String config = tlsBlock(files, "verify_and_map")
                + "authorization { users: [ {user: \"sensor@acme.test\", permissions: {subscribe: \"mine.>\"}} ] }\n";
        try (ConfiguredServer server = ConfiguredServer.start(config)) {
            SSLContext sensor = TlsFiles.clientContext(files.authority().certificate(), files.authority()
                    .issueClient(CertificateSpec.subject("CN=sensor,O=Acme").withEmails("sensor@acme.test")));
            MqttClient client = ssl(server, "mapped");
            client.connect(secured(sensor));
            // The certificate's user: its permissions apply.
            subscribe(client, "mine/x", 0, 0);
            subscribe(client, "other/x", 0, 0x80);
            disconnect(client);

            SSLContext nobody = TlsFiles.clientContext(files.authority().certificate(),
                    files.authority().client("CN=nobody,O=Elsewhere"));
            MqttClient refused = ssl(server, "nobody");
            assertThatThrownBy(() -> refused.connect(secured(nobody))).isInstanceOf(MqttSecurityException.class)
                    .extracting(e -> ((MqttException) e).getReasonCode())
                    .isEqualTo((int) MqttException.REASON_CODE_NOT_AUTHORIZED);
            refused.close();
        }
    }

    @Test
    void pahoOverWssIsMappedByTheMqttBlockFromItsWssCertificate() throws Exception {
        TlsFiles files = TlsFiles.create(directory);
        String config = tlsBlock(files, "verify_and_map") + "websocket { port: -1, tls { " + tlsFiles(files)
                + ", verify: true, timeout: 10 } }\nhttp: \"127.0.0.1:-1\"\n"
                + "authorization { users: [ {user: \"sensor@acme.test\", permissions: {subscribe: \"mine.>\"}} ] }\n";
        try (ConfiguredServer server = ConfiguredServer.start(config)) {
            SSLContext sensor = TlsFiles.clientContext(files.authority().certificate(), files.authority()
                    .issueClient(CertificateSpec.subject("CN=sensor,O=Acme").withEmails("sensor@acme.test")));
            warmUp(server.websocketPort(), sensor);
            MqttClient client = new MqttClient("wss://127.0.0.1:" + server.websocketPort() + "/mqtt", "wss-1",
                    new MemoryPersistence());
            client.connect(secured(sensor));
            subscribe(client, "mine/x", 0, 0);
            subscribe(client, "other/x", 0, 0x80);
            JsonNode connection = monitor(server.server().monitorAddress().getPort(), "/connz?mqtt_client=wss-1")
                    .get("connections").get(0);
            assertThat(connection.get("tls_version").asText()).startsWith("1.");
            disconnect(client);
        }
    }

    @Test
    void pahoOverWebsocketTalksWithTcpMqttAndNatsClients() throws Exception {
        String config = "mqtt { port: -1 }\nwebsocket { port: -1, no_tls: true }\nhttp: \"127.0.0.1:-1\"\n";
        try (ConfiguredServer server = ConfiguredServer.start(config);
                Connection nats = PahoMqttIT.nats(server)) {
            warmUp(server.websocketPort(), null);
            MqttClient web = new MqttClient("ws://127.0.0.1:" + server.websocketPort() + "/mqtt", "ws-1",
                    new MemoryPersistence());
            web.connect(options(null, null));
            MqttClient tcp = PahoMqttIT.connected(server, "tcp-1");
            BlockingQueue<Received> atWeb = subscribe(web, "room/+", 1, 1);
            BlockingQueue<Received> atTcp = subscribe(tcp, "room/#", 1, 1);
            Subscription atNats = nats.subscribe("room.>");
            nats.flush(TIMEOUT);

            web.publish("room/ws", "from ws".getBytes(StandardCharsets.UTF_8), 1, false);
            assertThat(next(atTcp)).isEqualTo(new Received("room/ws", "from ws", 1));
            assertThat(next(atWeb)).isEqualTo(new Received("room/ws", "from ws", 1));
            Message message = atNats.nextMessage(TIMEOUT);
            assertThat(message).as("the ws client's publish at NATS").isNotNull();
            assertThat(message.getHeaders().getFirst("Nmqtt-Pub")).isEqualTo("1");

            tcp.publish("room/tcp", "from tcp".getBytes(StandardCharsets.UTF_8), 0, false);
            assertThat(next(atWeb)).isEqualTo(new Received("room/tcp", "from tcp", 0));
            nats.publish("room.nats", "from nats".getBytes(StandardCharsets.UTF_8));
            assertThat(next(atWeb)).isEqualTo(new Received("room/nats", "from nats", 0));

            JsonNode connection = monitor(server.server().monitorAddress().getPort(), "/connz?mqtt_client=ws-1")
                    .get("connections").get(0);
            assertThat(connection.get("type").asText()).isEqualTo("mqtt");
            disconnect(web, tcp);
        }
    }

    /**
     * An MQTT listener with TLS that asks for client certificates ({@code verify} or {@code verify_and_map}); the
     * handshake may take 10 s, as a first handshake on a loaded machine can take more than the default 2 s.
     */
    private static String tlsBlock(TlsFiles files, String verification) {
        return "mqtt { port: -1, tls { " + tlsFiles(files) + ", " + verification + ": true, timeout: 10 } }\n";
    }

    private static String tlsFiles(TlsFiles files) {
        return "cert_file: \"" + files.serverCert() + "\", key_file: \"" + files.serverKey() + "\", ca_file: \""
                + files.caFile() + "\"";
    }

    /**
     * Paho reads the answer to its upgrade with a one-second socket timeout: a first upgrade, which loads the HTTP
     * codec, is made here with a patient client so that Paho's is not the first.
     */
    private static void warmUp(int websocketPort, SSLContext tls) throws Exception {
        try (Socket socket = tls == null ? new Socket("127.0.0.1", websocketPort)
                : tls.getSocketFactory().createSocket("127.0.0.1", websocketPort)) {
            socket.setSoTimeout(30_000);
            socket.getOutputStream().write(("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] head = new byte[12];
            assertThat(socket.getInputStream().readNBytes(head, 0, head.length)).isEqualTo(head.length);
            assertThat(new String(head, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 101");
        }
    }

    @Test
    void anMqttClientOverWebsocketIsOfTheConnectionTypeMqttWs() throws Exception {
        String config = "mqtt { port: -1 }\nwebsocket { port: -1, no_tls: true }\nauthorization { users: [\n"
                + "  {user: tcp, password: p, allowed_connection_types: [\"MQTT\"]}\n"
                + "  {user: web, password: p, allowed_connection_types: [\"MQTT_WS\"]}\n] }\n";
        try (ConfiguredServer server = ConfiguredServer.start(config)) {
            warmUp(server.websocketPort(), null);
            String url = "ws://127.0.0.1:" + server.websocketPort() + "/mqtt";
            MqttClient web = new MqttClient(url, "web-1", new MemoryPersistence());
            web.connect(options("web", "p"));
            assertThat(web.isConnected()).isTrue();
            disconnect(web);

            // nats-server's MQTT over WebSocket wants MQTT_WS: a user allowed MQTT alone is refused there.
            MqttClient tcpOnly = new MqttClient(url, "tcp-1", new MemoryPersistence());
            assertThatThrownBy(() -> tcpOnly.connect(options("tcp", "p"))).isInstanceOf(MqttSecurityException.class);
            tcpOnly.close();
            MqttClient overTcp = PahoMqttIT.client(server, "tcp-2");
            overTcp.connect(options("tcp", "p"));
            assertThat(overTcp.isConnected()).isTrue();
            disconnect(overTcp);
        }
    }

    private static MqttClient ssl(ConfiguredServer server, String clientId) throws MqttException {
        return new MqttClient("ssl://127.0.0.1:" + server.mqttPort(), clientId, new MemoryPersistence());
    }

    private static MqttConnectOptions secured(SSLContext context) {
        MqttConnectOptions options = options(null, null);
        options.setSocketFactory(context.getSocketFactory());
        // The test server's certificate names localhost; the client connects to 127.0.0.1.
        options.setHttpsHostnameVerificationEnabled(false);
        return options;
    }
}
