package io.natrium.adapter.config;

import static io.natrium.adapter.config.Conf.at;
import static io.natrium.adapter.config.Conf.conf;
import static io.natrium.adapter.config.Conf.list;
import static io.natrium.adapter.config.Conf.map;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.adapter.config.syntax.ConfigError;
import io.natrium.adapter.config.syntax.ConfigMap;
import io.natrium.application.settings.MqttDeliverySettings;
import io.natrium.application.settings.MqttSettings;
import io.natrium.application.settings.SimpleAuthSettings;
import io.natrium.application.settings.WebsocketCookieSettings;
import io.natrium.application.settings.WebsocketSettings;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The WebSocket and MQTT listener blocks. */
class ListenerMapperTest {

    private static MappedSettings mapped(ConfigMap conf) {
        MappedSettings mapped = SettingsMapper.map(conf);
        assertThat(Conf.errors(mapped)).isEmpty();
        return mapped;
    }

    @Test
    void mapsEveryWebsocketKey() {
        WebsocketSettings websocket = mapped(conf("ws", map("listen", "127.0.0.1:8080", "advertise", "ws.example:443",
                "no_tls", true, "tls", map("cert_file", "c", "key_file", "k"), "same_origin", true,
                "allowed_origins", list("https://a.example"), "handshake_timeout", "3s", "compression", true,
                "authentication", map("user", "u", "pass", "p", "timeout", 2),
                "jwt_cookie", "jwt", "user_cookie", "uc", "pass_cookie", "pc", "token_cookie", "tc",
                "no_auth_user", "nobody", "headers", map("X-A", "1"), "ping_interval", "30s"))).settings().websocket();

        assertThat(websocket).isEqualTo(new WebsocketSettings("127.0.0.1", 8080, "ws.example:443", true,
                websocket.tls(), true, List.of("https://a.example"), Duration.ofSeconds(3), true,
                new SimpleAuthSettings("u", "p", null, Duration.ofSeconds(2)),
                new WebsocketCookieSettings("jwt", "uc", "pc", "tc"), "nobody", Map.of("X-A", "1"),
                Duration.ofSeconds(30)));
        assertThat(websocket.tls().certificates().certFile()).isEqualTo("c");
        assertThat(websocket.enabled()).isTrue();
    }

    @Test
    void websocketOriginAliasesPortHostAndSecondsTimeout() {
        for (String alias : List.of("allowed_origins", "allowed_origin", "allow_origins", "allow_origin", "origins",
                "origin")) {
            assertThat(mapped(conf("websocket", map(alias, "http://x"))).settings().websocket().allowedOrigins())
                    .containsExactly("http://x");
        }
        WebsocketSettings websocket = mapped(conf("websocket", map("port", 8081, "net", "::", "handshake_timeout", 4,
                "compress", false, "authorization", map("token", "t")))).settings().websocket();
        assertThat(websocket.port()).isEqualTo(8081);
        assertThat(websocket.host()).isEqualTo("::");
        assertThat(websocket.handshakeTimeout()).isEqualTo(Duration.ofSeconds(4));
        assertThat(websocket.authorization().token()).isEqualTo("t");
    }

