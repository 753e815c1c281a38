package io.natrium.bootstrap.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import io.natrium.bootstrap.EmbeddedServer;
import io.nats.client.Connection;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.Subscription;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What the jnats integration tests share: client options aimed at an embedded server, bounded waits and text
 * payloads. Every wait is bounded by {@link #TIMEOUT}; none of them sleeps for a fixed time.
 */
final class JnatsClients {

    /** The longest any single wait may take; a passing test takes a small fraction of it. */
    static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** How long a connection attempt that the server refuses may take. */
    private static final Duration REFUSAL_TIMEOUT = Duration.ofMillis(500);

    private JnatsClients() {
    }

    static Options.Builder options(EmbeddedServer server) {
        return new Options.Builder().server(server.url()).connectionTimeout(TIMEOUT);
    }

    static Connection connect(EmbeddedServer server) throws IOException, InterruptedException {
        return connect(options(server));
    }

    static Connection connect(Options.Builder options) throws IOException, InterruptedException {
        return Nats.connect(options.build());
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static String text(Message message) {
        return new String(message.getData(), StandardCharsets.UTF_8);
    }

    /** Round trips to the server on each connection: what was sent before has been processed and answered. */
    static void flush(Connection... connections) throws TimeoutException, InterruptedException {
        for (Connection connection : connections) {
            connection.flush(TIMEOUT);
        }
    }

    /** The next message, which must arrive within the timeout. */
    static Message next(Subscription subscription) throws InterruptedException {
        Message message = subscription.nextMessage(TIMEOUT);
        assertThat(message).as("a message on %s within %s", subscription.getSubject(), TIMEOUT).isNotNull();
        return message;
    }

    /** The payloads of the next {@code count} messages, each of which must arrive within the timeout. */
    static List<String> nextTexts(Subscription subscription, int count) throws InterruptedException {
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            texts.add(text(next(subscription)));
        }
        return texts;
    }

    /**
     * Takes every message queued in the subscription. Complete once the subscriber's connection has been flushed
     * after the publisher's: the server writes the PONG behind the messages, and jnats reads in order.
     */
    static List<Message> pending(Subscription subscription) throws InterruptedException {
        int count = Math.toIntExact(subscription.getPendingMessageCount());
        List<Message> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            messages.add(next(subscription));
        }
        return messages;
    }

    static List<String> pendingSubjects(Subscription subscription) throws InterruptedException {
        return pending(subscription).stream().map(Message::getSubject).toList();
    }

    static List<String> pendingTexts(Subscription subscription) throws InterruptedException {
        return pending(subscription).stream().map(JnatsClients::text).toList();
    }

    static List<String> numbered(String prefix, int count) {
        List<String> texts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            texts.add(prefix + i);
        }
        return texts;
    }

    static void publishAll(Connection connection, String subject, List<String> texts) {
        for (String text : texts) {
            connection.publish(subject, bytes(text));
        }
    }

    static void await(CountDownLatch latch, String what) throws InterruptedException {
        assertThat(latch.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).as(what).isTrue();
    }

    /**
     * Connects with options the server refuses: the connection attempt fails, and what the server said in its
     * {@code -ERR} is returned. jnats waits for the PONG it never gets, so the attempt is given a short timeout.
     */
    static List<String> refusedConnectErrors(Options.Builder options) {
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        Options refused = options.connectionTimeout(REFUSAL_TIMEOUT).noReconnect().errorListener(new ErrorListener() {
            @Override
            public void errorOccurred(Connection connection, String error) {
                errors.add(error);
            }
        }).build();
        assertThatIOException().isThrownBy(() -> Nats.connect(refused)).withMessageContaining("Unable to connect");
        return List.copyOf(errors);
    }

    static <T> T await(CompletableFuture<T> future) throws InterruptedException, ExecutionException, TimeoutException {
        return future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
