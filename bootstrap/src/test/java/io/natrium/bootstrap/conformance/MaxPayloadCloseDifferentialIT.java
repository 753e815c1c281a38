package io.natrium.bootstrap.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.testkit.ExternalTools;
import io.natrium.testkit.ServerProcess;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener.Events;
import io.nats.client.ErrorListener;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client that publishes past {@code max_payload}: nats-server answers {@code -ERR 'Maximum Payload Violation'} as
 * soon as it has read the size, stops reading and closes the socket with the rest of the message unread in it, so
 * the client's system gets a reset rather than an orderly end: jnats reports a {@code SocketException} (its own test
 * suite expects one within 100 ms). Natrium reads in larger pieces than nats-server's first 512 bytes, so it resets
 * the connection itself when part of the refused message had arrived, and stops reading at once otherwise. Both
 * servers are played the same scripts and must give the same outcome.
 */
class MaxPayloadCloseDifferentialIT {

    private static final Duration READY = Duration.ofSeconds(60);
    private static final long WAIT_SECONDS = 30;
    private static final int MAX_PAYLOAD = 1000;
    private static final int TRIES = 5;

    @TempDir
    Path dir;

    @Test
    void jnatsSeesASocketErrorAfterPublishingOneByteOverMaxPayload() throws Exception {
        Path natsServer = ExternalTools.natsServer();
        Path config = config();
        List<String> reference = jnatsOutcomes(natsServer, config);
        List<String> natrium = jnatsOutcomes(ServerProcess.natriumLauncher(), config);

        assertThat(reference).as("nats-server").containsOnly("SocketException");
        assertThat(natrium).as("Natrium, beside nats-server's %s", reference).isEqualTo(reference);
    }

    @Test
    void aRawClientThatSentTheWholeMessageGetsTheErrorThenAReset() throws Exception {
        Path natsServer = ExternalTools.natsServer();
        Path config = config();
        List<String> reference = rawOutcomes(natsServer, config);
        List<String> natrium = rawOutcomes(ServerProcess.natriumLauncher(), config);

        assertThat(reference).as("nats-server").containsOnly("-ERR 'Maximum Payload Violation', then reset");
        assertThat(natrium).as("Natrium, beside nats-server's %s", reference).isEqualTo(reference);
    }

    private Path config() throws IOException {
        return Files.writeString(dir.resolve("max-payload.conf"), "max_payload: " + MAX_PAYLOAD + "\n");
    }

    /**
     * jnats's own check of this, tried {@value #TRIES} times on one server: a connection with its client-side size
     * check off publishes one message one byte over max_payload; the outcome is whether jnats reported a
     * {@code SocketException} by the time it saw the connection drop.
     */
    private static List<String> jnatsOutcomes(Path executable, Path config) throws Exception {
        List<String> outcomes = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(executable, List.of("-c", config.toString()), READY)) {
            for (int i = 0; i < TRIES; i++) {
                outcomes.add(jnatsOutcome(server.port()));
            }
        }
        return outcomes;
    }

    private static String jnatsOutcome(int port) throws Exception {
        Queue<Exception> exceptions = new ConcurrentLinkedQueue<>();
        CountDownLatch socketException = new CountDownLatch(1);
        CountDownLatch dropped = new CountDownLatch(1);
        Options options = new Options.Builder().server("nats://127.0.0.1:" + port)
                .connectionTimeout(Duration.ofSeconds(10)).clientSideLimitChecks(false).noReconnect()
                .errorListener(new ErrorListener() {
                    @Override
                    public void exceptionOccurred(Connection connection, Exception exception) {
                        exceptions.add(exception);
                        if (exception instanceof SocketException) {
                            socketException.countDown();
                        }
                    }
                })
                .connectionListener((connection, event) -> {
                    if (event == Events.DISCONNECTED || event == Events.CLOSED) {
                        dropped.countDown();
                    }
                }).build();
        try (Connection nats = Nats.connect(options)) {
            nats.publish("too.big", new byte[MAX_PAYLOAD + 1]);
            assertThat(dropped.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("the server closed the connection").isTrue();
            // jnats reports the exception before the disconnection; the wait only covers a report that lags.
            if (socketException.await(5, TimeUnit.SECONDS)) {
                return "SocketException";
            }
        }
        return "no SocketException: " + exceptions;
    }

    /**
     * Raw tries: CONNECT and PING answered, then one write holding the PUB line and the whole body, one byte over
     * max_payload; the outcome is what the client read and how the connection ended.
     */
    private static List<String> rawOutcomes(Path executable, Path config) throws Exception {
        List<String> outcomes = new ArrayList<>();
        try (ServerProcess server = ServerProcess.start(executable, List.of("-c", config.toString()), READY)) {
            for (int i = 0; i < TRIES; i++) {
                outcomes.add(rawOutcome(server.port()));
            }
        }
        return outcomes;
    }

    private static String rawOutcome(int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(WAIT_SECONDS));
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            readLine(in);
            out.write("CONNECT {\"verbose\":false}\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(readLine(in)).isEqualTo("PONG");
            byte[] line = ("PUB too.big " + (MAX_PAYLOAD + 1) + "\r\n").getBytes(StandardCharsets.US_ASCII);
            byte[] message = new byte[line.length + MAX_PAYLOAD + 3];
            System.arraycopy(line, 0, message, 0, line.length);
            message[message.length - 2] = '\r';
            message[message.length - 1] = '\n';
            out.write(message);
            out.flush();
            List<String> transcript = new ArrayList<>();
            try {
                transcript.add(readLine(in));
                int next = in.read();
                transcript.add(next < 0 ? "end" : "more");
            } catch (SocketException reset) {
                transcript.add("reset");
            }
            return String.join(", then ", transcript);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                return line.toString().strip();
            }
            line.append((char) b);
        }
        return line + "<end>";
    }
}
