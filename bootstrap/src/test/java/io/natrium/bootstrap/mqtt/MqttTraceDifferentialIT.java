package io.natrium.bootstrap.mqtt;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The protocol trace of MQTT packets ({@code -DV}) with nats-server 2.9.10 -js and with Natrium: the same exchanges
 * give each MQTT client the same trace lines in the same order (CONNECT with its keep-alive, will, user and hidden
 * password, CONNACK, PUBLISH in and out with their flags and sizes, payloads cut at {@code max_traced_msg_len},
 * PUBACK, SUBSCRIBE and UNSUBSCRIBE with their subjects, SUBACK after the retained messages it brought, the -ERR
 * nats-server traces but does not send, PINGREQ/PINGRESP, DISCONNECT, refusals), compared per client id with the
 * addresses and connection numbers left out. Subscription removals ({@code <-> [DELSUB ...]}) are not compared:
 * Natrium's MQTT sids carry the QoS (see docs/compatibility.md).
 */
class MqttTraceDifferentialIT {

    private static final Duration QUIET = Duration.ofMillis(700);
    private static final Duration WITHIN = Duration.ofSeconds(10);
    /** A trace line of an MQTT client: its client id, then the operation. */
    private static final Pattern MQTT_TRACE = Pattern.compile(
            "\\[TRC\\] [^ ]+ - mid:\\d+ - (\"[^\"]*\") - (.*)");
    private static final String CREDENTIALS = "u";
    private static final int CLEAN_USER_PASSWORD = 0xC2;
    /** Clean session, user and password, a will at QoS 1 with retain. */
    private static final int WITH_WILL = CLEAN_USER_PASSWORD | 0x04 | 0x08 | 0x20;
    private static Path natsServer;

    @BeforeAll
    static void findTheReference() {
        natsServer = ExternalTools.natsServer();
    }

    @Test
    void mqttPacketsAreTracedAsNatsServerTracesThem() throws Exception {
        Map<String, List<String>> reference = play(natsServer, "", Duration.ofSeconds(10));
        assertThat(reference).as("nats-server's trace").containsKeys("\"sub\"", "\"pub\"", "\"late\"", "\"ro\"",
                "\"bad\"", "\"\"");
        Map<String, List<String>> natrium = play(ServerProcess.natriumLauncher(),
                ", reject_qos2_publish: true, downgrade_qos2_subscribe: true", Duration.ofSeconds(60));
        assertThat(natrium).as("Natrium's trace, beside nats-server's").isEqualTo(reference);
    }

    private static void script(int mqtt, int nats) throws Exception {
        try (RawMqtt refused = RawMqtt.connect(mqtt); RawMqtt anonymous = RawMqtt.connect(mqtt)) {
            refused.send(RawMqtt.connect("MQTT", 4, CLEAN_USER_PASSWORD, 30, "bad", CREDENTIALS, "wrong"), WITHIN);
            // A persistent session without a client id: CONNACK 2, and no CONNECT traced.
            anonymous.send(RawMqtt.connect("MQTT", 4, 0x00, 30, ""), WITHIN);
        }
        try (RawMqtt subscriber = RawMqtt.connect(mqtt); RawMqtt publisher = RawMqtt.connect(mqtt);
                RawClient natsClient = RawClient.connectAndReadInfo("127.0.0.1", nats)) {
            natsClient.send("CONNECT {\"verbose\":false,\"user\":\"u\",\"pass\":\"p\"}\r\n");
            subscriber.send(RawMqtt.connect("MQTT", 4, WITH_WILL, 30, "sub", "w/t", "bye", CREDENTIALS, "p"));
            subscriber.send(RawMqtt.subscribe(1, "x/y", 1, "z/#", 0, "a.b", 0));
            publisher.send(RawMqtt.connect("MQTT", 4, CLEAN_USER_PASSWORD, 10, "pub", CREDENTIALS, "p"));
            publisher.send(RawMqtt.publish(0x02, "x/y", 7, "hello \"w\"\n"));
            subscriber.answer(WITHIN);
            subscriber.send(RawMqtt.puback(1), QUIET);
            publisher.sendWithoutAnswer(RawMqtt.publish(0x01, "z/r", 0, "ret"));
            subscriber.answer(WITHIN);
            publisher.sendWithoutAnswer(RawMqtt.publish(0x00, "z/e", 0, ""));
            subscriber.answer(WITHIN);
            natsClient.send("PUB z.n 3\r\nnat\r\n");
            subscriber.answer(WITHIN);
            subscriber.send(RawMqtt.PINGREQ);
            subscriber.send(RawMqtt.unsubscribe(9, "x/y", "z/#"));
            try (RawMqtt late = RawMqtt.connect(mqtt)) {
                late.send(RawMqtt.connect("MQTT", 4, CLEAN_USER_PASSWORD, 0, "late", CREDENTIALS, "p"));
                // The retained message is traced before the SUBACK, as nats-server traces it.
                late.send(RawMqtt.subscribe(3, "z/#", 1));
                late.send(RawMqtt.DISCONNECT, QUIET);
            }
            try (RawMqtt limited = RawMqtt.connect(mqtt)) {
                limited.send(RawMqtt.connect("MQTT", 4, CLEAN_USER_PASSWORD, 5, "ro", "ro", "p"));
                limited.send(RawMqtt.subscribe(5, "no/x", 1));
                limited.send(RawMqtt.publish(0x02, "x/y", 6, "denied"));
                limited.send(RawMqtt.DISCONNECT, QUIET);
            }
            publisher.send(RawMqtt.publish(0x00, "a/+", 0, "x"), WITHIN);
            subscriber.send(RawMqtt.DISCONNECT, QUIET);
        }
    }

    private static Map<String, List<String>> play(Path executable, String mqttKeys, Duration readyWithin)
            throws Exception {
        Path store = Files.createTempDirectory("natrium-mqtt-trace-");
        int mqttPort = ServerProcess.freePort();
        Path config = Files.createTempFile("natrium-mqtt-trace-", ".conf");
        Files.writeString(config, "server_name: mqtt_trace\n"
                + "max_traced_msg_len: 8\n"
                + "jetstream { store_dir: \"" + store + "\" }\n"
                + "authorization { users: [ {user: u, password: p},"
                + " {user: ro, password: p, permissions: {publish: \"nope\", subscribe: \"only.>\"}} ] }\n"
                + "mqtt { host: 127.0.0.1, port: " + mqttPort + mqttKeys + " }\n", StandardCharsets.UTF_8);
        try (ServerProcess server = ServerProcess.start(executable, List.of("-c", config.toString(), "-DV"),
                readyWithin)) {
            script(mqttPort, server.port());
            // The last client's DISCONNECT is traced by the server's thread, after the test saw the close.
            return byClient(server.awaitLog(Pattern.compile("\"sub\" - <<- \\[DISCONNECT\\]"), WITHIN));
        }
    }

    /** Each MQTT client's trace lines, in order, by client id; subscription removals left out. */
    private static Map<String, List<String>> byClient(String log) {
        Map<String, List<String>> traces = new LinkedHashMap<>();
        for (String line : log.split("\n")) {
            Matcher trace = MQTT_TRACE.matcher(line);
            if (trace.find() && !trace.group(2).startsWith("<-> [DELSUB")) {
                traces.computeIfAbsent(trace.group(1), client -> new ArrayList<>()).add(trace.group(2));
            }
        }
        return traces;
    }
}
