package io.natrium.bootstrap.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.tls.TlsFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code proxy_protocol: true}: clients relayed by a load balancer that speaks HAProxy's PROXY protocol are seen from
 * the address the proxy names, in /connz; clients that come without a header are served as before, in clear text or
 * TLS ({@code allow_non_tls}: whether a client starts TLS is judged on what follows the header); a bad header is
 * logged and closes the connection with nats-server's reason. nats-server 2.9.10 has no PROXY protocol (it came in
 * 2.12): the expected behaviour is its current source's (server/client_proxyproto.go, server/server.go).
 */
class ProxyProtocolIT {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final byte[] V2_SIGNATURE =
        {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A};
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ServerProcess server;
    private static TlsFiles tls;
    private static int monitorPort;

    @BeforeAll
    static void startServer() throws Exception {
        monitorPort = ServerProcess.freePort();
        Path config = Files.createTempFile("natrium-proxy-", ".conf");
        tls = TlsFiles.create(Files.createTempDirectory("natrium-proxy-tls-"));
        Files.writeString(config, "proxy_protocol: true\nhttp: \"127.0.0.1:" + monitorPort + "\"\n"
                + "allow_non_tls: true\ntls { cert_file: \"" + tls.serverCert() + "\", key_file: \""
                + tls.serverKey() + "\" }\n");
        server = ServerProcess.start(ServerProcess.natriumLauncher(), List.of("-c", config.toString()),
                Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void saysAtStartThatThePortExpectsProxies() throws Exception {
        String log = Files.readString(server.log());

        assertThat(log).contains("[INF] PROXY protocol enabled for client connections");
        assertThat(log.indexOf("Listening for client connections"))
                .isLessThan(log.indexOf("PROXY protocol enabled"));
    }

    @Test
    void aVersionOneClientIsSeenFromTheAddressItsProxyNamed() throws Exception {
        try (RawClient client = RawClient.connect("127.0.0.1", server.port())) {
            String info = client.expectPattern(RawClient.INFO).group();
            assertThat(info).as("the proxy's address is not the client's to see").doesNotContain("client_ip");

            client.send("PROXY TCP4 203.0.113.9 127.0.0.1 40001 " + server.port() + "\r\n"
                    + "CONNECT {\"verbose\":false,\"name\":\"behind-v1\"}\r\nPING\r\n").expect("PONG\r\n");

            JsonNode connection = connection("behind-v1");
            assertThat(connection.path("ip").asText()).isEqualTo("203.0.113.9");
            assertThat(connection.path("port").asInt()).isEqualTo(40001);
        }
    }

    @Test
    void aVersionTwoClientIsSeenFromItsIpv6Address() throws Exception {
        ByteBuffer address = ByteBuffer.allocate(36);
        address.put(InetAddress.getByName("2001:db8::7").getAddress()).put(new byte[16]);
        address.putShort((short) 50002).putShort((short) server.port());
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(V2_SIGNATURE);
        header.write(new byte[] {0x21, 0x21, 0, 36});
        header.write(address.array());
        header.write("CONNECT {\"verbose\":false,\"name\":\"behind-v2\"}\r\nPING\r\n".getBytes(StandardCharsets.UTF_8));

        try (RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
            client.send(header.toByteArray()).expect("PONG\r\n");

            JsonNode connection = connection("behind-v2");
            assertThat(connection.path("ip").asText()).isEqualTo("2001:db8::7");
            assertThat(connection.path("port").asInt()).isEqualTo(50002);
        }
    }

    @Test
    void aTlsClientBehindAProxyHandshakesAfterTheHeader() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) WAIT.toMillis());
            InputStream plain = socket.getInputStream();
            assertThat(readLine(plain)).startsWith("INFO ").contains("\"tls_available\":true");
            socket.getOutputStream().write(("PROXY TCP4 198.51.100.4 127.0.0.1 40003 " + server.port() + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));

