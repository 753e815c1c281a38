package io.natrium.bootstrap.security;

import static io.natrium.bootstrap.security.ProxiedClients.awaitClosed;
import static io.natrium.bootstrap.security.ProxiedClients.connect;
import static io.natrium.bootstrap.security.ProxiedClients.connection;
import static io.natrium.bootstrap.security.ProxiedClients.monitor;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.port.in.ReloadResult;
import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.domain.auth.NKeySeed;
import io.natrium.domain.auth.NKeyType;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Trusted proxies over real sockets: a proxy signs the nonce of the server's INFO with its nkey and sends the
 * signature as CONNECT's {@code proxy_sig} for the client it relays (jnats 2.25.2 cannot sign one, so the relayed
 * clients are raw sockets; a jnats client connects directly beside them). nats-server 2.9.10 has no trusted proxies
 * (they came in 2.12), so the expected behaviour is its current source's: server/auth.go {@code proxyCheck},
 * server/reload.go {@code proxiesReload}, server/monitor.go {@code ProxyInfo} and {@code ProxiesOptsVarz}.
 */
class TrustedProxyIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String REFUSED = "-ERR 'Authorization Violation'\r\n";
    /** The server's first keep-alive PING may come, two seconds into a connection, before what is awaited. */
    private static final Pattern KEEP_ALIVE_THEN_PONG = Pattern.compile("\\A(?:PING\r\n)?PONG\r\n");

    private final NKeySeed proxy = NKeySeed.generate(NKeyType.USER);
    private final NKeySeed other = NKeySeed.generate(NKeyType.USER);
    private final NKeySeed stranger = NKeySeed.generate(NKeyType.USER);

    private static String configuration(int monitorPort, NKeySeed... trusted) {
        List<String> keys = new ArrayList<>();
        for (NKeySeed key : trusted) {
            keys.add("{key: \"" + key.publicKey().encoded() + "\"}");
        }
        return "http: \"127.0.0.1:" + monitorPort + "\"\n"
                + "proxies { trusted: [" + String.join(", ", keys) + "] }\n"
                + "authorization { users: [\n"
                + "  {user: relayed, password: pw, proxy_required: true}\n"
                + "  {user: direct, password: pw}\n"
                + "] }\n";
    }

    @Test
    void aTrustedProxyVouchesForTheClientsItRelaysAndMonitoringNamesIt() throws Exception {
        int monitorPort = ServerProcess.freePort();
        try (ConfiguredServer server = ConfiguredServer.start(configuration(monitorPort, proxy, other));
                RawClient relayed = connect(server, "relayed-by-proxy", "relayed", proxy);
                RawClient relayedDirect = connect(server, "direct-by-other", "direct", other)) {
            relayed.expectPattern(KEEP_ALIVE_THEN_PONG);
            relayedDirect.expectPattern(KEEP_ALIVE_THEN_PONG);

            assertThat(connection(monitorPort, "open", "relayed-by-proxy").path("proxy").path("key").asText())
                    .isEqualTo(proxy.publicKey().encoded());
            assertThat(connection(monitorPort, "open", "direct-by-other").path("proxy").path("key").asText())
                    .isEqualTo(other.publicKey().encoded());
            JsonNode trusted = monitor(monitorPort, "/varz").path("proxies").path("trusted");
            assertThat(trusted.findValuesAsText("key"))
                    .containsExactly(proxy.publicKey().encoded(), other.publicKey().encoded());
        }
    }

    @Test
    void clientsWithoutATrustedSignatureAreRefusedWithNatsServersTextsAndReasons() throws Exception {
        int monitorPort = ServerProcess.freePort();
        try (ConfiguredServer server = ConfiguredServer.start(configuration(monitorPort, proxy));
                RawClient unsigned = connect(server, "unsigned", "relayed", null);
                RawClient forged = connect(server, "forged", "relayed", stranger);
                RawClient forgedDirect = connect(server, "forged-direct", "direct", stranger);
                RawClient plain = connect(server, "plain", "direct", null)) {
            unsigned.expectClose(REFUSED);
            forged.expectClose(REFUSED);
            forgedDirect.expectClose(REFUSED);
            plain.expectPattern(KEEP_ALIVE_THEN_PONG);

            assertThat(awaitClosed(monitorPort, "unsigned").path("reason").asText()).isEqualTo("Proxy Required");
            assertThat(awaitClosed(monitorPort, "forged").path("reason").asText()).isEqualTo("Proxy Not Trusted");
            assertThat(awaitClosed(monitorPort, "forged-direct").path("reason").asText())
                    .isEqualTo("Proxy Not Trusted");
            assertThat(connection(monitorPort, "open", "plain").has("proxy")).isFalse();
        }
    }

    @Test
    void aReloadThatRemovesAKeyClosesTheConnectionsItVouchedForAndNoOthers() throws Exception {
        int monitorPort = ServerProcess.freePort();
        try (ConfiguredServer server = ConfiguredServer.start(configuration(monitorPort, proxy, other));
                RawClient removed = connect(server, "via-removed", "direct", proxy);
                RawClient kept = connect(server, "via-kept", "relayed", other);
                Connection direct = Nats.connect(new Options.Builder().server(server.url())
                        .userInfo("direct", "pw").connectionName("jnats-direct").build())) {
            removed.expectPattern(KEEP_ALIVE_THEN_PONG);
            kept.expectPattern(KEEP_ALIVE_THEN_PONG);

            ReloadResult reload = server.reload(configuration(monitorPort, other));
            assertThat(reload).isInstanceOf(ReloadResult.Reloaded.class);

            assertThat(removed.readUntilClosed()).matches("(?:PING\r\n)*" + Pattern.quote(REFUSED));
            assertThat(awaitClosed(monitorPort, "via-removed").path("reason").asText())
                    .isEqualTo("Proxy Not Trusted");
            assertThat(awaitClosed(monitorPort, "via-removed").path("proxy").path("key").asText())
                    .isEqualTo(proxy.publicKey().encoded());
            kept.send("PING\r\n").expectPattern(KEEP_ALIVE_THEN_PONG);
            assertThat(direct.getStatus()).isEqualTo(Connection.Status.CONNECTED);
            direct.flush(WAIT);
            assertThat(monitor(monitorPort, "/varz").path("proxies").path("trusted").findValuesAsText("key"))
                    .containsExactly(other.publicKey().encoded());
        }
    }

    @Test
    void varzShowsAProxiesBlockWithoutKeysAsAnEmptyObjectAndNoBlockAsNothing() throws Exception {
        for (String proxies : List.of("proxies {}\n", "proxies { trusted: [] }\n")) {
            // A port of its own per server: the client's pooled connection to the last one would be stale.
            int monitorPort = ServerProcess.freePort();
            try (ConfiguredServer ignored = ConfiguredServer.start(monitoring(monitorPort) + proxies)) {
                JsonNode varz = monitor(monitorPort, "/varz");
                assertThat(varz.has("proxies")).as(proxies).isTrue();
                assertThat(varz.path("proxies").isObject()).isTrue();
                assertThat(varz.path("proxies").size()).as("as nats-server's omitempty trusted list").isZero();
            }
        }
        int monitorPort = ServerProcess.freePort();
        try (ConfiguredServer ignored = ConfiguredServer.start(monitoring(monitorPort))) {
            assertThat(monitor(monitorPort, "/varz").has("proxies")).isFalse();
        }
    }

    private static String monitoring(int monitorPort) {
        return "http: \"127.0.0.1:" + monitorPort + "\"\n";
    }
}
