package io.natrium.bootstrap.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Debian nats-server (a process) and Natrium (in this JVM) started with the same configuration file and each
 * with its monitoring port, for monitoring answers compared after the same situation was made on both. Clients
 * opened through it are closed with it.
 */
final class ConfiguredPair implements AutoCloseable {

    private final Path configFile;
    private final ServerProcess natsServer;
    private final String natsServerMonitor;
    private final ConfiguredServer natrium;
    private final String natriumMonitor;
    private final List<RawClient> clients = new ArrayList<>();

    private ConfiguredPair(Path configFile, ServerProcess natsServer, String natsServerMonitor,
            ConfiguredServer natrium) {
        this.configFile = configFile;
        this.natsServer = natsServer;
        this.natsServerMonitor = natsServerMonitor;
        this.natrium = natrium;
        this.natriumMonitor = "http://127.0.0.1:" + natrium.server().monitorAddress().getPort();
    }

    static ConfiguredPair start(String configuration) throws Exception {
        Path file = Files.createTempFile("natrium-pair-", ".conf");
        Files.writeString(file, configuration);
        int natsServerMonitorPort = ServerProcess.freePort();
        ServerProcess natsServer = ServerProcess.start(ExternalTools.natsServer(),
                List.of("-c", file.toString(), "-m", Integer.toString(natsServerMonitorPort)), Duration.ofSeconds(10));
        try {
            ConfiguredServer natrium = ConfiguredServer.start(configuration + "http: \"127.0.0.1:"
                    + ServerProcess.freePort() + "\"\n");
            return new ConfiguredPair(file, natsServer, "http://127.0.0.1:" + natsServerMonitorPort, natrium);
        } catch (Exception | Error e) {
            natsServer.close();
            throw e;
        }
    }

    int natsServerPort() {
        return natsServer.port();
    }

    int natriumPort() {
        return natrium.port();
    }

    String natsServerMonitor() {
        return natsServerMonitor;
    }

    String natriumMonitor() {
        return natriumMonitor;
    }

    /** A client of the server on {@code port} that sent CONNECT as {@code user} (password the same) and ops. */
    RawClient client(int port, String user, String name, String operations) throws IOException {
        RawClient client = RawClient.connectAndReadInfo("127.0.0.1", port);
        clients.add(client);
        client.send("CONNECT {\"verbose\":false,\"pedantic\":false,\"user\":\"" + user + "\",\"pass\":\"" + user
                + "\",\"name\":\"" + name + "\"}\r\n" + operations + "PING\r\n");
        return client;
    }

    /** Asks both servers each request ({@code $} escaped in the query), their answers put in the maps. */
    void fetchAll(List<String> requests, Map<String, JsonNode> theirs, Map<String, JsonNode> ours)
            throws IOException, InterruptedException {
        for (String request : requests) {
            String query = request.replace("$", "%24");
            theirs.put(request, fetch(natsServerMonitor + query));
            ours.put(request, fetch(natriumMonitor + query));
        }
    }

    private static JsonNode fetch(String url) throws IOException, InterruptedException {
        HttpResponse<String> response = MonitorHttp.get(url);
        assertThat(response.statusCode()).as(url).isEqualTo(200);
        return MonitorHttp.parse(response.body());
    }

    @Override
    public void close() throws IOException, InterruptedException {
        for (RawClient client : clients) {
            client.close();
        }
        try {
            natrium.close();
        } finally {
            natsServer.close();
            Files.deleteIfExists(configFile);
        }
    }
}
