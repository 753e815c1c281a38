package io.natrium.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Memory pressure in a small container: the server runs through its launcher with a small heap and a small cap on
 * direct memory, where pending data lives. Subscribers that never read pile up more than that memory holds; they,
 * and only they, are cut as slow consumers, while the publisher stays connected and a subscriber that reads gets
 * every message. (Without a server-wide limit, the allocation failure hit the publisher, closed as a protocol
 * violation, and the reading subscriber lost what was left.)
 */
class MemoryPressureIT {

    private static final Map<String, String> SMALL_CONTAINER =
            Map.of("NATRIUM_JAVA_OPTS", "-Xmx128m -XX:MaxDirectMemorySize=64m");
    private static final Duration FIRST_START = Duration.ofSeconds(120);
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final int STALLED = 10;
    private static final int PAYLOAD = 4096;
    /**
     * 32 MiB to every subscriber: ten stalled ones would pile up far more than the 64 MiB of direct memory, and the
     * last one left still more than the server lets all clients hold together (a quarter of it).
     */
    private static final int MESSAGES = 8192;
    private static final int BATCH = 64;
    private static final Pattern PONG = Pattern.compile("\\A(?:PING\r\n)?PONG\r\n");

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void stalledSubscribersAreCutWhileTheReadingOneGetsEveryMessageAndThePublisherStays() throws Exception {
        int monitorPort = ServerProcess.freePort();
        List<RawClient> stalled = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(ServerProcess.natriumLauncher(),
                List.of("-m", Integer.toString(monitorPort)), SMALL_CONTAINER, FIRST_START);
                CountingSubscriber healthy = CountingSubscriber.subscribe(server.port());
                RawClient publisher = client(server.port(), "publisher", 0)) {
            for (int i = 0; i < STALLED; i++) {
                RawClient subscriber = client(server.port(), "stalled-" + i, 4096);
                stalled.add(subscriber);
                subscriber.send("SUB data 1\r\nPING\r\n").expectPattern(PONG);
            }

            String pub = "PUB data " + PAYLOAD + "\r\n" + "m".repeat(PAYLOAD) + "\r\n";
            String batch = pub.repeat(BATCH);
            for (int sent = 0; sent < MESSAGES; sent += BATCH) {
                publisher.send(batch);
            }
            publisher.send("PING\r\n").expectPattern(PONG);

            assertThat(healthy.received(MESSAGES, WAIT)).as("messages the reading subscriber got")
                    .isEqualTo(MESSAGES);
            JsonNode varz = awaitVarz(monitorPort, STALLED);
            assertThat(varz.get("slow_consumers").asLong()).isEqualTo(STALLED);
            Map<String, String> closed = closedReasons(monitorPort);
            // The server's readiness probe, a connection with no name, is listed too.
            closed.remove("");
            assertThat(closed).as("closed connections and why").hasSize(STALLED)
                    .containsValue("Slow Consumer (Pending Bytes)").allSatisfy((name, reason) -> {
                        assertThat(name).startsWith("stalled-");
                        assertThat(reason).startsWith("Slow Consumer");
                    });
            publisher.send("PING\r\n").expectPattern(PONG);
            String log = Files.readString(server.log());
            assertThat(log).as("the server's log: the limit, not a failed allocation, cut them")
                    .contains("Pending data of all clients reached the limit")
                    .doesNotContain("OutOfMemoryError", "unexpected error", "no direct memory left");
        } finally {
            for (RawClient subscriber : stalled) {
                subscriber.abort();
            }
        }
    }

    private static RawClient client(int port, String name, int receiveBuffer) throws IOException {
        RawClient client = RawClient.connect("127.0.0.1", port, receiveBuffer);
        client.expectPattern(RawClient.INFO);
        client.send("CONNECT {\"verbose\":false,\"name\":\"" + name + "\"}\r\nPING\r\n").expectPattern(PONG);
        return client;
    }

    /** /varz once it counts {@code slowConsumers}; as it is after {@link #WAIT} otherwise. */
    private JsonNode awaitVarz(int monitorPort, long slowConsumers) throws Exception {
        long deadline = System.nanoTime() + WAIT.toNanos();
        JsonNode varz = get(monitorPort, "/varz");
        while (varz.get("slow_consumers").asLong() < slowConsumers && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(50);
            varz = get(monitorPort, "/varz");
        }
        return varz;
    }

    private Map<String, String> closedReasons(int monitorPort) throws Exception {
        Map<String, String> reasons = new TreeMap<>();
        for (JsonNode connection : get(monitorPort, "/connz?state=closed").get("connections")) {
            reasons.put(connection.path("name").asText(), connection.path("reason").asText());
        }
        return reasons;
    }

    private JsonNode get(int monitorPort, String path) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + monitorPort + path)).GET()
                .build();
        return json.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
    }

    /** A subscriber that reads everything on its own thread, counting MSG frames and answering PINGs. */
    private static final class CountingSubscriber implements AutoCloseable {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final Thread reader;
        private volatile long count;
        private final CompletableFuture<Void> ended = new CompletableFuture<>();

        private CountingSubscriber(Socket socket) throws IOException {
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream(), 65536);
            this.out = socket.getOutputStream();
            this.reader = new Thread(this::read, "counting-subscriber");
            reader.setDaemon(true);
        }

        static CountingSubscriber subscribe(int port) throws IOException {
            Socket socket = new Socket();
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            CountingSubscriber subscriber = new CountingSubscriber(socket);
            subscriber.out.write("CONNECT {\"verbose\":false,\"name\":\"healthy\"}\r\nSUB data 1\r\nPING\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            assertThat(subscriber.line()).startsWith("INFO ");
            assertThat(subscriber.line()).isEqualTo("PONG");
            subscriber.reader.start();
            return subscriber;
        }

        /** Waits until {@code expected} messages arrived (or the connection ended, or the wait is over). */
        long received(long expected, Duration wait) throws InterruptedException {
            long deadline = System.nanoTime() + wait.toNanos();
            while (count < expected && !ended.isDone() && System.nanoTime() < deadline) {
                TimeUnit.MILLISECONDS.sleep(20);
            }
            return count;
        }

        private void read() {
            try {
                for (String line = line(); line != null; line = line()) {
                    if (line.startsWith("MSG ")) {
                        int size = Integer.parseInt(line.substring(line.lastIndexOf(' ') + 1));
                        in.skipNBytes(size + 2);
                        count++;
                    } else if (line.equals("PING")) {
                        out.write("PONG\r\n".getBytes(StandardCharsets.US_ASCII));
                    }
                }
            } catch (IOException closed) {
                // The count says how far it got.
            } finally {
                ended.complete(null);
            }
        }

        /** The next line without its CRLF; null at the end of the stream. */
        private String line() throws IOException {
            StringBuilder line = new StringBuilder();
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == '\n') {
                    return line.substring(0, line.length() - 1);
                }
                line.append((char) b);
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
