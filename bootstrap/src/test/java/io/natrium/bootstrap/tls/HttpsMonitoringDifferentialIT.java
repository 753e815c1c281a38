package io.natrium.bootstrap.tls;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;
import io.natrium.testkit.tls.TlsFiles;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * HTTPS monitoring ({@code https: host:port} with the client port's {@code tls} block, {@code verify} on) on
 * nats-server 2.9.10 and Natrium with the same generated certificates: the endpoints answer over HTTPS without a
 * client certificate, /varz reports the port, a plain HTTP request and bytes that are not TLS get the same answer
 * and log line, and the configurations nats-server refuses to start with are refused alike.
 */
class HttpsMonitoringDifferentialIT {

    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final List<String> ENDPOINTS = List.of("/varz", "/connz", "/routez", "/gatewayz", "/leafz",
            "/subsz", "/accountz", "/accstatz", "/jsz", "/healthz");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path directory;
    private static TlsFiles files;
    private static final List<ServerProcess> STARTED = new ArrayList<>();
    /** nats-server, then Natrium; each with its HTTPS monitoring port. */
    private static final ServerProcess[] SERVERS = new ServerProcess[2];
    private static final int[] HTTPS_PORTS = new int[2];
    private static HttpClient https;

    @BeforeAll
    static void startBoth() throws Exception {
        files = TlsFiles.create(directory);
        List<Path> executables = List.of(ExternalTools.natsServer(), ServerProcess.natriumLauncher());
        for (int i = 0; i < 2; i++) {
            HTTPS_PORTS[i] = ServerProcess.freePort();
            Path config = Files.writeString(directory.resolve("https-" + i + ".conf"), tlsBlock()
                    + "https: \"127.0.0.1:" + HTTPS_PORTS[i] + "\"\n");
            SERVERS[i] = ServerProcess.start(executables.get(i), List.of("-c", config.toString()),
                    Duration.ofSeconds(i == 0 ? 10 : 60));
            STARTED.add(SERVERS[i]);
        }
        https = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).sslContext(files.clientContext())
                .connectTimeout(LIMIT).build();
    }

    @AfterAll
    static void stopAll() throws InterruptedException {
        for (ServerProcess server : STARTED) {
            server.close();
        }
    }

    @Test
    void theEndpointsAnswerOverHttpsWithoutAClientCertificateUnderVerify() throws Exception {
        for (String path : ENDPOINTS) {
            HttpResponse<String> reference = get(0, path);
            HttpResponse<String> natrium = get(1, path);

            assertThat(natrium.statusCode()).as(path).isEqualTo(reference.statusCode()).isEqualTo(200);
            assertThat(natrium.headers().firstValue("Content-Type"))
                    .isEqualTo(reference.headers().firstValue("Content-Type"));
            assertThat(keys(JSON.readTree(natrium.body()))).as(path)
                    .containsAll(keys(JSON.readTree(reference.body())));
        }
    }

    @Test
    void varzReportsTheHttpsPortAndNoHttpPort() throws Exception {
        for (int i = 0; i < 2; i++) {
            JsonNode varz = JSON.readTree(get(i, "/varz").body());

            assertThat(varz.path("https_port").asInt()).as("%s", SERVERS[i]).isEqualTo(HTTPS_PORTS[i]);
            assertThat(varz.path("http_port").asInt()).isZero();
            assertThat(varz.path("http_host").asText()).isEqualTo("127.0.0.1");
            assertThat(varz.path("tls_verify").asBoolean()).isTrue();
        }
    }

    @Test
    void aPlainHttpRequestGetsGosClearTextRefusal() throws Exception {
        byte[] request = "GET /varz HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

        String reference = exchange(HTTPS_PORTS[0], request);
        String natrium = exchange(HTTPS_PORTS[1], request);

        assertThat(natrium).isEqualTo(reference)
                .isEqualTo("HTTP/1.0 400 Bad Request\r\n\r\nClient sent an HTTP request to an HTTPS server.\n<closed>");
    }

    @Test
    void bytesThatAreNotTlsAreDroppedAndLoggedAlike() throws Exception {
        byte[] garbage = "HELLO there, not TLS\r\n".getBytes(StandardCharsets.US_ASCII);
        List<String> logged = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            try (Socket socket = new Socket("127.0.0.1", HTTPS_PORTS[i])) {
                socket.getOutputStream().write(garbage);
                assertThat(readUntilClosed(socket)).isEqualTo("<closed>");
                String client = "from 127.0.0.1:" + socket.getLocalPort() + ":";
                logged.add(awaitLine(SERVERS[i], client).replace(client, "from <client>:"));
            }
        }
        assertThat(logged.get(1)).isEqualTo(logged.get(0)).isEqualTo("[ERR] monitoring: TLS handshake error from "
                + "<client>: tls: first record does not look like a TLS handshake");
    }

    @Test
    void httpsWithoutATlsBlockIsRefusedAtStartAlike() throws Exception {
        Path config = Files.writeString(directory.resolve("no-tls.conf"), "https_port: " + ServerProcess.freePort()
                + "\n");

        assertBothRefuse(List.of("-c", config.toString()),
                "Can't start monitoring: TLS cert and key required for HTTPS");
    }

    @Test
    void httpAndHttpsTogetherAreRefusedAtStartAlike() throws Exception {
        Path config = Files.writeString(directory.resolve("both.conf"), tlsBlock());
        int http = ServerProcess.freePort();
        int secure = ServerProcess.freePort();

        assertBothRefuse(List.of("-c", config.toString(), "-m", Integer.toString(http), "-ms",
                Integer.toString(secure)),
                "Can't start monitoring: can't specify both HTTP (" + http + ") and HTTPs (" + secure + ") ports");
    }

    private static String tlsBlock() {
        return "tls { cert_file: \"" + files.serverCert() + "\", key_file: \"" + files.serverKey() + "\", ca_file: \""
                + files.caFile() + "\", verify: true }\n";
    }

    private static void assertBothRefuse(List<String> arguments, String reason) throws Exception {
        List<Path> executables = List.of(ExternalTools.natsServer(), ServerProcess.natriumLauncher());
        for (Path executable : executables) {
            List<String> command = new ArrayList<>(List.of(executable.toString(), "-a", "127.0.0.1", "-p",
                    Integer.toString(ServerProcess.freePort())));
            command.addAll(arguments);
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(process.waitFor()).as(output).isEqualTo(1);
            assertThat(output).as("%s", executable).contains("[FTL] " + reason).doesNotContain("Server is ready");
        }
    }

    private static HttpResponse<String> get(int server, String path) throws IOException, InterruptedException {
        URI uri = URI.create("https://localhost:" + HTTPS_PORTS[server] + path);
        return https.send(HttpRequest.newBuilder(uri).timeout(LIMIT).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Set<String> keys(JsonNode node) {
        Set<String> keys = new TreeSet<>();
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            keys.add(names.next());
        }
        return keys;
    }

    private static String exchange(int port, byte[] input) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.getOutputStream().write(input);
            return readUntilClosed(socket);
        }
    }

    /** What the server sends until it closes, then {@code <closed>}; {@code <open>} if it has not within the limit. */
    private static String readUntilClosed(Socket socket) throws IOException {
        socket.setSoTimeout((int) LIMIT.toMillis());
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[4096];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                received.write(buffer, 0, n);
            }
        } catch (SocketTimeoutException e) {
            return received.toString(StandardCharsets.ISO_8859_1) + "<open>";
        } catch (IOException e) {
            // A reset after the answer: the connection is closed all the same.
        }
        return received.toString(StandardCharsets.ISO_8859_1) + "<closed>";
    }

    /** The first log line naming {@code client}, without its PID and time. */
    private static String awaitLine(ServerProcess server, String client) throws Exception {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (true) {
            List<String> lines = Files.readString(server.log(), StandardCharsets.ISO_8859_1).lines()
                    .filter(line -> line.contains(client)).toList();
            if (!lines.isEmpty()) {
                String line = lines.get(0);
                return line.substring(line.indexOf(" [") + 1);
            }
            assertThat(System.nanoTime()).as("a line naming %s in %s", client, server.log()).isLessThan(deadline);
            Thread.sleep(10);
        }
    }
}
