package io.natrium.bootstrap.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.domain.auth.NKeySeed;
import io.natrium.testkit.RawClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;

/**
 * Clients relayed by a trusted proxy, as raw sockets (jnats 2.25.2 cannot sign a {@code proxy_sig}), and what the
 * monitoring port says of them.
 */
final class ProxiedClients {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProxiedClients() {
    }

    /**
     * Reads INFO, then sends CONNECT for {@code user} (password {@code pw}) with {@code key}'s signature of the
     * nonce as a proxy signs it (none when null) and a PING.
     */
    static RawClient connect(ConfiguredServer server, String name, String user, NKeySeed key) throws Exception {
        RawClient client = RawClient.connect("127.0.0.1", server.port());
        Matcher info = client.expectPattern(RawClient.INFO);
        String nonce = JSON.readTree(info.group().substring("INFO ".length()).trim()).path("nonce").asText();
        assertThat(nonce).as("INFO carries a nonce for the proxy to sign").isNotEmpty();
        String proxySig = key == null ? ""
                : ",\"proxy_sig\":\"" + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(key.sign(nonce.getBytes(UTF_8))) + "\"";
        client.send("CONNECT {\"verbose\":false,\"name\":\"" + name + "\",\"user\":\"" + user
                + "\",\"pass\":\"pw\"" + proxySig + "}\r\nPING\r\n");
        return client;
    }

    static JsonNode monitor(int monitorPort, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + monitorPort + path)).GET()
                .build();
        return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** The connection of this name in /connz (with its account), open or closed as {@code state} says; or null. */
    static JsonNode connection(int monitorPort, String state, String name) throws Exception {
        for (JsonNode connection : monitor(monitorPort, "/connz?auth=true&state=" + state).path("connections")) {
            if (name.equals(connection.path("name").asText())) {
                return connection;
            }
        }
        return null;
    }

    /** The closed connection of this name, once the server recorded it (the client saw the close first). */
    static JsonNode awaitClosed(int monitorPort, String name) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode found = connection(monitorPort, "closed", name);
        while (found == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
            found = connection(monitorPort, "closed", name);
        }
        assertThat(found).as("%s among the closed connections within %s", name, WAIT).isNotNull();
        return found;
    }
}
