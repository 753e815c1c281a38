package io.natrium.bootstrap.conformance;

import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import java.io.IOException;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Raw clients taking turns with one server: each turn sends its input and a PING and collects what came back up to
 * the PONG, so that several connections can be scripted in a fixed order and their transcripts compared between
 * nats-server and Natrium.
 */
final class Conversation {

    private static final Duration LIMIT = Duration.ofSeconds(5);
    private static final Duration STEP = Duration.ofMillis(10);

    private Conversation() {
    }

    /** A client that has sent the CONNECT (with a PING after it) and read everything up to the PONG. */
    static RawClient connected(ServerProcess server, String connectJson) throws IOException {
        RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port());
        round(client, "CONNECT " + connectJson + "\r\n");
        return client;
    }

    /** Sends the input and a PING, and returns everything received up to its PONG (or the close). */
    static String round(RawClient client, String input) throws IOException {
        client.send(input + Wire.PING);
        StringBuilder received = new StringBuilder();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!client.isClosedByServer() && received.indexOf(Wire.PONG) < 0 && System.nanoTime() < deadline) {
            received.append(client.drain(STEP));
        }
        return received + (client.isClosedByServer() ? "<closed>" : "");
    }

    /** What arrives until the server closes the connection (or the time runs out), the close marked. */
    static String untilClosed(RawClient client) throws IOException {
        StringBuilder received = new StringBuilder();
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!client.isClosedByServer() && System.nanoTime() < deadline) {
            received.append(client.drain(STEP));
        }
        return received + (client.isClosedByServer() ? "<closed>" : "");
    }

    /** What was received so far, and what arrives until the pattern shows up in it (or the time runs out). */
    static String until(RawClient client, String sofar, Pattern pattern) throws IOException {
        StringBuilder received = new StringBuilder(sofar);
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!pattern.matcher(received).find() && System.nanoTime() < deadline) {
            received.append(client.drain(STEP));
        }
        return received.toString();
    }
}
