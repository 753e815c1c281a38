package io.natrium.bootstrap.monitor;

import io.natrium.bootstrap.EmbeddedServer;
import io.natrium.testkit.RawClient;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/** Real clients for the monitoring tests: jnats connections with a name, and raw protocol clients. */
final class Clients {

    static final Duration TIMEOUT = Duration.ofSeconds(5);
    /** CONNECT as most client libraries send it, with a name to recognise the connection by. */
    static final String QUIET_CONNECT = "CONNECT {\"verbose\":false,\"pedantic\":false,\"name\":\"%s\"}\r\n";

    private Clients() {
    }

    static Options.Builder options(EmbeddedServer server, String name) {
        return new Options.Builder().server(server.url()).connectionName(name).connectionTimeout(TIMEOUT)
                .noReconnect();
    }

    static Connection jnats(EmbeddedServer server, String name) throws IOException, InterruptedException {
        return Nats.connect(options(server, name).build());
    }

    static Connection jnats(Options.Builder options) throws IOException, InterruptedException {
        return Nats.connect(options.build());
    }

    /** Publishes {@code count} messages of {@code size} bytes and waits until the server has processed them. */
    static void publish(Connection connection, String subject, int count, int size)
            throws TimeoutException, InterruptedException {
        byte[] payload = new byte[size];
        for (int i = 0; i < count; i++) {
            connection.publish(subject, payload);
        }
        connection.flush(TIMEOUT);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A raw client that has sent CONNECT with this name and had it processed. */
    static RawClient raw(EmbeddedServer server, String name) throws IOException {
        RawClient client = RawClient.connectAndReadInfo("127.0.0.1", server.port());
        client.send(String.format(QUIET_CONNECT, name) + "PING\r\n").expect("PONG\r\n");
        return client;
    }

    /** Sends {@code operations} and a PING, and waits for the PONG: the server has processed them. */
    static RawClient roundTrip(RawClient client, String operations) throws IOException {
        return client.send(operations + "PING\r\n").expect("PONG\r\n");
    }
}
