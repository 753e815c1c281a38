package io.natrium.bootstrap.client;

import static io.natrium.bootstrap.client.JnatsClients.TIMEOUT;
import static io.natrium.bootstrap.client.JnatsClients.await;
import static io.natrium.bootstrap.client.JnatsClients.connect;
import static io.natrium.bootstrap.client.JnatsClients.flush;
import static io.natrium.bootstrap.client.JnatsClients.nextTexts;
import static io.natrium.bootstrap.client.JnatsClients.numbered;
import static io.natrium.bootstrap.client.JnatsClients.publishAll;
import static io.natrium.bootstrap.client.JnatsClients.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Subscription;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Draining through jnats: messages already on their way are delivered before the subscription or connection ends. */
class JnatsDrainIT {

    private static final int MESSAGES = 500;

    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass();

    @Test
    void connectionDrainDeliversInFlightMessagesThenCloses() throws Exception {
        Queue<String> handled = new ConcurrentLinkedQueue<>();
        CountDownLatch gate = new CountDownLatch(1);
        List<String> sent = numbered("in-flight-", MESSAGES);
        try (Connection subscriber = connect(SERVER.get()); Connection publisher = connect(SERVER.get())) {
            Dispatcher dispatcher = subscriber.createDispatcher(message -> {
                awaitGate(gate);
                handled.add(text(message));
            });
            dispatcher.subscribe("drain.connection");
            flush(subscriber);
            publishAll(publisher, "drain.connection", sent);
            flush(publisher);

            CompletableFuture<Boolean> drained = subscriber.drain(TIMEOUT);
            gate.countDown();

            assertThat(await(drained)).isTrue();
            assertThat(handled).containsExactlyElementsOf(sent);
            assertThat(subscriber.getStatus()).isEqualTo(Connection.Status.CLOSED);
        }
    }

    @Test
    void subscriptionDrainDeliversInFlightMessagesAndKeepsTheConnection() throws Exception {
        List<String> sent = numbered("pending-", MESSAGES);
        try (Connection subscriber = connect(SERVER.get()); Connection publisher = connect(SERVER.get())) {
            Subscription subscription = subscriber.subscribe("drain.subscription");
            flush(subscriber);
            publishAll(publisher, "drain.subscription", sent);
            flush(publisher);

            CompletableFuture<Boolean> drained = subscription.drain(TIMEOUT);
            List<String> received = nextTexts(subscription, MESSAGES);

            assertThat(await(drained)).isTrue();
            assertThat(received).isEqualTo(sent);
            assertThat(subscription.isActive()).isFalse();
            assertThat(subscriber.getStatus()).isEqualTo(Connection.Status.CONNECTED);
            publishAll(publisher, "drain.subscription", List.of("too late"));
            flush(publisher, subscriber);
            assertThat(subscriber.getStatistics().getInMsgs()).as("MSGs the server sent").isEqualTo(MESSAGES);
        }
    }

    @Test
    void dispatcherDrainDeliversInFlightMessages() throws Exception {
        Queue<String> handled = new ConcurrentLinkedQueue<>();
        CountDownLatch gate = new CountDownLatch(1);
        List<String> sent = numbered("dispatched-", MESSAGES);
        try (Connection subscriber = connect(SERVER.get()); Connection publisher = connect(SERVER.get())) {
            Dispatcher dispatcher = subscriber.createDispatcher(message -> {
                awaitGate(gate);
                handled.add(text(message));
            });
            dispatcher.subscribe("drain.dispatcher");
            flush(subscriber);
            publishAll(publisher, "drain.dispatcher", sent);
            flush(publisher);

            CompletableFuture<Boolean> drained = dispatcher.drain(TIMEOUT);
            gate.countDown();

            assertThat(await(drained)).isTrue();
            assertThat(handled).containsExactlyElementsOf(sent);
            assertThat(dispatcher.isActive()).isFalse();
            assertThat(subscriber.getStatus()).isEqualTo(Connection.Status.CONNECTED);
        }
    }

    /** Holds a handler until the test has started the drain, so that messages are still queued when it starts. */
    private static void awaitGate(CountDownLatch gate) {
        try {
            if (!gate.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("the test never opened the gate");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
