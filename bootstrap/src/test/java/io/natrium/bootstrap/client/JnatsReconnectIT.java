package io.natrium.bootstrap.client;

import static io.natrium.bootstrap.client.JnatsClients.await;
import static io.natrium.bootstrap.client.JnatsClients.connect;
import static io.natrium.bootstrap.client.JnatsClients.flush;
import static io.natrium.bootstrap.client.JnatsClients.nextTexts;
import static io.natrium.bootstrap.client.JnatsClients.numbered;
import static io.natrium.bootstrap.client.JnatsClients.options;
import static io.natrium.bootstrap.client.JnatsClients.publishAll;
import static io.natrium.bootstrap.client.JnatsClients.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.natrium.application.settings.ServerSettings;
import io.natrium.bootstrap.EmbeddedServer;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener.Events;
import io.nats.client.Options;
import io.nats.client.Subscription;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;

/** jnats reconnects to a server restarted on the same port, resubscribes, and gets what is published afterwards. */
class JnatsReconnectIT {

    @Test
    void clientReconnectsAndResubscribesAfterAServerRestart() throws Exception {
        EmbeddedServer first = EmbeddedServer.start();
        int port = first.port();
        CountDownLatch subscriberBack = new CountDownLatch(1);
        CountDownLatch publisherBack = new CountDownLatch(1);
        CountDownLatch disconnected = new CountDownLatch(2);
        Queue<String> handled = new ConcurrentLinkedQueue<>();
        CountDownLatch allHandled = new CountDownLatch(10);
        try (Connection subscriber = connect(reconnecting(first, subscriberBack, disconnected));
                Connection publisher = connect(reconnecting(first, publisherBack, disconnected))) {
            Subscription subscription = subscriber.subscribe("survives.restart");
            subscriber.createDispatcher().subscribe("survives.restart.async", message -> {
                handled.add(text(message));
                allHandled.countDown();
            });
            flush(subscriber);
            String firstId = subscriber.getServerInfo().getServerId();

            first.close();
            await(disconnected, "both clients noticed the server going away");
            try (EmbeddedServer second = EmbeddedServer.startOnPort(ServerSettings.builder(), port)) {
                await(subscriberBack, "the subscriber resubscribed");
                await(publisherBack, "the publisher reconnected");
                flush(subscriber);

                List<String> sent = numbered("after-", 10);
                publishAll(publisher, "survives.restart", sent);
                publishAll(publisher, "survives.restart.async", sent);

                assertThat(nextTexts(subscription, 10)).isEqualTo(sent);
                await(allHandled, "the dispatcher got every message");
                assertThat(handled).containsExactlyElementsOf(sent);
                assertThat(subscriber.getStatus()).isEqualTo(Connection.Status.CONNECTED);
                assertThat(subscriber.getServerInfo().getServerId()).isEqualTo(second.server().serverId())
                        .isNotEqualTo(firstId);
                assertThat(subscriber.getStatistics().getReconnects()).isPositive();
            }
        } finally {
            first.close();
        }
    }

    /**
     * Retries every few milliseconds for ever; counts the client back once it has resubscribed. (The jitter must be
     * positive: jnats draws it with {@code ThreadLocalRandom.nextLong(jitter)}, and zero kills its reconnect thread.)
     */
    private static Options.Builder reconnecting(EmbeddedServer server, CountDownLatch back,
            CountDownLatch disconnected) {
        return options(server)
                .maxReconnects(-1)
                .reconnectWait(Duration.ofMillis(20))
                .reconnectJitter(Duration.ofMillis(5))
                .connectionListener((connection, event) -> {
                    if (event == Events.DISCONNECTED) {
                        disconnected.countDown();
                    } else if (event == Events.RESUBSCRIBED) {
                        back.countDown();
                    }
                });
    }
}
