package io.natrium.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.domain.auth.NKeySeed;
import io.natrium.domain.auth.NKeyType;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import com.fasterxml.jackson.databind.JsonNode;

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

    private static final String REFUSED = "-ERR 'Authorization Violation'\r\n";
    /** The server's first keep-alive PING may come before the PONG. */
    private static final Pattern PONG = Pattern.compile("\\A(?:PING\r\n)?PONG\r\n");
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

    private static RawClient connect(String name, String user, boolean relayed) throws Exception {
        return ProxiedClients.connect(server, name, user, relayed ? PROXY : null);
    }

    private static JsonNode open(String name) throws Exception {
        JsonNode found = ProxiedClients.connection(monitorPort, "open", name);
        assertThat(found).as("%s among the open connections", name).isNotNull();
        return found;
    }

    private static JsonNode awaitClosed(String name) throws Exception {
        return ProxiedClients.awaitClosed(monitorPort, name);
    }
}
