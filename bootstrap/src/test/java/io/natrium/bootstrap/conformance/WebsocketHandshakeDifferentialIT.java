package io.natrium.bootstrap.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ServerProcess;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTTP upgrade of nats-server's websocket listener and Natrium's, played the same raw requests: status lines,
 * headers in their order (the {@code Date} masked), bodies, whether the connection stays open after a refusal (Go's
 * HTTP server keeps it), the first frame after an accepted upgrade (INFO, compressed when negotiated), and the
 * {@code websocket handshake error} lines each server logs.
 */
class WebsocketHandshakeDifferentialIT {

    private static final Duration ANSWER = Duration.ofSeconds(10);
    /** How long a connection must stay open after a refusal to count as kept. */
    private static final Duration KEPT = Duration.ofMillis(500);

    @TempDir
    Path dir;

    @Test
    void upgradesAndRefusalsAreAnsweredAsNatsServerAnswersThem() throws Exception {
        Map<String, String> requests = new LinkedHashMap<>();
        String request = WebsocketWire.upgrade();
        requests.put("upgrade", request);
        requests.put("deflate offered", WebsocketWire.upgrade(
                "Sec-WebSocket-Extensions: permessage-deflate; client_max_window_bits"));
        requests.put("deflate offered with parameters nats-server ignores", WebsocketWire.upgrade(
                "Sec-WebSocket-Extensions: x-webkit-deflate-frame, permessage-deflate; server_max_window_bits=10"));
        requests.put("no masking asked", WebsocketWire.upgrade("Nats-No-Masking: true"));
        requests.put("key that is not base64", request.replace(WebsocketWire.KEY, "not a key!"));
        requests.put("key missing", request.replace("Sec-WebSocket-Key: " + WebsocketWire.KEY + "\r\n", ""));
        requests.put("key empty", request.replace("Sec-WebSocket-Key: " + WebsocketWire.KEY, "Sec-WebSocket-Key:"));
        requests.put("POST", request.replace("GET /", "POST /").replace("\r\n\r\n", "\r\nContent-Length: 0\r\n\r\n"));
        requests.put("PUT", request.replace("GET /", "PUT /").replace("\r\n\r\n", "\r\nContent-Length: 0\r\n\r\n"));
        requests.put("version 12", request.replace("Sec-WebSocket-Version: 13", "Sec-WebSocket-Version: 12"));
        requests.put("version missing", request.replace("Sec-WebSocket-Version: 13\r\n", ""));
        requests.put("Upgrade missing", request.replace("Upgrade: websocket\r\n", ""));
        requests.put("Upgrade to h2c", request.replace("Upgrade: websocket", "Upgrade: h2c"));
        requests.put("Connection missing", request.replace("Connection: Upgrade\r\n", ""));
        requests.put("Connection listing Upgrade", request.replace("Connection: Upgrade",
                "Connection: keep-alive, Upgrade"));
        requests.put("header names and values in other cases", request.replace("Upgrade: websocket",
                "UPGRADE: WebSocket").replace("Connection: Upgrade", "connection: upgrade"));
        requests.put("Host missing", request.replace("Host: 127.0.0.1\r\n", ""));
        requests.put("HTTP/1.0 without Host", request.replace("HTTP/1.1", "HTTP/1.0")
                .replace("Host: 127.0.0.1\r\n", ""));
        requests.put("not HTTP", "\u0016\u0003\u0001hello there\r\n\r\n");
        requests.put("request line without version", "GET /\r\n\r\n");

        assertSameAnswers("compression: true", requests);
    }

    @Test
    void originsAreCheckedAsNatsServerChecksThemWithSameOrigin() throws Exception {
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("no origin", WebsocketWire.upgrade());
        requests.put("same origin", WebsocketWire.upgrade("Origin: http://127.0.0.1"));
        requests.put("same host, other port", WebsocketWire.upgrade("Origin: http://127.0.0.1:8080"));
        requests.put("other host", WebsocketWire.upgrade("Origin: http://evil.example"));
        requests.put("other host as Sec-WebSocket-Origin", WebsocketWire.upgrade(
                "Sec-WebSocket-Origin: http://evil.example"));
        requests.put("origin that is no URL", WebsocketWire.upgrade("Origin: null"));

        assertSameAnswers("same_origin: true", requests);
    }

    @Test
    void originsAreCheckedAsNatsServerChecksThemWithAllowedOrigins() throws Exception {
        Map<String, String> requests = new LinkedHashMap<>();
        requests.put("no origin", WebsocketWire.upgrade());
        requests.put("allowed", WebsocketWire.upgrade("Origin: http://good.example:8080"));
        requests.put("allowed host, other port", WebsocketWire.upgrade("Origin: http://good.example"));
        requests.put("allowed host, other scheme", WebsocketWire.upgrade("Origin: https://good.example:8080"));
        requests.put("other host", WebsocketWire.upgrade("Origin: http://evil.example:8080"));
        requests.put("allowed https, default port", WebsocketWire.upgrade("Origin: https://secure.example"));

        assertSameAnswers("allowed_origins: [\"http://good.example:8080\", \"https://secure.example:443\"]",
                requests);
    }

    /** Plays every request on a fresh connection to each server and compares the whole transcripts. */
    private void assertSameAnswers(String settings, Map<String, String> requests) throws Exception {
        int referencePort = ServerProcess.freePort();
        int natriumPort = ServerProcess.freePort();
        try (ServerPair pair = ServerPair.start(arguments("reference", referencePort, settings),
                arguments("natrium", natriumPort, settings))) {
            String theirs = transcript(referencePort, requests);
            String ours = transcript(natriumPort, requests);

            assertThat(ours).as("Natrium's answers, beside nats-server's").isEqualTo(theirs);
            assertThat(theirs).as("nats-server's answers").contains("101 Switching Protocols");
            List<String> theirErrors = WebsocketWire.loggedErrors(pair.reference(), 1);
            assertThat(WebsocketWire.loggedErrors(pair.natrium(), theirErrors.size()))
                    .as("Natrium's error lines, beside nats-server's").isEqualTo(theirErrors);
            assertThat(pair.natrium().process().isAlive()).as("Natrium still running").isTrue();
        }
    }

    private List<String> arguments(String name, int port, String settings) throws Exception {
        Path config = Files.writeString(dir.resolve(name + ".conf"),
                "websocket { port: " + port + ", no_tls: true, " + settings + " }\n");
        return List.of("-c", config.toString());
    }

    private static String transcript(int port, Map<String, String> requests) throws Exception {
        StringBuilder transcript = new StringBuilder();
        for (Map.Entry<String, String> request : requests.entrySet()) {
            transcript.append("== ").append(request.getKey()).append('\n');
            try (WebsocketWire wire = WebsocketWire.open(port)) {
                wire.send(request.getValue());
                String response = wire.response(ANSWER);
                transcript.append(response).append('\n');
                if (response.startsWith("HTTP/1.1 101 ")) {
                    transcript.append(wire.nextFrame(ANSWER)).append('\n');
                } else {
                    transcript.append(wire.stillOpen(KEPT)).append('\n');
                }
            }
        }
        return transcript.toString();
    }
}
