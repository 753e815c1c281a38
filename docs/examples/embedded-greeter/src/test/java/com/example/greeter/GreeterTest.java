package com.example.greeter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.natrium.embedded.junit.InProcess;
import io.natrium.embedded.junit.Natrium;
import io.nats.client.Connection;
import io.nats.client.Message;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

/**
 * One Natrium server for the class, started in the test's JVM; the service talks to it in-process (no socket),
 * the client over TCP, as any NATS client would.
 */
@Natrium
class GreeterTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    @Test
    void greetsByName(@InProcess Connection service, Connection client) throws Exception {
        try (Greeter greeter = Greeter.start(service)) {
            service.flush(TIMEOUT);

            Message reply = client.request(Greeter.SUBJECT, "Ada".getBytes(StandardCharsets.UTF_8), TIMEOUT);

            assertEquals("Hello, Ada!", new String(reply.getData(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void greetsAStrangerWithoutAName(@InProcess Connection service, Connection client) throws Exception {
        try (Greeter greeter = Greeter.start(service)) {
            service.flush(TIMEOUT);

            Message reply = client.request(Greeter.SUBJECT, new byte[0], TIMEOUT);

            assertEquals("Hello, stranger!", new String(reply.getData(), StandardCharsets.UTF_8));
        }
    }
}