            try (SSLSocket secured = (SSLSocket) trusting(tls).getSocketFactory().createSocket(socket, "localhost",
                    server.port(), true)) {
                secured.startHandshake();
                secured.getOutputStream().write("CONNECT {\"verbose\":false,\"name\":\"behind-tls\"}\r\nPING\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                assertThat(readLine(secured.getInputStream())).isEqualTo("PONG");

                JsonNode connection = connection("behind-tls");
                assertThat(connection.path("ip").asText()).isEqualTo("198.51.100.4");
                assertThat(connection.path("tls_version").asText()).isEqualTo("1.3");
            }
        }
    }

    @Test
    void aClientThatCameWithoutAProxyIsServedFromItsOwnAddress() throws Exception {
        try (RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
            client.send("CONNECT {\"verbose\":false,\"name\":\"direct\"}\r\nSUB a 1\r\nPUB a 2\r\nhi\r\nPING\r\n")
                    .expect("MSG a 1 2\r\nhi\r\nPONG\r\n");

            JsonNode connection = connection("direct");
            assertThat(connection.path("ip").asText()).isEqualTo("127.0.0.1");
            assertThat(connection.path("port").asInt()).isEqualTo(client.localPort());
        }
    }

    /** Malformed v1 and v2 headers, and the error nats-server's reader gives for each. */
    static Stream<Arguments> malformedHeaders() {
        return Stream.of(
                Arguments.of("v1 address", "PROXY TCP4 somewhere 127.0.0.1 1 2\r\n".getBytes(StandardCharsets.US_ASCII),
                        "invalid PROXY protocol header: invalid address"),
                Arguments.of("v2 version", v2(0x31, 0x11), "invalid PROXY protocol header: invalid version 0x30"),
                Arguments.of("v2 command", v2(0x22, 0x11), "unknown PROXY protocol command: 0x02"),
                Arguments.of("v2 over UDP", v2(0x21, 0x12),
                        "unsupported PROXY protocol feature: only STREAM protocol supported"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedHeaders")
    void aMalformedHeaderIsLoggedAndClosesTheConnectionAsAProtocolViolation(String name, byte[] header, String error)
            throws Exception {
        try (RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
            int localPort = client.localPort();
            ByteArrayOutputStream sent = new ByteArrayOutputStream();
            sent.write(header);
            sent.write("CONNECT {}\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            client.send(sent.toByteArray());

            assertThat(client.readUntilClosed()).as("closed without an -ERR, as nats-server does").isEmpty();
            String line = "[WRN] Error reading PROXY protocol header from 127.0.0.1:" + localPort + ": " + error;
            server.awaitLog(Pattern.compile(Pattern.quote(line) + "$", Pattern.MULTILINE), WAIT);
            JsonNode closed = awaitConnz("state=closed", connz -> find(connz, "port", localPort) != null);
            assertThat(find(closed, "port", localPort).path("reason").asText()).isEqualTo("Protocol Violation");
        }
    }

    /** A v2 header for an IPv4 address block with this version/command and family/protocol byte. */
    private static byte[] v2(int versionAndCommand, int familyAndProtocol) {
        ByteBuffer header = ByteBuffer.allocate(V2_SIGNATURE.length + 4 + 12);
        header.put(V2_SIGNATURE).put((byte) versionAndCommand).put((byte) familyAndProtocol).putShort((short) 12);
        header.put(new byte[] {(byte) 203, 0, 113, 9, 127, 0, 0, 1}).putShort((short) 40010).putShort((short) 4222);
        return header.array();
    }

    private static SSLContext trusting(TlsFiles files) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", files.authority().certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }

    private static String readLine(InputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            assertThat(c).as("the connection closed after " + line).isNotNegative();
            line.append((char) c);
        }
        return line.toString().strip();
    }

    private static JsonNode connection(String name) throws Exception {
        return find(awaitConnz("", connz -> find(connz, "name", name) != null), "name", name);
    }

    private static JsonNode find(JsonNode connz, String field, Object value) {
        for (JsonNode connection : connz.path("connections")) {
            if (connection.path(field).asText().equals(String.valueOf(value))) {
                return connection;
            }
        }
        return null;
    }

    private static JsonNode awaitConnz(String query, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode connz;
        do {
            HttpRequest request = HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + monitorPort + "/connz?" + query)).timeout(WAIT).build();
            connz = JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
            if (condition.test(connz)) {
                return connz;
            }
            Thread.sleep(20);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("/connz?" + query + " never showed it: " + connz);
    }
}
