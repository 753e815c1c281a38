package io.natrium.bootstrap.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;

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
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A readiness probe under {@code max_connections: 1}: a client connects and closes at once, and the real client
 * connects right after, as client test suites do with the server they launch. The probe's socket is closed before the
 * real client connects, so it must not count against the limit when the real client is judged. nats-server's read
 * loop sees the probe's end at once (it accepted the real client every time in 20 tries, and about 90% of them with
 * no pause between tries, where the previous real client's close is still on its way too); Natrium lets every close
 * that has reached it be reported before it turns a client away, so it accepts the real client every time, pause or
 * no pause.
 */
class MaxConnectionsProbeDifferentialIT {

    private static final int TRIES = 20;
    private static final Duration READY = Duration.ofSeconds(60);
    private static final Pattern CONNECTIONS = Pattern.compile("\"connections\":\\s*(\\d+)");

    @TempDir
    Path dir;

    @Test
    void aClientRightAfterAProbeThatClosedIsAcceptedUnderMaxConnectionsOne() throws Exception {
        Path natsServer = ExternalTools.natsServer();
        Path config = Files.writeString(dir.resolve("max-connections.conf"), "max_connections: 1\n");

        Outcome reference = play(natsServer, config);
        Outcome natrium = play(ServerProcess.natriumLauncher(), config);

        String comparison = "nats-server " + reference + ", Natrium " + natrium;
        // The script works: the reference accepts clients after probes (it did every time in 20 tries).
        assertThat(reference.acceptedAfterPause).as(comparison).isPositive();
        assertThat(natrium.acceptedAfterPause).as(comparison).isEqualTo(TRIES);
        // With no pause the probe's close can still be on its way when the next client arrives, for nats-server too
        // (it refuses about one client in ten then): Natrium may not do worse than it by more than one try.
        assertThat(natrium.acceptedAtOnce).as(comparison).isGreaterThanOrEqualTo(reference.acceptedAtOnce - 1);
    }

    /** 20 tries with the previous client's close seen by the server first, then 20 with no pause at all. */
    private static Outcome play(Path executable, Path config) throws Exception {
        int monitorPort = ServerProcess.freePort();
        try (ServerProcess server = ServerProcess.start(executable,
                List.of("-c", config.toString(), "-m", Integer.toString(monitorPort)), READY)) {
            awaitNoConnections(monitorPort);
            int afterPause = 0;
            for (int i = 0; i < TRIES; i++) {
                if (probeThenClient(server.port())) {
                    afterPause++;
                }
                awaitNoConnections(monitorPort);
            }
            int atOnce = 0;
            for (int i = 0; i < TRIES; i++) {
                if (probeThenClient(server.port())) {
                    atOnce++;
                }
            }
            return new Outcome(afterPause, atOnce);
        }
    }

    /**
     * Connects and closes at once, then connects a client that sends CONNECT and PING: true when it gets PONG,
     * false when it is turned away with {@code maximum connections exceeded}.
     */
    private static boolean probeThenClient(int port) throws IOException {
        try (Socket probe = new Socket()) {
            probe.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
        }
        try (Socket client = new Socket()) {
            client.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            client.setSoTimeout(30_000);
            OutputStream out = client.getOutputStream();
            out.write("CONNECT {\"verbose\":false}\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String seen = readUntilAnswer(client.getInputStream());
            if (seen.contains("PONG\r\n")) {
                return true;
            }
            assertThat(seen).as("a client not admitted is turned away for max_connections")
                    .contains("-ERR 'maximum connections exceeded'");
            return false;
        }
    }

    /** Reads until PONG, an error, or the end of the connection; returns what was read. */
    private static String readUntilAnswer(InputStream in) throws IOException {
        StringBuilder seen = new StringBuilder();
        byte[] buffer = new byte[4096];
        while (seen.indexOf("PONG\r\n") < 0 && seen.indexOf("-ERR") < 0) {
            int read;
            try {
                read = in.read(buffer);
            } catch (IOException reset) {
                break;
            }
            if (read < 0) {
                break;
            }
            seen.append(new String(buffer, 0, read, StandardCharsets.US_ASCII));
        }
        return seen.toString();
    }

    /** Waits until /varz reports no client connection: the previous try's client has been seen leaving. */
    private static void awaitNoConnections(int monitorPort) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + monitorPort + "/varz"))
                .timeout(Duration.ofSeconds(30)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String body = "";
        while (System.nanoTime() < deadline) {
            body = http.send(request, HttpResponse.BodyHandlers.ofString()).body();
            Matcher connections = CONNECTIONS.matcher(body);
            if (connections.find() && connections.group(1).equals("0")) {
                return;
            }
            TimeUnit.MILLISECONDS.sleep(5);
        }
        throw new AssertionError("the server still counts a client a minute after it left: " + body);
    }

    /** How many of the tries had their client accepted. */
    private record Outcome(int acceptedAfterPause, int acceptedAtOnce) {

        @Override
        public String toString() {
            return "accepted " + acceptedAfterPause + "/" + TRIES + " after a pause and " + acceptedAtOnce + "/" + TRIES
                    + " at once";
        }
    }
}