    @Test
    void mapsEveryMqttKey() {
        MqttSettings mqtt = mapped(conf("mqtt", map("listen", "0.0.0.0:1883", "tls", map("verify", true),
                "authorization", map("username", "u", "password", "p"), "no_auth_user", "nobody",
                "ackwait", "1m", "api_timeout", "5s", "max_inflight", 100, "js_domain", "hub",
                "stream_replicas", 3, "consumer_memory_storage", true, "consumer_auto_cleanup", "1h",
                "reject_qos2_publish", true, "downgrade_qos2_subscribe", true))).settings().mqtt();

        assertThat(mqtt.host()).isEqualTo("0.0.0.0");
        assertThat(mqtt.port()).isEqualTo(1883);
        assertThat(mqtt.tls().verify().verify()).isTrue();
        assertThat(mqtt.authorization()).isEqualTo(new SimpleAuthSettings("u", "p", null, Duration.ZERO));
        assertThat(mqtt.noAuthUser()).isEqualTo("nobody");
        assertThat(mqtt.delivery()).isEqualTo(new MqttDeliverySettings(Duration.ofMinutes(1), 100,
                Duration.ofSeconds(5), "hub", 3, true, Duration.ofHours(1), true, true));
        assertThat(mapped(conf("mqtt", map("port", 1884, "host", "h", "max_ack_pending", 1, "ack_wait", "1s",
                "js_api_timeout", "2s", "consumer_inactive_threshold", "3s"))).settings().mqtt().delivery().ackWait())
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void takesListeningWebsocketAndMqttBlocksWithTheirTls() {
        assertThat(mapped(conf("websocket", map("no_tls", true), "mqtt", map("port", 1883))).unsupported()).isEmpty();
        // wss is built: a listening websocket block's tls is taken, not refused.
        MappedSettings wss = SettingsMapper.map(conf("websocket", map("port", 8443, "tls",
                map("cert_file", "c", "key_file", "k"))));
        assertThat(wss.refusals()).isEmpty();
        assertThat(wss.settings().websocket().tls().certificates().certFile()).isEqualTo("c");
        // ... its pinned_certs too, which the session checks after the wss handshake.
        MappedSettings pinned = SettingsMapper.map(conf("websocket", map("port", 8443, "tls", map("cert_file", "c",
                "pinned_certs", list("a".repeat(64))))));
        assertThat(pinned.refusals()).isEmpty();
        assertThat(pinned.settings().websocket().tls().verify().pinnedCerts()).containsExactly("a".repeat(64));

        // MQTT over TLS is built: its tls block, verify_and_map and timeout included, is taken.
        MappedSettings withTls = SettingsMapper.map(conf("mqtt", map("port", 1883, "tls", map("cert_file", "c",
                "verify_and_map", true, "timeout", 3))));
        assertThat(withTls.refusals()).isEmpty();
        assertThat(withTls.settings().mqtt().tls().verify().map()).isTrue();
        assertThat(withTls.settings().mqtt().tls().handshake().timeout()).isEqualTo(Duration.ofSeconds(3));
        // JetStream settings of nats-server's MQTT have nothing to act on here, and are said to be ignored.
        assertThat(mapped(conf("mqtt", map("port", 1883, "js_domain", "hub", "stream_replicas", 3))).unsupported())
                .extracting(UnsupportedOption::option).containsExactly("js_domain", "stream_replicas");
    }

    static Stream<Arguments> errors() {
        String key = at(2, 1);
        return Stream.of(
                Arguments.of(conf("websocket", map("listen", "x")), key + ": could not parse address string \"x\""),
                Arguments.of(conf("websocket", map("port", "x")), key
                        + ": interface conversion: interface {} is string, not int64"),
                Arguments.of(conf("websocket", map("handshake_timeout", "x")), key + ": time: invalid duration \"x\""),
                Arguments.of(conf("websocket", map("handshake_timeout", true)), key
                        + ": error parsing handshake timeout: unsupported type bool"),
                Arguments.of(conf("websocket", map("allowed_origins", 5)), key
                        + ": error parsing allowed origins: unsupported type int64"),
                Arguments.of(conf("websocket", map("allowed_origins", list(5))), at(3, 2)
                        + ": error parsing allowed origins: unsupported type in array int64"),
                Arguments.of(conf("websocket", map("headers", 5)), key + ": error parsing headers: unsupported type int64"),
                Arguments.of(conf("websocket", map("headers", map("X", 5))), at(3, 2)
                        + ": error parsing header key X: unsupported type int64"),
                Arguments.of(conf("websocket", map("authorization", map("nkey", "x"))), at(3, 2)
                        + ": unknown field \"nkey\""),
                Arguments.of(conf("websocket", map("ping_interval", "x")), key
                        + ": error parsing ping_interval: time: invalid duration \"x\""),
                Arguments.of(conf("websocket", map("subprotocol", "x")), key + ": unknown field \"subprotocol\""),
                Arguments.of(conf("mqtt", map("max_ack_pending", 70000)), key
                        + ": invalid value 70000, should in [0..65535] range"),
                Arguments.of(conf("mqtt", map("ack_wait", "x")), key
                        + ": error parsing ack_wait: time: invalid duration \"x\""),
                Arguments.of(conf("mqtt", map("tls", map("verify", 1))), at(3, 2)
                        + ": error parsing tls config, expected 'verify' to be a boolean"),
                Arguments.of(conf("mqtt", map("qos", 2)), key + ": unknown field \"qos\""));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("errors")
    void reportsNatsServersListenerErrors(ConfigMap conf, String expected) {
        assertThat(Conf.errors(SettingsMapper.map(conf))).containsExactly(expected);
    }
}
