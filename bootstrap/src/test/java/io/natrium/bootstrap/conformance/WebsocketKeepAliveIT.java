package io.natrium.bootstrap.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a websocket client is told and asked beyond its frames: the INFO of a single server with the block's
 * {@code advertise} (compared with nats-server 2.9.10, which advertises no URL to such a client), and the block's
 * {@code ping_interval} of nats-server 2.10 on, which 2.9.10 refuses as an unknown field: the NATS PING comes to
 * websocket clients that often, to TCP clients at the server's {@code ping_interval}.
 */
class WebsocketKeepAliveIT {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path directory;

    @Test
    void aSingleServersInfoAdvertisesNoUrlToAWebsocketClientAsNatsServer() throws Exception {
        List<TreeSet<String>> keys = new ArrayList<>();
        List<Path> executables = List.of(ExternalTools.natsServer(), ServerProcess.natriumLauncher());
        for (int i = 0; i < 2; i++) {
            int wsPort = ServerProcess.freePort();
            Path config = Files.writeString(directory.resolve("advertise" + i + ".conf"), "websocket {\n  port: "
                    + wsPort + "\n  no_tls: true\n  advertise: \"ws.example.com:443\"\n}\n");
            Duration ready = i == 0 ? Duration.ofSeconds(10) : Duration.ofSeconds(60);
            try (ServerProcess server = ServerProcess.start(executables.get(i), List.of("-c", config.toString()),
                    ready);
                    WebsocketWire wire = WebsocketWire.open(wsPort)) {
                wire.send(WebsocketWire.upgrade());
                assertThat(wire.response(WAIT)).startsWith("HTTP/1.1 101 ");
                String info = wire.nextPayload(WAIT);
                assertThat(info).startsWith("INFO {");
                JsonNode fields = new ObjectMapper().readTree(info.substring(5));
                TreeSet<String> names = new TreeSet<>();
                fields.fieldNames().forEachRemaining(names::add);
                keys.add(names);
            }
        }
        assertThat(keys.get(0)).doesNotContain("connect_urls", "ws_connect_urls");
        assertThat(keys.get(1)).as("Natrium's INFO keys beside nats-server's")
                .doesNotContain("connect_urls", "ws_connect_urls").containsAll(keys.get(0));
    }

    @Test
    void websocketClientsArePingedAtTheBlocksIntervalAndTcpClientsAtTheServers() throws Exception {
        try (ConfiguredServer server = ConfiguredServer.start(
                "ping_interval: \"2m\"\nwebsocket {\n  port: -1\n  no_tls: true\n  ping_interval: \"200ms\"\n}\n");
                WebsocketWire web = WebsocketWire.open(server.websocketPort());
                RawClient tcp = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
            tcp.send("CONNECT {\"verbose\":false}\r\nPING\r\n").expect("PONG\r\n");
            web.send(WebsocketWire.upgrade());
            assertThat(web.response(WAIT)).startsWith("HTTP/1.1 101 ");
            assertThat(web.nextPayload(WAIT)).startsWith("INFO {");
            web.send(WebsocketWire.frame(0x82, true, WebsocketWire.ascii("CONNECT {\"verbose\":false}\r\n")));

            long started = System.nanoTime();
            for (int ping = 0; ping < 5; ping++) {
                assertThat(web.nextPayload(WAIT)).as("ping %d", ping).isEqualTo("PING\r\n");
                web.send(WebsocketWire.frame(0x82, true, WebsocketWire.ascii("PONG\r\n")));
            }
            Duration fivePings = Duration.ofNanos(System.nanoTime() - started);

            // In as long, a TCP client gets at most the first ping, which measures the round trip.
            String tcpPings = tcp.drain(fivePings);
            assertThat(tcpPings.split("PING\r\n", -1).length - 1).as(tcpPings).isLessThanOrEqualTo(1);
        }
    }
}
