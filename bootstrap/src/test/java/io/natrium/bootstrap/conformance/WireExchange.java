package io.natrium.bootstrap.conformance;

import io.natrium.testkit.RawClient;
import io.natrium.testkit.ServerProcess;

import java.io.IOException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** One raw exchange with a server as the differential tests compare them: what came back, INFO lines masked. */
final class WireExchange {

    private static final Pattern ASYNC_INFO = Pattern.compile("INFO \\{[^\r\n]*\\} \r\n");
    private static final Duration READ_STEP = Duration.ofMillis(10);
    private static final Duration EXCHANGE_LIMIT = Duration.ofSeconds(5);

    private WireExchange() {
    }

    /**
     * Reads INFO, sends the input and a last PING, and returns what came back up to the PONG of every PING (or the
     * close, marked), with INFO lines masked.
     */
    static String exchange(ServerProcess server, String input) throws IOException {
        return exchange(server, input, EXCHANGE_LIMIT);
    }

    /** Like {@link #exchange(ServerProcess, String)}, waiting at most {@code limit} for the answers. */
    static String exchange(ServerProcess server, String input, Duration limit) throws IOException {
        try (RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port())) {
            client.send(input + Wire.PING);
            long pongs = pings(input) + 1;
            StringBuilder received = new StringBuilder();
            long deadline = System.nanoTime() + limit.toNanos();
            while (!client.isClosedByServer() && count(received, Wire.PONG) < pongs && System.nanoTime() < deadline) {
                received.append(client.drain(READ_STEP));
            }
            return masked(received) + (client.isClosedByServer() ? "<closed>" : "");
        }
    }

    static String masked(CharSequence received) {
        return ASYNC_INFO.matcher(received).replaceAll("INFO {...} \r\n");
    }

    /** How many lines of the input are PING operations (the payloads in the tables never look like one). */
    private static long pings(String input) {
        return Stream.of(input.split("\n")).filter(line -> line.toUpperCase(Locale.ROOT).startsWith("PING")).count();
    }

    private static long count(CharSequence text, String part) {
        long count = 0;
        for (int at = text.toString().indexOf(part); at >= 0; at = text.toString().indexOf(part, at + part.length())) {
            count++;
        }
        return count;
    }
}
