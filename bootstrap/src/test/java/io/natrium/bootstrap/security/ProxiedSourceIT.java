package io.natrium.bootstrap.security;

import static io.natrium.bootstrap.security.SecureClients.connect;
import static io.natrium.bootstrap.security.SecureClients.flush;
import static io.natrium.bootstrap.security.SecureClients.next;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.bootstrap.ConfiguredServer;
import io.natrium.domain.auth.NKeySeed;
import io.natrium.domain.auth.NKeyType;
import io.natrium.testkit.RawClient;
import io.natrium.testkit.jwt.TestJwt;
import io.natrium.testkit.jwt.TestNKey;
import io.nats.client.Connection;
import io.nats.client.Subscription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PROXY protocol in operator mode, beside trusted proxies: the address a v1 or v2 header names is the one a user
 * JWT's {@code src} networks are checked against (an address inside them is let in, one outside refused, as is a
 * client without a header from the socket's own address) and the one the CONNECT event gives; a header does not stand
 * for a trusted proxy, whose signature a {@code proxy_required} user still needs. nats-server 2.9.10 has neither
 * feature (2.12 brought them): the expected behaviour is its current source's ({@code validateSrc} on the client's
 * host, which the header sets; {@code proxyCheck}).
 */
class ProxiedSourceIT {

    private static final TestNKey SYSTEM = TestNKey.account();
    private static final TestNKey APP = TestNKey.account();
    private static final NKeySeed PROXY = NKeySeed.generate(NKeyType.USER);
    private static final NKeySeed STRANGER = NKeySeed.generate(NKeyType.USER);
    private static final String VIOLATION = "-ERR 'Authorization Violation'\r\n";
    /** The server's first keep-alive PING may come, two seconds into a connection, before what is awaited. */
    private static final Pattern PONG = Pattern.compile("\\A(?:PING\r\n)?PONG\r\n");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static OperatorCalloutFixture fixture;
    private static ConfiguredServer server;

    @BeforeAll
    static void start() throws Exception {
        fixture = new OperatorCalloutFixture(Files.createTempDirectory("natrium-proxied-source-"));
        String operator = TestJwt.operator(fixture.operator, "ops", Map.of("system_account", SYSTEM.publicKey()));
        server = ConfiguredServer.start("operator: \"" + operator + "\"\nresolver: MEMORY\nresolver_preload: {\n"
                + "  " + SYSTEM.publicKey() + ": \"" + fixture.account(SYSTEM, "SYS", Map.of()) + "\"\n"
                + "  " + APP.publicKey() + ": \"" + fixture.account(APP, "APP", Map.of()) + "\"\n}\n"
                + "proxy_protocol: true\n"
                + "proxies { trusted: [{key: \"" + PROXY.publicKey().encoded() + "\"}] }\n");
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "PROXY v{0}")
    @ValueSource(ints = {1, 2})
    void aUserOfASourceNetworkIsLetInOnlyFromAnAddressInItAsTheProxyNamesIt(int version) throws Exception {
        String limited = user(Map.of("src", List.of("203.0.113.0/24")));

        try (RawClient inside = proxied(header(version, "203.0.113.9"), limited, null)) {
            inside.expectPattern(PONG);
        }
        try (RawClient outside = proxied(header(version, "198.51.100.4"), limited, null)) {
            assertThat(outside.readUntilClosed()).isEqualTo(VIOLATION);
        }
        try (RawClient direct = proxied(new byte[0], limited, null)) {
            assertThat(direct.readUntilClosed()).as("from 127.0.0.1, its own address").isEqualTo(VIOLATION);
        }
    }

    @Test
    void theConnectEventNamesTheAddressTheProxyGave() throws Exception {
        try (Connection system = connect(fixture.creds(server, SYSTEM, TestNKey.user(), "system"))) {
            Subscription events = system.subscribe("$SYS.ACCOUNT." + APP.publicKey() + ".CONNECT");
            flush(system);

            try (RawClient client = proxied(header(2, "2001:db8::7"), user(Map.of()), null)) {
                client.expectPattern(PONG);
                JsonNode event = JSON.readTree(next(events).getData());
                assertThat(event.path("client").path("host").asText()).isEqualTo("2001:db8::7");
            }
        }
    }

    @Test
    void aHeaderIsNoProxySignatureAProxyRequiredUserNeedsATrustedOne() throws Exception {
        String required = user(Map.of("proxy_required", true));

        try (RawClient vouched = proxied(header(1, "203.0.113.9"), required, PROXY)) {
            vouched.expectPattern(PONG);
        }
        try (RawClient untrusted = proxied(header(1, "203.0.113.9"), required, STRANGER)) {
            assertThat(untrusted.readUntilClosed()).isEqualTo(VIOLATION);
        }
        try (RawClient unsigned = proxied(header(2, "203.0.113.9"), required, null)) {
            assertThat(unsigned.readUntilClosed()).isEqualTo(VIOLATION);
        }
    }

    /** A bearer user of APP (no nonce to sign) with {@code more} in its claims. */
    private static String user(Map<String, Object> more) {
        Map<String, Object> nats = new LinkedHashMap<>(TestJwt.unlimitedUser());
        nats.put("bearer_token", true);
        nats.putAll(more);
        return TestJwt.user(APP, TestNKey.user(), "proxied", nats, 0);
    }

    /**
     * Reads INFO, then sends {@code header}, a CONNECT with the user JWT and {@code proxy}'s signature of the nonce as
     * a trusted proxy signs it (none when null), and a PING.
     */
    private static RawClient proxied(byte[] header, String jwt, NKeySeed proxy) throws Exception {
        RawClient client = RawClient.connect("127.0.0.1", server.port());
        String info = client.expectPattern(RawClient.INFO).group();
        String nonce = JSON.readTree(info.substring("INFO ".length()).trim()).path("nonce").asText();
        String signature = proxy == null ? "" : ",\"proxy_sig\":\"" + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(proxy.sign(nonce.getBytes(UTF_8))) + "\"";
        ByteArrayOutputStream sent = new ByteArrayOutputStream();
        sent.write(header);
        sent.write(("CONNECT {\"verbose\":false,\"jwt\":\"" + jwt + "\"" + signature + "}\r\nPING\r\n")
                .getBytes(UTF_8));
        client.send(sent.toByteArray());
        return client;
    }

    /** A PROXY header of {@code version} for a client at {@code source}, port 40001. */
    private static byte[] header(int version, String source) throws Exception {
        InetAddress address = InetAddress.getByName(source);
        boolean six = address.getAddress().length == 16;
        if (version == 1) {
            return ("PROXY " + (six ? "TCP6 " : "TCP4 ") + source + (six ? " ::1 " : " 127.0.0.1 ") + "40001 "
                    + server.port() + "\r\n").getBytes(UTF_8);
        }
        int size = six ? 36 : 12;
        ByteBuffer v2 = ByteBuffer.allocate(16 + size);
        v2.put(new byte[] {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A});
        v2.put((byte) 0x21).put((byte) (six ? 0x21 : 0x11)).putShort((short) size);
        v2.put(address.getAddress()).put(new byte[address.getAddress().length]);
        v2.putShort((short) 40001).putShort((short) server.port());
        return v2.array();
    }
}
