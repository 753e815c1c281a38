package io.natrium.bootstrap.client;

import static io.natrium.bootstrap.client.JnatsClients.await;
import static io.natrium.bootstrap.client.JnatsClients.connect;
import static io.natrium.bootstrap.client.JnatsClients.flush;
import static io.natrium.bootstrap.client.JnatsClients.next;
import static io.natrium.bootstrap.client.JnatsClients.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.nats.client.Connection;
import io.nats.client.ConnectionListener.Events;
import io.nats.client.ErrorListener;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;

import java.util.Arrays;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The default max_payload of 1 MiB through jnats: exactly the limit passes; one byte more is refused. */
class JnatsPayloadIT {

    private static final int MAX_PAYLOAD = 1_048_576;

    @RegisterExtension
    static final ServerPerClass SERVER = new ServerPerClass();

    @Test
    void payloadOfExactlyMaxPayloadIsDeliveredIntact() throws Exception {
        byte[] payload = randomBytes(MAX_PAYLOAD);
        try (Connection subscriber = connect(SERVER.get()); Connection publisher = connect(SERVER.get())) {
            Subscription subscription = subscriber.subscribe("big");
            flush(subscriber);

            publisher.publish("big", payload);
            publisher.publish("big", payload);
            Message first = next(subscription);
            Message second = next(subscription);

            assertIdentical(first.getData(), payload);
            assertIdentical(second.getData(), payload);
            assertThat(publisher.getStatus()).isEqualTo(Connection.Status.CONNECTED);
        }
    }

    @Test
    void headersAndPayloadTogetherUpToMaxPayloadAreDeliveredIntact() throws Exception {
        Headers headers = new Headers().add("Size", "max");
        byte[] payload = randomBytes(MAX_PAYLOAD - headers.serializedLength());
        try (Connection nats = connect(SERVER.get())) {
            Subscription subscription = nats.subscribe("big.with.headers");
            nats.publish("big.with.headers", headers, payload);
            Message message = next(subscription);

            assertThat(message.getHeaders().getFirst("Size")).isEqualTo("max");
            assertIdentical(message.getData(), payload);
        }
    }

    @Test
    void jnatsRefusesOneByteMoreBeforeSending() throws Exception {
        try (Connection nats = connect(SERVER.get())) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> nats.publish("too.big", new byte[MAX_PAYLOAD + 1]))
                    .withMessage("Message payload size exceed server configuration 1048577 vs 1048576");

            flush(nats);
            assertThat(nats.getStatus()).isEqualTo(Connection.Status.CONNECTED);
        }
    }

    @Test
    void serverRefusesOneByteMoreWithMaximumPayloadViolationAndCloses() throws Exception {
        assertServerRefuses(publisher -> publisher.publish("too.big", new byte[MAX_PAYLOAD + 1]));
    }

    @Test
    void serverRefusesHeadersAndPayloadTogetherOneByteOverMaxPayload() throws Exception {
        // jnats checks only the payload against max_payload, so the headers take this HPUB over the limit.
        Headers headers = new Headers().add("Size", "over");
        byte[] payload = new byte[MAX_PAYLOAD - headers.serializedLength() + 1];

        assertServerRefuses(publisher -> publisher.publish("too.big", headers, payload));
    }

    /**
     * Publishes from a connection whose client-side size check is off: the server must answer
     * {@code -ERR 'Maximum Payload Violation'}, close the connection, and deliver nothing.
     */
    private static void assertServerRefuses(Consumer<Connection> publish) throws Exception {
        Queue<String> errors = new ConcurrentLinkedQueue<>();
        CountDownLatch closed = new CountDownLatch(1);
        try (Connection subscriber = connect(SERVER.get());
                Connection publisher = connect(options(SERVER.get())
                        .clientSideLimitChecks(false)
                        .noReconnect()
                        .errorListener(new ErrorListener() {
                            @Override
                            public void errorOccurred(Connection connection, String error) {
                                errors.add(error);
                            }
                        })
                        .connectionListener((connection, event) -> {
                            if (event == Events.CLOSED) {
                                closed.countDown();
                            }
                        }))) {
            Subscription subscription = subscriber.subscribe("too.big");
            flush(subscriber);

            publish.accept(publisher);
            await(closed, "the server closed the publisher");
            flush(subscriber);

            assertThat(errors).containsExactly("Maximum Payload Violation");
            assertThat(subscription.getPendingMessageCount()).isZero();
            assertThat(subscriber.getStatistics().getInMsgs()).isZero();
        }
    }

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    /** Compares without printing a megabyte when they differ. */
    private static void assertIdentical(byte[] actual, byte[] expected) {
        assertThat(actual.length).isEqualTo(expected.length);
        assertThat(Arrays.mismatch(actual, expected)).as("index of the first differing byte").isEqualTo(-1);
    }
}
