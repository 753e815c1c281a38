package io.natrium.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.Test;

class SmokeIT {

    @Test
    void jnatsPublishesAndReceives() throws Exception {
        try (EmbeddedServer server = EmbeddedServer.start();
                Connection nats = Nats.connect(new Options.Builder().server(server.url()).build())) {
            Subscription subscription = nats.subscribe("greetings.*");
            nats.publish("greetings.world", "hello".getBytes(StandardCharsets.UTF_8));
            Message message = subscription.nextMessage(Duration.ofSeconds(2));

            assertThat(message).isNotNull();
            assertThat(message.getSubject()).isEqualTo("greetings.world");
            assertThat(new String(message.getData(), StandardCharsets.UTF_8)).isEqualTo("hello");
        }
    }
}
