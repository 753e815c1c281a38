package io.natrium.bootstrap.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.domain.auth.NKeySeed;
import io.natrium.domain.auth.NKeyType;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Auth callout and trusted proxies together, as nats-server's {@code processClientOrLeafCallout} takes the
 * {@code proxyRequired} and {@code trustedProxy} of the client's own check: a granted user JWT with
 * {@code proxy_required} lets the client in only when a trusted proxy vouched for it, and a configured user that
 * required a proxy that did not vouch stays refused, as {@code Proxy Required}, whatever the callout grants. The
 * relayed clients are raw sockets signing the nonce as a proxy does (jnats cannot); the callout service is a jnats
 * client ({@link CalloutResponder}). Neither feature is in nats-server 2.9.10: its current source is the reference.
 */
class CalloutThroughProxyIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String REFUSED = "-ERR 'Authorization Violation'\r\n";
    /** The server's first keep-alive PING may come before the PONG. */
    private static final Pattern PONG = Pattern.compile("\\A(?:PING\r\n)?PONG\r\n");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final NKeySeed PROXY = NKeySeed.generate(NKeyType.USER);

    private static int monitorPort;
    private static ConfiguredServer server;
    private static CalloutResponder service;

    @BeforeAll
    static void start() throws Exception {
        monitorPort = ServerProcess.freePort();
        server = ConfiguredServer.start("""
                http: "127.0.0.1:%d"
                proxies { trusted: [ { key: "%s" } ] }
                accounts {
                  AUTH { users: [ { user: auth, password: pwd } ] }
                  APP {}
                }
                authorization {
                  timeout: 4
                  users: [ { user: needsproxy, password: pw, proxy_required: true } ]
                  auth_callout { issuer: %s, account: AUTH, auth_users: [ auth ] }
                }
                """.formatted(monitorPort, PROXY.publicKey().encoded(), CalloutResponder.ISSUER.publicKey()));
        service = new CalloutResponder(server, null);
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

    @Test
    void aGrantThatRequiresAProxyLetsInOnlyTheClientATrustedProxyVouchedFor() throws Exception {
        try (RawClient relayed = connect("proxied-relayed", "proxied", true);
                RawClient direct = connect("proxied-direct", "proxied", false)) {
            relayed.expectPattern(PONG);
            direct.expectClose(REFUSED);

            JsonNode in = open("proxied-relayed");
            assertThat(in.path("account").asText()).isEqualTo("APP");
            assertThat(in.path("proxy").path("key").asText()).isEqualTo(PROXY.publicKey().encoded());
            assertThat(awaitClosed("proxied-direct").path("reason").asText()).isEqualTo("Proxy Required");
        }
    }

    @Test
    void aConfiguredUserThatRequiresAProxyIsRefusedWhateverTheCalloutGrantsUnlessVouched() throws Exception {
        try (RawClient relayed = connect("needsproxy-relayed", "needsproxy", true);
                RawClient direct = connect("needsproxy-direct", "needsproxy", false)) {
            relayed.expectPattern(PONG);
            direct.expectClose(REFUSED);

            assertThat(open("needsproxy-relayed").path("account").asText()).isEqualTo("APP");
            assertThat(awaitClosed("needsproxy-direct").path("reason").asText()).isEqualTo("Proxy Required");
        }
    }

    /** Reads INFO, then sends CONNECT (signed by the trusted proxy when {@code relayed}) and a PING. */
    private static RawClient connect(String name, String user, boolean relayed) throws Exception {
        RawClient client = RawClient.connect("127.0.0.1", server.port());
        Matcher info = client.expectPattern(RawClient.INFO);
        String nonce = JSON.readTree(info.group().substring("INFO ".length()).trim()).path("nonce").asText();
        String proxySig = !relayed ? ""
                : ",\"proxy_sig\":\"" + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(PROXY.sign(nonce.getBytes(UTF_8))) + "\"";
        client.send("CONNECT {\"verbose\":false,\"name\":\"" + name + "\",\"user\":\"" + user
                + "\",\"pass\":\"pw\"" + proxySig + "}\r\nPING\r\n");
        return client;
    }

    private static JsonNode connz(String state) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + monitorPort + "/connz?auth=true&state=" + state)).GET().build();
        return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()).path("connections");
    }

    private static JsonNode named(String state, String name) throws Exception {
        for (JsonNode connection : connz(state)) {
            if (name.equals(connection.path("name").asText())) {
                return connection;
            }
        }
        return null;
    }

    private static JsonNode open(String name) throws Exception {
        JsonNode found = named("open", name);
        assertThat(found).as("%s among the open connections", name).isNotNull();
        return found;
    }

    /** The closed connection of this name, once the server recorded it (the client saw the close first). */
    private static JsonNode awaitClosed(String name) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode found = named("closed", name);
        while (found == null && System.nanoTime() < deadline) {
            Thread.sleep(20);
            found = named("closed", name);
        }
        assertThat(found).as("%s among the closed connections within %s", name, WAIT).isNotNull();
        return found;
    }
}
